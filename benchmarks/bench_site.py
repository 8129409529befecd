"""How long does the website take to build, and how big is it?

Builds the full site twice with tools/build_site.py: once with an empty sweep cache
(cold: a fresh ``COURSE_LIB_CACHE``) and once again with the cache the first build
filled (warm), and prints the time of each, the size of every page and the totals,
against the targets of docs/website.md (whole site under 40 MB, no page over 8 MB,
cold build under 10 minutes and warm under 1 minute on a 2-core machine). Then it opens
every lesson page in headless Chromium from ``file://`` and measures how long the page
takes to draw every chart (target: interactive within 2 s) and, on each explorer with a
slider, how long one slider move takes to redraw (vega's dataflow run after the input
event, target under 50 ms).

    python benchmarks/bench_site.py [--lessons 00,02]
    python benchmarks/bench_site.py --pages SITE_DIR      # only the browser timings
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import tempfile
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("build_site", ROOT / "tools" / "build_site.py")
build_site = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(build_site)

SITE_LIMIT_MB, PAGE_LIMIT_MB, COLD_LIMIT_S, WARM_LIMIT_S = 40, 8, 600, 60
READY_LIMIT_S, SLIDER_LIMIT_MS = 2.0, 50.0
CHROMIUM = "/usr/bin/chromium"

# every chart of the page drawn (a canvas or svg inside each .course-chart)
_ALL_DRAWN = """() => [...document.querySelectorAll('.course-chart')].every(
    c => c.courseView && c.querySelector('canvas, svg'))"""
# one move of each explorer's first slider, timed to the end of vega's run
_MOVE = """async () => {
  const times = [];
  for (const chart of document.querySelectorAll('.course-chart')) {
    const slider = chart.querySelector('input[type=range]');
    if (!slider || !chart.courseView) continue;
    const step = Number(slider.step) || 1;
    for (let i = 0; i < 5; i++) {
      const up = Number(slider.value) + step <= Number(slider.max);
      const t0 = performance.now();
      slider.value = Number(slider.value) + (up ? step : -step);
      slider.dispatchEvent(new Event('input', {bubbles: true}));
      await chart.courseView.runAsync();
      times.push(performance.now() - t0);
    }
  }
  return times;
}"""


def page_timings(site):
    """(page, seconds until every chart is drawn, slider move times in ms) per lesson page."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--headless", "--no-sandbox", "--disable-gpu"])
        for path in sorted(Path(site).glob("[0-9][0-9]_*.html")):
            page = browser.new_page(viewport={"width": 1300, "height": 900})
            start = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_function(_ALL_DRAWN, timeout=60_000, polling=20)
            ready = time.perf_counter() - start
            rows.append((path.name, ready, page.evaluate(_MOVE)))
            page.close()
        browser.close()
    return rows


def report_pages(site):
    rows = page_timings(site)
    print()
    moves = [t for _, _, times in rows for t in times]
    for name, ready, times in rows:
        said = f"slider move median {statistics.median(times):5.1f} ms (max {max(times):5.1f})" if times else "no slider"
        print(f"{name:<55} drawn in {ready:4.2f} s  {said}")
    print(f"slowest page drawn in {max(r for _, r, _ in rows):.2f} s (target under {READY_LIMIT_S:g})")
    if moves:
        print(f"slider moves: median {statistics.median(moves):.1f} ms, max {max(moves):.1f} ms "
              f"(target under {SLIDER_LIMIT_MS:g})")


def timed_build(dest, lessons):
    start = time.perf_counter()
    build_site.build(dest, lessons=lessons)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lessons", help="only these lessons, by number: 00,02")
    parser.add_argument("--pages", help="a built site: only time its pages in Chromium")
    args = parser.parse_args()
    if args.pages:
        report_pages(args.pages)
        return
    lessons = args.lessons.split(",") if args.lessons else None
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["COURSE_LIB_CACHE"] = str(Path(scratch) / "cache")  # the lessons' kernels inherit it
        dest = Path(scratch) / "site"
        cold = timed_build(dest, lessons)
        warm = timed_build(dest, lessons)
        report_pages(dest)
        pages = sorted(dest.glob("*.html"))
        sizes = {page.name: page.stat().st_size / 1e6 for page in pages}
        total = sum(f.stat().st_size for f in dest.rglob("*") if f.is_file()) / 1e6
    print()
    for name, size in sizes.items():
        flag = "  OVER" if size > PAGE_LIMIT_MB else ""
        print(f"{name:<55} {size:6.2f} MB{flag}")
    print(f"site total {total:.1f} MB (target under {SITE_LIMIT_MB}); largest page "
          f"{max(sizes.values()):.1f} MB (target under {PAGE_LIMIT_MB})")
    print(f"cold build {cold:.0f} s (target under {COLD_LIMIT_S}); warm build {warm:.0f} s "
          f"(target under {WARM_LIMIT_S}); warm / cold = {warm / cold:.2f}")


if __name__ == "__main__":
    main()
