"""numpydoc validation of the public API: what a reader of ``help()`` can count on.

Every public function and class of the library (not the instructors' grading package)
has a numpydoc docstring with its Parameters and Returns, a runnable Examples section
(run by the doctests), a Raises section when its own body raises, and a References
section when its docstring names a published work. Result dataclasses list their
fields under Attributes.
"""
import dataclasses
import importlib
import inspect
import pkgutil
import re
import textwrap

import pytest
from numpydoc.docscrape import ClassDoc, FunctionDoc
from numpydoc.validate import validate

import course_lib

# numpydoc's codes we hold the library to: docstring present, parameters documented and
# none unknown, parameter types given, a Returns section, an Examples section.
CHECKED = {"GL08", "PR01", "PR02", "PR07", "RT01", "EX01"}
# A work cited in the text: "Watts (2002)", "Kempe, Kleinberg & Tardos 2003", "Bass 1969".
CITATION = re.compile(r"\b[A-Z][a-zà-ÿ]+(?: et al\.|,? (?:&|and) [A-Z][a-zà-ÿ]+)?,? \(?(?:19|20)\d\d\b")


def public_objects():
    for info in pkgutil.walk_packages(course_lib.__path__, "course_lib."):
        if "._" in info.name or info.name.split(".")[1] == "grading" or info.ispkg:
            continue
        module = importlib.import_module(info.name)
        for name in getattr(module, "__all__", []):
            value = getattr(module, name)
            if (inspect.isfunction(value) or inspect.isclass(value)) and value.__module__ == info.name:
                yield f"{info.name}.{name}", value


OBJECTS = dict(public_objects())

# numpydoc walks the members of the explorers' ipywidgets base classes
pytestmark = pytest.mark.filterwarnings("ignore:Widget.* is deprecated:DeprecationWarning")


def raises_itself(function):
    try:
        source = textwrap.dedent(inspect.getsource(inspect.unwrap(function)))
    except (OSError, TypeError):
        return False
    return re.search(r"^\s+raise \w", source, re.M) is not None


def problems(path, value):
    found = []
    if dataclasses.is_dataclass(value):
        doc = inspect.getdoc(value) or ""
        missing = [f.name for f in dataclasses.fields(value) if not re.search(rf"^{f.name}\b", doc, re.M)]
        if not doc:
            found.append("GL08 no docstring")
        elif missing:
            found.append(f"fields not listed under Attributes: {missing}")
        return found
    report = validate(path)
    found += [f"{code} {message}" for code, message in report["errors"] if code in CHECKED
              and not (inspect.isclass(value) and code in ("RT01",))]
    doc = (FunctionDoc if inspect.isfunction(value) else ClassDoc)(value)
    text = inspect.getdoc(value) or ""
    if inspect.isfunction(value) and raises_itself(value) and not doc["Raises"]:
        found.append("no Raises section, but the function raises")
    if CITATION.search(text) and not doc["References"]:
        found.append(f"cites {CITATION.search(text).group(0)!r} but has no References section")
    return found


def test_the_scan_finds_the_public_api():
    assert len(OBJECTS) > 120 and "course_lib.cascades.threshold.threshold_cascade" in OBJECTS


@pytest.mark.parametrize("path", sorted(OBJECTS))
def test_numpydoc_docstring(path):
    found = problems(path, OBJECTS[path])
    assert found == [], f"{path}: " + "; ".join(found)
