"""JupyterLab's defaults for the course's environment: ``python -m course_lib.lab_settings``.

On its first start JupyterLab asks every student, in a toast over the lesson, whether to
fetch Jupyter news from the internet. The README's open command runs this module once
after installing, and it answers "no" for the whole environment: it writes
:data:`OVERRIDES` into ``<sys.prefix>/share/jupyter/lab/settings/overrides.json``, the
file JupyterLab reads its environment-wide defaults from, keeping any other overrides
already there. A student can still change the setting in JupyterLab. Binder's
``binder/postBuild`` installs the same settings from ``binder/overrides.json``.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

__all__ = ["OVERRIDES", "install"]

#: The settings written: no news from the internet, no update checks.
OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}


def install(prefix=None):
    """Write :data:`OVERRIDES` into the environment's JupyterLab settings.

    Parameters
    ----------
    prefix : str or pathlib.Path, optional
        The environment (``sys.prefix`` by default).

    Returns
    -------
    pathlib.Path
        The ``overrides.json`` written.

    Raises
    ------
    ValueError
        If an existing ``overrides.json`` is not a JSON object (it is left as it is).

    Examples
    --------
    >>> import tempfile
    >>> path = install(tempfile.mkdtemp())
    >>> json.loads(path.read_text())["@jupyterlab/apputils-extension:notification"]["fetchNews"]
    'false'
    """
    path = Path(sys.prefix if prefix is None else prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    settings = {}
    if path.exists():
        try:
            settings = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            settings = None
        if not isinstance(settings, dict):
            raise ValueError(f"{path} is not a JSON object; fix or remove it, then run this again")
    for plugin, values in OVERRIDES.items():
        settings[plugin] = {**settings.get(plugin, {}), **values}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"JupyterLab will not ask about news: {install()}")
