"""The course's look, and one call that makes altair charts render offline.

Call :func:`enable_offline` once at the top of a notebook. Altair's default renderer
fetches its JavaScript from a CDN and shows a blank chart without internet; the
``jupyter`` renderer bundles everything locally through ``vl-convert``.
"""
from __future__ import annotations

import altair as alt

from ._shared import _HEIGHT, _WIDTH

__all__ = ["OKABE_ITO", "THEME_NAME", "course_theme", "enable_offline"]

#: Okabe & Ito (2008) colour-blind-safe palette: orange, sky blue, bluish green,
#: yellow, blue, vermillion, reddish purple, black.
OKABE_ITO = [
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
]
THEME_NAME = "course"



def course_theme():
    """The course's altair theme: Okabe–Ito colours, viridis ramps, readable fonts.

    Registered with altair as :data:`THEME_NAME` (``"course"``) when this module is
    imported, but not enabled: :func:`enable_offline` enables it.

    Returns
    -------
    dict
        A Vega-Lite ``config`` (altair ``ThemeConfig``): default view size, the
        :data:`OKABE_ITO` palette for categories, viridis for ramps and heatmaps, and
        font sizes for titles, axes, legends and text.

    See Also
    --------
    enable_offline : Enables this theme with the offline renderer.

    Examples
    --------
    >>> config = course_theme()["config"]
    >>> config["range"]["category"] == OKABE_ITO
    True
    >>> THEME_NAME in alt.theme.names()
    True
    """
    return {
        "config": {
            "view": {"continuousWidth": _WIDTH, "continuousHeight": _HEIGHT, "stroke": None},
            "font": "sans-serif",
            "range": {
                "category": OKABE_ITO,
                "ramp": {"scheme": "viridis"},
                "heatmap": {"scheme": "viridis"},
            },
            "title": {"fontSize": 16, "anchor": "start", "subtitleFontSize": 13},
            "axis": {"labelFontSize": 13, "titleFontSize": 14, "grid": True, "gridOpacity": 0.5},
            # Vega-Lite cuts legend labels at 160 px and titles at 180 ("share on the external plat…"); the
            # course's labels are short sentences, up to about 40 characters
            "legend": {"labelFontSize": 13, "titleFontSize": 13, "labelLimit": 320, "titleLimit": 320},
            "header": {"labelFontSize": 13, "titleFontSize": 14},
            "text": {"fontSize": 13},
            "mark": {"color": OKABE_ITO[4]},
            "line": {"strokeWidth": 2.5},
            "point": {"size": 60, "filled": True},
        }
    }


alt.theme.register(THEME_NAME, enable=False)(course_theme)


def enable_offline(theme=True):
    """Make altair charts render in JupyterLab without internet, and use the course theme.

    Enables altair's ``jupyter`` renderer in offline mode and switches
    :class:`altair.JupyterChart` (used by the explorers) to offline mode too: both load
    vega, vega-lite and vega-embed from the locally installed ``vl-convert`` instead of
    a CDN. The first call builds about 1 MB of JavaScript (about 2 s, once per kernel).

    Parameters
    ----------
    theme : bool, default True
        Also enable the course theme (:func:`course_theme`).

    Returns
    -------
    None

    Notes
    -----
    While the course website is built (``COURSE_LIB_SITE=1``, see
    :func:`course_lib.viz.site.site_mode`), the renderer enabled is instead the site's
    (:func:`course_lib.viz.site.enable_site_renderer`), which writes each chart as
    HTML over the site's own copy of vega.

    Examples
    --------
    Once, at the top of a notebook (not run here: the first call takes a few seconds,
    and it switches the renderer and theme for the whole session):

    >>> from course_lib.viz import enable_offline
    >>> enable_offline()  # doctest: +SKIP
    """
    from .site import enable_site_renderer, site_mode

    if site_mode():  # building the website: charts as HTML over the site's own vega
        enable_site_renderer()
    else:
        alt.renderers.enable("jupyter", offline=True)
    alt.JupyterChart.enable_offline(True)
    if theme:
        alt.theme.enable(THEME_NAME)
