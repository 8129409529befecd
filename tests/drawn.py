"""Charts as vl-convert draws them, for tests that look at the picture rather than the spec."""
import re

import altair as alt
import vl_convert as vlc

from course_lib.viz import THEME_NAME


def svg(spec):
    """The SVG of a Vega-Lite spec, with vl-convert's process-wide gradient numbering removed:
    the second drawing of the same legend is gradient_1, not gradient_0."""
    return re.sub(r"gradient_\d+", "gradient", vlc.vegalite_to_svg(spec))


def cut_short_texts(chart):
    """The texts Vega cuts with an ellipsis when it draws ``chart`` in the course theme,
    as the lessons draw it (the theme's fonts are larger than Vega-Lite's)."""
    with alt.theme.enable(THEME_NAME):
        drawing = svg(chart.to_dict())
    return [text for text in re.findall(r"<text[^>]*>([^<]*)</text>", drawing) if text.endswith("…")]
