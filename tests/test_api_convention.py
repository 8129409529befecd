"""The library's one API convention, checked over every public function."""
import ast
import importlib
import inspect
import pkgutil
import warnings
from pathlib import Path

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


def package_inits():
    root = Path(course_lib.__file__).parent
    return sorted(root.rglob("__init__.py"))


@pytest.mark.parametrize("path", package_inits(), ids=lambda p: str(p.parent.name))
def test_package_inits_hold_no_code(path):
    # A package's __init__ only names what its modules define: a docstring, imports and
    # __all__ (and the package version), so every function has one home to look in.
    allowed = (ast.Import, ast.ImportFrom)
    code = []
    for statement in ast.parse(path.read_text()).body:
        if isinstance(statement, allowed):
            continue
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue  # the docstring
        if isinstance(statement, ast.Assign) and all(
            isinstance(t, ast.Name) and t.id in ("__all__", "__version__") for t in statement.targets
        ):
            continue
        code.append(f"line {statement.lineno}: {type(statement).__name__}")
    assert code == [], f"{path} holds code; move it to a module of its own: {code}"


def test_no_module_serves_names_lazily():
    # A module-level __getattr__ hides where a name lives (the old networks facade did).
    lazy = []
    for info in pkgutil.walk_packages(course_lib.__path__, "course_lib."):
        module = importlib.import_module(info.name)
        if "__getattr__" in vars(module):
            lazy.append(info.name)
    assert lazy == [], f"modules with a lazy __getattr__: {lazy}"


def test_modules_export_only_what_they_define():
    # Only a package's __init__ re-exports; a module's __all__ names its own functions
    # and classes (the explorers once re-exported the experiments' tables "under their
    # old names", so the same function had two homes).
    borrowed = []
    for info in pkgutil.walk_packages(course_lib.__path__, "course_lib."):
        if info.ispkg:
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", []):
            value = getattr(module, name)
            if (inspect.isfunction(value) or inspect.isclass(value)) and value.__module__ != info.name:
                borrowed.append(f"{info.name}.{name} (from {value.__module__})")
    assert borrowed == [], f"re-exported outside a package __init__: {borrowed}"


def test_one_name_per_concept():
    # mean_degree, never z; worlds for live-edge worlds (runs is for Monte Carlo runs)
    retired = {"z", "dense_degree", "sparse_degree", "select_runs", "z_max", "z_domain"}
    found = []
    for where, function in public_functions():
        found += [f"{where}({name})" for name in inspect.signature(function).parameters if name in retired]
    assert found == [], f"parameters under a retired name: {found}"
    greedy = inspect.signature(greedy_seeds).parameters
    assert "worlds" in greedy and "runs" not in greedy


def test_the_old_parameter_names_still_work_with_a_warning():
    from course_lib.cascades import cascade_condition_margin, cascade_frequency
    from course_lib._deprecation import RenamedKeywordWarning

    with pytest.warns(RenamedKeywordWarning, match="the parameter z is now called mean_degree"):
        old = cascade_condition_margin(z=3.0, phi=0.18)
    assert old == cascade_condition_margin(mean_degree=3.0, phi=0.18)
    with pytest.warns(RenamedKeywordWarning, match="runs is now called worlds"):
        old = greedy_seeds(nx.star_graph(6), 1, p=0.5, runs=50, seed=1)
    assert old == greedy_seeds(nx.star_graph(6), 1, p=0.5, worlds=50, seed=1)
    with pytest.raises(TypeError, match="got both 'z' .* and 'mean_degree'"):
        cascade_frequency(z=3.0, mean_degree=3.0, phi=0.18, n=100, runs=2, seed=1)


# Dataclasses that are inputs or machinery, not results a student tabulates or plots.
NOT_RESULTS = {
    "CompiledNetwork", "LiveEdgeWorlds",  # compiled inputs of the kernels
    "Market", "Levers", "Scenario", "Strategy",  # a model's parameters, a strategy's choices
    "Range", "Choice", "ExplorerDeclaration",  # an explorer's declaration
}


def test_results_are_frozen_dataclasses_with_a_table():
    import dataclasses

    missing = []
    for info in pkgutil.walk_packages(course_lib.__path__, "course_lib."):
        if "._" in info.name or info.name.split(".")[1] == "grading":
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", []):
            value = getattr(module, name)
            if dataclasses.is_dataclass(value) and value.__module__ == info.name:
                if not value.__dataclass_params__.frozen:
                    missing.append(f"{name} is not frozen")
                if name not in NOT_RESULTS and not callable(getattr(value, "to_frame", None)):
                    missing.append(f"{name} has no to_frame()")
    assert missing == [], missing


def test_the_old_attribute_names_still_work_with_a_warning():
    from course_lib._deprecation import RenamedKeywordWarning
    from course_lib.cascades import expected_spread, threshold_cascade

    result = threshold_cascade(nx.path_graph(4), 0.5, [0])
    with pytest.warns(RenamedKeywordWarning, match="CascadeResult.size is now called spread"):
        assert result.size == result.spread == 4
    estimate = expected_spread(nx.path_graph(4), [0], p=1.0, runs=3, seed=1)
    with pytest.warns(RenamedKeywordWarning, match="SpreadEstimate.mean is now called spread"):
        assert estimate.mean == estimate.spread == 4.0
    frame = estimate.to_frame()
    assert frame.loc[0, "low"] == frame.loc[0, "high"] == 4.0  # every run reaches all four
