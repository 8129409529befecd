"""The README, CI script and Binder files agree with each other and with the tree."""
import json
import os
import re
import subprocess
import sys
import tomllib
import urllib.parse
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
LESSONS = ROOT / "lessons"


def block(marker):
    match = re.search(rf"<!-- {marker} -->\s*```bash\n(.+?)\n```\s*<!-- /{marker} -->", README, re.S)
    assert match, f"README has no {marker} block"
    return match.group(1).strip()


def test_readme_has_exactly_two_commands_that_set_up_from_scratch():
    open_command, test_command = block("open-command"), block("test-command")
    for command in (open_command, test_command):
        assert "\n" not in command, "each command is one copy-paste line"
        assert command.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install -e ")
    # root at the checkout, so students see lessons/ and assignments/, with lesson 00 open
    assert open_command.endswith("jupyter lab --notebook-dir=. lessons/00_start_here.ipynb")
    assert '".[test]"' in test_command and test_command.endswith("python -m pytest")


def test_readme_site_command_builds_the_site_in_its_own_environment():
    command = block("site-command")
    assert "\n" not in command, "one copy-paste line"
    assert command.startswith('python3 -m venv .venv && . .venv/bin/activate && pip install -e ".[site]" && ')
    script, dest = re.search(r"python (tools/\S+\.py) (\S+)", command).groups()
    assert (ROOT / script).exists() and dest.startswith("_")
    assert "site" in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert f"{dest}/" in (ROOT / ".gitignore").read_text().splitlines(), "the built site is never committed"


def test_ci_runs_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text()
    extract = re.search(r"test_command=\$\((.+)\)\n", script).group(1)
    out = subprocess.run(["bash", "-c", extract], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == block("test-command")


def test_binder_installs_the_project_itself():
    lines = [
        line.strip() for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    # one shared code path: Binder gets exactly pyproject.toml's dependencies
    assert lines == ["."]
    runtime = (ROOT / "binder" / "runtime.txt").read_text().strip()
    version = tuple(int(x) for x in runtime.removeprefix("python-").split("."))
    required = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert required == ">=3.10" and version >= (3, 10)


def test_binder_post_build_runs_every_lesson_and_silences_news(tmp_path):
    script = ROOT / "binder" / "postBuild"
    assert os.access(script, os.X_OK), "repo2docker runs postBuild only when it is executable"
    # run it with stand-ins: `python` reports a scratch prefix, `jupyter` logs its calls
    # and fails on one lesson, which must be reported without stopping the build
    stubs, prefix, calls = tmp_path / "bin", tmp_path / "prefix", tmp_path / "calls"
    python_calls = tmp_path / "python_calls"
    stubs.mkdir()
    (stubs / "python").write_text(f'#!/bin/sh\necho "$@" >> {python_calls}\necho {prefix}\n')
    (stubs / "jupyter").write_text(f'#!/bin/sh\necho "$@" >> {calls}\ncase "$*" in *00_start*) exit 1;; esac\n')
    for stub in stubs.iterdir():
        stub.chmod(0o755)
    env = dict(os.environ, PATH=f"{stubs}{os.pathsep}{os.environ['PATH']}")
    run = subprocess.run(["bash", str(script)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    # every lesson, so the numba cache in the image covers every lesson's functions
    executed = sorted(line.split()[-1] for line in calls.read_text().splitlines())
    assert executed == sorted(f"lessons/{p.name}" for p in LESSONS.glob("*.ipynb")), executed
    assert "could not run lessons/00_start_here.ipynb" in run.stdout
    # the kernels are compiled into the image before the lessons run, as on a laptop
    assert "-m course_lib.prepare" in python_calls.read_text().splitlines()
    text = script.read_text()
    assert text.index("python -m course_lib.prepare") < text.index("jupyter nbconvert")
    # JupyterLab reads overrides.json from <prefix>/share/jupyter/lab/settings
    overrides = json.loads((prefix / "share/jupyter/lab/settings/overrides.json").read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


def test_the_open_command_compiles_the_lessons_kernels_before_jupyterlab_starts():
    # a fresh install's first Run All then loads compiled code (tests/test_prepare.py
    # checks that prepare covers what lesson 03 compiles)
    command = block("open-command")
    assert command.index("pip install -e .") < command.index("python -m course_lib.prepare") \
        < command.index("jupyter lab")


def test_binder_overrides_are_settings_jupyterlab_knows():
    import jupyterlab

    schemas = Path(jupyterlab.__file__).parent / "schemas"
    overrides = json.loads((ROOT / "binder" / "overrides.json").read_text())
    for plugin, values in overrides.items():
        package, name = plugin.rsplit(":", 1)
        schema = json.loads((schemas / package / f"{name}.json").read_text())["properties"]
        for key, value in values.items():
            allowed = [choice["const"] for choice in schema[key].get("oneOf", [])]
            assert key in schema and (not allowed or value in allowed), f"{plugin} {key}={value!r}"


def test_binder_link_opens_lesson_00():
    link = re.search(r"\(https://mybinder\.org/v2/gh/[^)]+\)", README).group(0)[1:-1]
    labpath = urllib.parse.parse_qs(urllib.parse.urlparse(link).query)["labpath"][0]
    assert labpath == "lessons/00_start_here.ipynb" and (ROOT / labpath).exists()


def test_readme_links_point_to_files():
    for target in re.findall(r"\]\(((?:lessons|docs|assignments)/[^)#]+)\)", README):
        assert (ROOT / target).exists(), f"README links to missing {target}"


def test_runtime_dependencies_are_the_chosen_ones():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {re.split(r"[<>=!~\[ ]", d)[0].lower() for d in deps}
    card = {"jupyterlab", "ipywidgets", "numpy", "networkx", "altair", "nbgrader"}
    chosen = {"anywidget", "vl-convert-python", "numba", "scipy", "pandas", "tqdm", "ipykernel", "joblib"}
    assert card <= names and names <= card | chosen, names - card - chosen


def test_installed_package_is_this_checkout():
    import course_lib

    assert Path(course_lib.__file__).resolve().parent == ROOT / "course_lib"
    assert sys.version_info >= (3, 10)


def test_the_open_command_answers_the_news_question_before_jupyterlab_starts(tmp_path):
    from course_lib import lab_settings

    command = re.search(r"<!-- open-command -->\s*```bash\n(.*?)\n```", README, re.S).group(1)
    assert command.index("python -m course_lib.lab_settings") < command.index("jupyter lab")
    assert lab_settings.OVERRIDES == json.loads((ROOT / "binder" / "overrides.json").read_text()), \
        "a laptop and Binder get the same JupyterLab settings"
    # an overrides.json already there keeps its other settings
    settings = tmp_path / "share/jupyter/lab/settings/overrides.json"
    settings.parent.mkdir(parents=True)
    settings.write_text('{"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}')
    written = json.loads(lab_settings.install(tmp_path).read_text())
    assert written["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}
    assert written["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    settings.write_text("[1, 2]")
    with pytest.raises(ValueError, match="is not a JSON object"):
        lab_settings.install(tmp_path)
