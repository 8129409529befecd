"""How the lessons draw when the course website is built from them.

``tools/build_site.py`` executes every lesson with the environment variable
``COURSE_LIB_SITE=1``. Then :func:`course_lib.viz.enable_offline` switches altair to the
renderer here, which writes each chart as plain HTML that calls ``vegaEmbed`` from the
site's own copy of vega (``assets/vega-bundle.js``, from ``vl-convert``), and the
explorers and quizzes write kernel-free versions of themselves (Vega-Lite parameters
bound to inputs, plain JavaScript feedback). Nothing is fetched from a CDN.
"""
from __future__ import annotations

import itertools
import json
import os

__all__ = ["SITE_ENVIRONMENT", "site_mode", "chart_html", "enable_site_renderer"]

#: The environment variable that turns site mode on (``"1"``).
SITE_ENVIRONMENT = "COURSE_LIB_SITE"
_RENDERER = "course-site"
_counter = itertools.count()


def site_mode():
    """True while the website is being built (``COURSE_LIB_SITE=1``).

    Returns
    -------
    bool

    Examples
    --------
    >>> import os
    >>> site_mode() == (os.environ.get("COURSE_LIB_SITE") == "1")
    True
    """
    return os.environ.get(SITE_ENVIRONMENT) == "1"


def chart_html(spec, *, note=None):
    """A chart as HTML for the website: a ``div`` and a script that embeds ``spec``.

    Parameters
    ----------
    spec : dict
        A Vega-Lite spec (``chart.to_dict()``).
    note : str, optional
        HTML shown under the chart.

    Returns
    -------
    str

    Examples
    --------
    >>> page = chart_html({"mark": "point"}, note="a note")
    >>> page.startswith('<div class="course-chart"'), "vegaEmbed" in page
    (True, True)
    """
    element = f"course-chart-{os.getpid()}-{next(_counter)}"
    # "</" inside a script would end it early: escape the slash in the JSON
    data = json.dumps(spec, ensure_ascii=False).replace("</", "<\\/")
    text = (f'<div class="course-chart" id="{element}"></div>\n'
            f'<script>vegaEmbed("#{element}", {data}, {{"actions": false}})'
            # the view stays on the element: the page's courseReveal draws a guess through it
            f'.then(function (result) {{ document.getElementById("{element}").courseView = result.view; }})'
            f'.catch(function (error) {{ document.getElementById("{element}").textContent = '
            f'"This chart could not be drawn: " + error; console.error(error); }});</script>')
    if note:
        text += f'\n<p class="course-chart-note">{note}</p>'
    return text


def _renderer(spec, **metadata):
    return {"text/html": chart_html(spec)}


def enable_site_renderer():
    """Make altair write charts with :func:`chart_html` (site mode).

    Returns
    -------
    None

    Examples
    --------
    >>> import altair as alt
    >>> before = alt.renderers.active
    >>> enable_site_renderer()
    >>> alt.renderers.active
    'course-site'
    >>> _ = alt.renderers.enable(before)
    """
    import altair as alt

    alt.renderers.register(_RENDERER, _renderer)
    alt.renderers.enable(_RENDERER)
