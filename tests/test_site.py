"""The course website: built from fresh kernels, then read in a real Chromium from file://.

The build (tools/build_site.py) runs lessons 00 and 02, which between them have every
kind of kernel-free widget: a declared explorer (lesson 02's Granovetter crowd), fixed
charts, predictions, a quiz and maths. The page checks are what a reader sees: charts
drawn, a slider that redraws its chart, quiz feedback, navigation, and nothing fetched
from the internet.
"""
import html
import importlib.util
import json
import os
import re
from pathlib import Path

import pytest

from test_browser import CHROMIUM, CHROMIUM_ARGS, _require_browser

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("build_site", ROOT / "tools" / "build_site.py")
build_site = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(build_site)

# MathJax 2 probes for its web fonts with an @font-face whose source is about:blank,
# which Chromium refuses from file:// and logs; it is the only message allowed.
MATHJAX_PROBE = "about:blank"


def test_a_page_that_loads_from_the_internet_or_names_this_machine_is_refused():
    clean = '<a href="https://doi.org/10.1086/226707">Granovetter (1978)</a><script src="assets/course.js"></script>'
    assert build_site.check_page("clean.html", clean) == []
    planted = {
        "cdn script": '<script src="https://cdn.jsdelivr.net/npm/vega@5"></script>',
        "protocol-relative image": '<img src="//example.org/x.png">',
        "css import": "<style>@font-face { src: url('https://fonts.example/x.woff') }</style>",
        "checkout path": f"<pre>{ROOT}/course_lib/networks.py</pre>",
        "scratch path": "<pre>/tmp/tmpab12/lesson</pre>",
    }
    for what, text in planted.items():
        assert build_site.check_page("bad.html", text), f"the page check missed a {what}"


def test_site_environment_is_set_inside_and_restored_after(monkeypatch):
    import os

    monkeypatch.delenv("COURSE_LIB_SITE", raising=False)
    with build_site.site_environment():
        assert os.environ.get("COURSE_LIB_SITE") == "1", "the kernels would not see site mode"
    assert "COURSE_LIB_SITE" not in os.environ, "site mode leaked out of the build"
    monkeypatch.setenv("COURSE_LIB_SITE", "0")
    with build_site.site_environment():
        pass
    assert os.environ["COURSE_LIB_SITE"] == "0", "a value set before the build was not restored"
    monkeypatch.delenv("COURSE_LIB_SITE_CACHE", raising=False)
    with build_site.site_environment(cache="/some/cache"):
        assert os.environ.get("COURSE_LIB_SITE_CACHE") == "/some/cache", "the kernels would not see the cache"
    assert "COURSE_LIB_SITE_CACHE" not in os.environ, "the cache folder leaked out of the build"


def test_the_index_gives_the_readmes_open_command_and_links_the_zip():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = readme.split("<!-- open-command -->")[1].split("<!-- /open-command -->")[0]
    line = next(l for l in command.splitlines() if "pip install" in l)
    page = build_site.index_page([("00_start_here.html", "Start here")], "_site.zip")
    assert html.escape(line, quote=False) in page, "the index's install command is not the README's"
    assert '<a href="_site.zip" download>' in page, "the index does not offer the site as a zip"
    assert ".zip" not in build_site.index_page([("00_start_here.html", "Start here")]), \
        "a site built without --zip links a zip"


# A full build takes minutes, so the suite builds the two lessons above. To check a full
# build with the same page tests: COURSE_SITE=DIR pytest tests/test_site.py -m browser
PREBUILT = os.environ.get("COURSE_SITE")
LESSON_PAGES = (sorted(p.name for p in Path(PREBUILT).glob("[0-9][0-9]_*.html")) if PREBUILT
                else ["00_start_here.html", "02_threshold_cascades.html"])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    _require_browser()
    if PREBUILT:
        return Path(PREBUILT)
    return build_site.build(tmp_path_factory.mktemp("site") / "site", lessons=["00", "02"],
                            cache=tmp_path_factory.mktemp("site-cache"))


def test_the_build_leaves_the_calling_process_out_of_site_mode(site):
    from course_lib.viz.site import site_mode

    assert "COURSE_LIB_SITE" not in os.environ and not site_mode(), \
        "building the site left COURSE_LIB_SITE set in the process that built it"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_page(browser, path, base=None):
    """Open `path` from file://, or from the web server at `base` (its URL) when given."""
    allowed = ("data:", "blob:", MATHJAX_PROBE) + ((base,) if base else ("file://",))
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    problems = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" and MATHJAX_PROBE not in m.text
            and "ERR_FAILED" not in m.text else None)
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}") if r.url != MATHJAX_PROBE else None)
    page.on("request", lambda r: problems.append(f"left the site: {r.url}")
            if not r.url.startswith(allowed) else None)
    page.goto(f"{base}/{path.name}" if base else path.as_uri())
    page.wait_for_function("document.querySelectorAll('.course-chart').length === "
                           "document.querySelectorAll('.course-chart svg, .course-chart canvas').length",
                           timeout=20_000)
    return page, problems


@pytest.fixture
def web_server(site):
    """The built site served by `python -m http.server` on a free local port; yields its URL."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/index.html", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("python -m http.server did not start serving the site within 10 s")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("served", ["from file://", "by python -m http.server"])
def test_every_page_loads_offline_and_draws_its_charts(site, browser, request, served):
    base = request.getfixturevalue("web_server") if "http" in served else None
    pages = sorted(site.glob("*.html"))
    assert [p.name for p in pages] == LESSON_PAGES + ["index.html"]
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert str(ROOT) not in text and "/tmp/" not in text, f"{path.name} names a path of this machine"
        page, problems = open_page(browser, path, base=base)
        assert page.url.startswith(base or "file://"), f"{path.name} was not opened {served}"
        if path.name != "index.html":
            charts = page.locator(".course-chart").count()
            assert charts >= 1, f"{path.name}: no chart on the page"
            assert page.locator("nav.course-nav a[href='index.html']").count() == 1, f"{path.name}: no way back"
        page.wait_for_timeout(1500)  # MathJax typesets after the charts
        assert problems == [], f"{path.name} {served}: {problems}"
        page.close()


@pytest.mark.slow
@pytest.mark.browser
def test_each_pages_first_slider_changes_its_chart(site, browser):
    lessons = sorted(site.glob("[0-9][0-9]_*.html"))
    assert lessons, "the site has no lesson page"
    for path in lessons:
        page, _ = open_page(browser, path)
        chart = page.locator(".course-chart:has(input[type=range])").first
        assert chart.count() == 1, f"{path.name}: no chart with a slider"
        chart.scroll_into_view_if_needed()
        drawing = chart.locator("svg, canvas").first
        before = drawing.screenshot()
        chart.locator("input[type=range]").first.evaluate(
            "e => { e.stepUp(); if (e.value === e.defaultValue) e.stepDown(2);"
            " e.dispatchEvent(new Event('input', {bubbles: true})); }")
        page.wait_for_timeout(500)
        assert drawing.screenshot() != before, f"{path.name}: moving the first slider left its chart unchanged"
        page.close()


@pytest.mark.slow
@pytest.mark.browser
def test_the_index_lists_every_lesson_and_how_to_install(site, browser):
    page, problems = open_page(browser, site / "index.html")
    links = page.locator("table a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert links == LESSON_PAGES
    assert "pip install" in page.inner_text("body")
    page.set_viewport_size({"width": 800, "height": 700})
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), \
        "the index is wider than an 800-pixel window (the install command does not wrap)"
    assert problems == []


@pytest.mark.slow
@pytest.mark.browser
def test_the_declared_explorer_redraws_when_its_slider_moves(site, browser):
    page, _ = open_page(browser, site / "02_threshold_cascades.html")
    chart = page.locator(".course-chart:has(input[type=range])").first
    chart.scroll_into_view_if_needed()
    sliders = chart.locator("input[type=range]")
    assert sliders.count() == 2, "the Granovetter explorer has two sliders (mean and spread)"

    def title():
        return re.search(r">(Mean threshold [^<]*)<", chart.locator("svg").first.inner_html()).group(1)

    assert title() == "Mean threshold 25, spread 10: 1 of 100 end up acting"
    # the website's grid steps the mean by 5; 20 is on it
    sliders.first.evaluate("e => { e.value = 20; e.dispatchEvent(new Event('input', {bubbles: true})); }")
    page.wait_for_timeout(500)
    moved = title()
    assert moved.startswith("Mean threshold 20, spread 10: ") and moved != "Mean threshold 20, spread 10: 1 of 100 end up acting"
    assert "coarser steps" in chart.locator("xpath=..").inner_text(), "the page says its grid is coarser"


@pytest.mark.slow
@pytest.mark.browser
def test_quiz_and_prediction_answer_in_the_page(site, browser):
    page, problems = open_page(browser, site / "02_threshold_cascades.html")
    question = page.locator(".course-question").first
    key = json.loads(question.get_attribute("data-key"))
    options = question.locator("input[type=radio]")
    feedback = question.locator(".course-feedback")
    options.nth((key["answer"] + 1) % options.count()).check()
    assert feedback.inner_text() == "Not quite. " + key["explain"]
    options.nth(key["answer"]).check()
    assert feedback.inner_text() == "Right. " + key["explain"]
    box = page.locator(".course-predict").first
    box.locator("button").click()
    assert box.locator(".course-feedback").inner_text() == "Pick one answer first."
    box.locator("input[type=radio]").nth(1).check()
    box.locator("button").click()
    assert box.locator(".course-feedback").inner_text().startswith("Your guess: It rises, then falls to zero.")
    # the reveal further down scores the guess against the model's answer, computed at build time
    reveal = page.locator(f'.course-reveal[data-for="{box.get_attribute("id")}"]')
    answer = json.loads(reveal.get_attribute("data-key"))["answer"]
    assert answer == "It rises, then falls to zero", "lesson 02's simulations rise, then fall"
    assert reveal.locator(".course-feedback").inner_text() == f"Right: the model says \u201c{answer}\u201d, as you guessed."
    number = page.locator(".course-predict:has(input[type=range])").first
    number.locator("input[type=range]").evaluate("e => { e.value = 3; e.dispatchEvent(new Event('input')); }")
    answering = page.locator(f'.course-reveal[data-for="{number.get_attribute("id")}"] .course-chart').first
    answering.scroll_into_view_if_needed()
    before = answering.screenshot()
    number.locator("button").click()
    # the guess is drawn on the chart that answers it: its parameter is set and the picture changes
    assert answering.evaluate("e => e.courseView.signal('course_guess')") == 3
    page.wait_for_timeout(300)
    assert answering.screenshot() != before, "the locked guess is not drawn on the chart that answers it"
    shown = page.locator(f'.course-reveal[data-for="{number.get_attribute("id")}"] .course-feedback').inner_text()
    model = json.loads(page.locator(f'.course-reveal[data-for="{number.get_attribute("id")}"]').get_attribute("data-key"))
    said = float(format(model["answer"], ".3g"))
    assert shown.startswith(f"You guessed 3; the model says {said:g} "), shown
    table = page.locator(".course-calibration").inner_text()
    assert "1 of 1" in table and "0 of 1" in table, f"the record counts one right choice and one far number: {table}"
    assert problems == []


def test_an_executed_lesson_is_reused_only_while_nothing_changed(tmp_path):
    import nbformat

    lesson = tmp_path / "lesson.ipynb"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import time; print(time.time_ns())")])
    nbformat.write(nb, lesson)

    def run():
        out = build_site.executed(lesson, tmp_path, 120, tmp_path / "cache")
        return out.cells[0].outputs[0]["text"]

    first = run()
    assert run() == first, "the same lesson against the same library was executed again"
    nb.cells.append(nbformat.v4.new_markdown_cell("An edit."))
    nbformat.write(nb, lesson)
    assert run() != first, "an edited lesson was served from the cache"
    assert build_site.executed(lesson, tmp_path, 120, None).cells[0].outputs[0]["text"] != first
