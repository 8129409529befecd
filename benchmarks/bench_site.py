"""How long does the website take to build, and how big is it?

Builds the full site twice with tools/build_site.py: once with an empty sweep cache
(cold: a fresh ``COURSE_LIB_CACHE``) and once again with the cache the first build
filled (warm), and prints the time of each, the size of every page and the totals,
against the targets of docs/website.md (whole site under 40 MB, no page over 8 MB,
cold build under 10 minutes and warm under 1 minute on a 2-core machine).

    python benchmarks/bench_site.py [--lessons 00,02]
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("build_site", ROOT / "tools" / "build_site.py")
build_site = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(build_site)

SITE_LIMIT_MB, PAGE_LIMIT_MB, COLD_LIMIT_S, WARM_LIMIT_S = 40, 8, 600, 60


def timed_build(dest, lessons):
    start = time.perf_counter()
    build_site.build(dest, lessons=lessons)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lessons", help="only these lessons, by number: 00,02")
    args = parser.parse_args()
    lessons = args.lessons.split(",") if args.lessons else None
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["COURSE_LIB_CACHE"] = str(Path(scratch) / "cache")  # the lessons' kernels inherit it
        dest = Path(scratch) / "site"
        cold = timed_build(dest, lessons)
        warm = timed_build(dest, lessons)
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
