"""The library's one API convention, checked over every public function."""
import importlib
import inspect
import pkgutil
import warnings

import networkx as nx
import pytest

import course_lib
from course_lib._deprecation import PositionalSeedWarning
from course_lib.networks import poisson_network
from course_lib.seeding import greedy_seeds, random_seeds


def public_functions():
    for info in pkgutil.walk_packages(course_lib.__path__, "course_lib."):
        if "._" in info.name or info.name.split(".")[1] == "grading":  # instructors only
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", []):
            value = getattr(module, name)
            if inspect.isfunction(value) and value.__module__ == module.__name__:
                yield f"{info.name}.{name}", value


def test_seed_is_keyword_only_everywhere():
    found, positional = 0, []
    for where, function in public_functions():
        parameters = inspect.signature(function).parameters
        if "seed" in parameters:
            found += 1
            if parameters["seed"].kind is not inspect.Parameter.KEYWORD_ONLY:
                positional.append(where)
    assert found >= 30, "the scan finds the library's seeded functions"
    assert positional == [], f"seed must be keyword-only (*, seed=None) in {positional}"


def test_the_old_positional_spelling_still_works_with_a_warning():
    G = nx.star_graph(6)
    with pytest.warns(PositionalSeedWarning, match=r"random_seeds\(\): pass seed by keyword"):
        old = random_seeds(G, 3, 7)
    assert old == random_seeds(G, 3, seed=7)
    with pytest.warns(PositionalSeedWarning, match="pass seed and weights by keyword"):
        old = greedy_seeds(G, 1, "lt", 0.1, 50, 1, None)
    assert old == greedy_seeds(G, 1, "lt", 0.1, 50, seed=1, weights=None)


def test_keyword_calls_do_not_warn_and_mistakes_are_refused():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        poisson_network(20, 2, seed=3)
    with pytest.raises(TypeError, match="both by position and by keyword"):
        random_seeds(nx.path_graph(5), 2, 1, seed=1)
    with pytest.raises(TypeError, match="at most 3 arguments by position"):
        random_seeds(nx.path_graph(5), 2, 1, 2)
