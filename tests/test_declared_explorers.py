"""Every lesson explorer declared for the website: the page, at a setting of its grid,
draws exactly what the lesson's widget draws at that setting (vl-convert renders both)."""
import pytest
from drawn import cut_short_texts
from drawn import svg as _svg
from test_declare import at

from course_lib.explore import budgets, capstone, cascades, diffusion, influence, levers, opinions, platforms
from course_lib.explore.declare import MAX_SITE_CELLS, _node, _views

pytestmark = pytest.mark.slow

DECLARATIONS = {
    "two_levers": levers.two_lever_declaration,
    "granovetter": cascades.granovetter_declaration,
    "networks": lambda: influence.networks_declaration(seed=1),
    "seeding": lambda: influence.seeding_declaration(p=0.05, k=20, network="scale-free", seed=3),
    "empowerment": opinions.empowerment_declaration,
    "campaign": lambda: opinions.campaign_declaration(p=0.6, q=4, variant="anticonformity", strength=0.1, seed=5),
    "mixed_market": lambda: opinions.mixed_market_declaration(empowered=0.6, certainty=0.5, seed=13),
    "expressed_private": opinions.expressed_private_declaration,
    "horizon": budgets.horizon_declaration,
    "phasing": budgets.phasing_declaration,
    "bass": diffusion.bass_declaration,
    "moderation": platforms.moderation_declaration,
    "capstone": capstone.capstone_declaration,
}


# a setting inside the grid, besides the default and the grid's corners
INSIDE = {
    "seeding": dict(p=0.09, k=7, model="ic", network="communities"),
    "campaign": dict(p=0.45, q=7, variant="independence", kind="zealots", strength=0.2),
    "mixed_market": dict(empowered=0.3, certainty=0.25, q=1),
}


@pytest.fixture(scope="module", params=sorted(DECLARATIONS))
def declared(request):
    declaration = DECLARATIONS[request.param]()
    return declaration, declaration.static_spec(compact=False)


def test_the_grid_fits_a_page_and_says_where_it_is_coarser(declared):
    declaration, _ = declared
    cells = declaration.site_cells()
    assert 1 < len(cells) <= MAX_SITE_CELLS
    assert declaration.defaults in cells, "the page must start where the lesson starts"
    coarse = [c for c in declaration.controls if getattr(c, "site_step", None)]
    assert len(declaration.coarser_on_site()) == len(coarse)


def test_the_page_draws_what_the_widget_draws(declared):
    declaration, spec = declared
    cells = declaration.site_cells()
    inside = [INSIDE[declaration.name]] if declaration.name in INSIDE else []
    for values in (declaration.defaults, cells[0], cells[-1], *inside):
        assert values in cells
        widget_chart = declaration.explorer(**values).chart.to_dict()
        for path, node in _views(widget_chart):  # a description that changes with the settings
            if "description" not in _node(spec, path):  # is left out of the page
                node.pop("description", None)
        assert _svg(at(spec, **values)) == _svg(widget_chart), \
            f"{declaration.name}: the page and the widget differ at {values}"


def test_no_text_on_the_chart_is_cut_short(declared):
    declaration, _ = declared
    cut = cut_short_texts(declaration.explorer(**declaration.defaults).chart)
    assert not cut, f"{declaration.name}: labels cut off on the chart: {cut}"
