"""Build the course website: every lesson executed from a fresh kernel, as static HTML
with its charts, interactive explorers and quizzes, and no Python behind it.

    python tools/build_site.py DEST [--lessons 00,02] [--zip]

Each lesson runs with ``COURSE_LIB_SITE=1``, so its charts are written as HTML that
embeds them with the site's own vega (``assets/vega-bundle.js``, made by ``vl-convert``),
its explorers as Vega-Lite parameters over precomputed grids and its quizzes as plain
JavaScript (:mod:`course_lib.viz.site`). nbconvert turns the executed notebooks into
pages; MathJax 2 comes from the ``jupyter-server-mathjax`` package. The site works from
``file://`` and from any static web server; the build fails if a page would fetch
anything from the internet or names a path of this machine.

The builder is nbconvert with a small post-processing step rather than Jupyter Book 2:
Jupyter Book renders executed outputs through its own React front end (Node.js at build
time, its own JavaScript at view time), where our outputs are already self-contained
HTML; nbconvert is installed with nbgrader anyway, and the pages stay plain files.
"""
from __future__ import annotations

import argparse
import contextlib
import html
import json
import os
import re
import shutil
import socket
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LESSONS = ROOT / "lessons"
# MathJax 2 as jupyter-server-mathjax ships it: a combined configuration (the jax are
# inside it) and the STIX web fonts (the package has no TeX fonts); shared by every page.
# Only the HTML-CSS output: the SVG output (2.5 MB) is left out and its menu entry hidden
# (MATHJAX_CONFIG), which keeps the whole site under its 40 MB budget
MATHJAX_PARTS = ["MathJax.js", "config", "extensions", "jax/input", "jax/element", "jax/output/HTML-CSS", "fonts",
                 "localization/en"]

COURSE_JS = r"""
var COURSE_STORE = "course-predictions";
function courseRecord() {
  try { return JSON.parse(localStorage.getItem(COURSE_STORE)) || {}; } catch (e) { return {}; }
}
function coursePredict(box) {
  var root = document.getElementById(box);
  var out = root.querySelector(".course-feedback");
  var range = root.querySelector("input[type=range]");
  var picked = range || root.querySelector("input:checked");
  if (!picked) { out.textContent = "Pick one answer first."; return; }
  root.querySelectorAll("input, button").forEach(function (i) { i.disabled = true; });
  root.dataset.guess = picked.value;
  out.innerHTML = "Your guess: <b></b>. Now explore and see.";
  out.querySelector("b").textContent = picked.value;
  document.querySelectorAll('.course-reveal[data-for="' + box + '"]').forEach(courseReveal);
}
// The same verdict as course_lib.predictions (CLOSE = 0.1 of the range, spot on 0.03).
function courseReveal(reveal) {
  var key = JSON.parse(reveal.dataset.key);
  var guess = document.getElementById(reveal.dataset.for).dataset.guess;
  var out = reveal.querySelector(".course-feedback");
  var right, words, miss = null;
  if (key.kind === "number") {
    var g = Number(guess);
    miss = Math.abs(g - key.answer) / (key.hi - key.lo);
    right = miss <= 0.1 + 1e-12;
    words = "You guessed " + g + "; the model says " + Number(key.answer.toPrecision(3)) + " (off by " +
      Number(Math.abs(g - key.answer).toPrecision(3)) + ", " + Math.round(100 * miss) + "% of the range). " +
      (miss <= 0.03 ? "Spot on." : right ? "Close." : "Far off: worth a second look at why.");
  } else {
    right = guess === key.answer;
    words = right ? "Right: the model says \u201c" + key.answer + "\u201d, as you guessed."
                  : "The model says \u201c" + key.answer + "\u201d; you guessed \u201c" + guess + "\u201d.";
  }
  out.className = "course-feedback " + (right ? "right" : "wrong");
  out.textContent = words;
  var drawn = reveal.querySelector(".course-chart");
  if (key.kind === "number" && drawn && drawn.courseView) {  // the guess on the chart that answers it
    drawn.courseView.signal("__GUESS_PARAM__", Number(guess)).runAsync();
  }
  if (key.lesson && key.key) {
    var kept = courseRecord(), where = key.lesson + "/" + key.key;
    if (!(where in kept)) {  // the first guess is the one that counts
      kept[where] = {lesson: key.lesson, kind: key.kind, correct: right, miss: miss};
      try { localStorage.setItem(COURSE_STORE, JSON.stringify(kept)); } catch (e) {}
    }
  }
  courseCalibration();
}
function courseCalibration() {
  var kept = courseRecord();
  document.querySelectorAll(".course-calibration").forEach(function (box) {
    var rows = {}, all = {n: 0, c: 0, cr: 0, k: 0, kc: 0};
    Object.keys(kept).forEach(function (where) {
      var v = kept[where];
      [v.lesson, "all"].forEach(function (name) {
        var r = rows[name] = rows[name] || {n: 0, c: 0, cr: 0, k: 0, kc: 0};
        r.n += 1;
        if (v.kind === "number") { r.k += 1; r.kc += v.correct ? 1 : 0; }
        else { r.c += 1; r.cr += v.correct ? 1 : 0; }
      });
    });
    var lesson = box.dataset.lesson, names = Object.keys(rows).filter(function (n) {
      return n !== "all" && (!lesson || n === lesson); }).sort();
    if (!rows.all) { box.innerHTML = "<p><i>No predictions on record in this browser yet.</i></p>"; return; }
    var html = "<table><tr><th>lesson</th><th>choices right</th><th>numbers close</th></tr>";
    names.concat(["all"]).forEach(function (n) {
      var r = rows[n] || all;
      html += "<tr><td>" + n + "</td><td>" + r.cr + " of " + r.c + "</td><td>" + r.kc + " of " + r.k + "</td></tr>";
    });
    box.innerHTML = html + "</table><p><i>Kept in this browser only. Close: within 10% of the slider's range.</i></p>";
  });
}
document.addEventListener("DOMContentLoaded", courseCalibration);
function courseQuiz(input) {
  var question = input.closest(".course-question");
  var key = JSON.parse(question.dataset.key);
  var right = Number(input.value) === key.answer;
  var out = question.querySelector(".course-feedback");
  out.className = "course-feedback " + (right ? "right" : "wrong");
  out.textContent = (right ? "Right. " : "Not quite. ") + key.explain;
}
"""

COURSE_CSS = """
body { max-width: 1100px; margin: 0 auto; }
nav.course-nav { display: flex; justify-content: space-between; gap: 1em; padding: 0.6em 1em;
  border-bottom: 1px solid #ccc; font-family: sans-serif; }
.course-chart { margin: 0.5em 0; }
.course-chart-note { font-size: 0.9em; color: #555; }
.course-feedback.right { color: #006d4e; } .course-feedback.wrong { color: #a33a00; }
.course-question, .course-predict { margin: 0.8em 0; font-family: sans-serif; }
.vega-bindings { font-family: sans-serif; margin: 0.4em 0; }
.vega-bindings .vega-bind { display: block; margin: 0.2em 0; }
"""

MATHJAX_CONFIG = """<script type="text/x-mathjax-config">
MathJax.Hub.Config({tex2jax: {inlineMath: [["$", "$"], ["\\\\(", "\\\\)"]],
  displayMath: [["$$", "$$"], ["\\\\[", "\\\\]"]], processEscapes: true},
  "HTML-CSS": {availableFonts: [], preferredFont: null, webFont: "STIX-Web",
  imageFont: null}, MathMenu: {showRenderer: false}, messageStyle: "none"});
</script>
<script src="assets/mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full"></script>"""


def lesson_title(nb, path):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


# Browsers ask a web server for /favicon.ico unless the page names an icon; without one, every
# page served by `python -m http.server` logs a 404. A small network: three nodes, one lit.
FAVICON_SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<path d="M8 24 L16 8 L24 24 Z" fill="none" stroke="#4c78a8" stroke-width="2.5"/>
<circle cx="16" cy="8" r="5" fill="#f58518"/><circle cx="8" cy="24" r="5" fill="#4c78a8"/>
<circle cx="24" cy="24" r="5" fill="#4c78a8"/></svg>
"""
ICON_LINK = '<link rel="icon" href="assets/favicon.svg" type="image/svg+xml">'


def write_assets(dest):
    import jupyter_server_mathjax
    import vl_convert

    from course_lib.viz.predictions import GUESS_PARAM

    assets = dest / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    (assets / "vega-bundle.js").write_text(vl_convert.javascript_bundle(), encoding="utf-8")
    (assets / "course.js").write_text(COURSE_JS.replace("__GUESS_PARAM__", GUESS_PARAM), encoding="utf-8")
    (assets / "course.css").write_text(COURSE_CSS, encoding="utf-8")
    (assets / "favicon.svg").write_text(FAVICON_SVG, encoding="utf-8")
    source = Path(jupyter_server_mathjax.__file__).parent / "static"
    for part in MATHJAX_PARTS:
        src, out = source / part, assets / "mathjax" / part
        if src.is_dir():
            shutil.copytree(src, out, dirs_exist_ok=True)
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, out)


def execute(path, workdir, timeout):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    # log_level: every kernel otherwise prints a warning that its local TCP sockets are not
    # encrypted, eleven times per build; errors in cells still fail the build
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(workdir)}},
                            store_widget_state=False, extra_arguments=["--IPKernelApp.log_level=ERROR"])
    client.execute()
    return nb


def executed(path, workdir, timeout, cache):
    """The lesson executed in site mode: from ``cache`` when the same notebook was executed
    against the same library and the same builder before, else from a fresh kernel.

    The key hashes the notebook file, the source of all of ``course_lib``
    (``course_lib.sweeps.fingerprint.library_fingerprint``) and this file, so an edit of
    any of them runs the lesson again. The lessons set their seeds, so a lesson run twice
    gives the same page.
    """
    import hashlib

    import nbformat

    from course_lib.sweeps.fingerprint import library_fingerprint

    if not cache:
        return execute(path, workdir, timeout)
    key = hashlib.sha256(path.read_bytes() + library_fingerprint().encode()
                         + Path(__file__).read_bytes()).hexdigest()[:20]
    stored = Path(cache) / "site-lessons" / f"{path.stem}-{key}.ipynb"
    if stored.exists():
        try:
            return nbformat.read(stored, as_version=4)
        except Exception:  # a damaged entry is run again and overwritten
            pass
    nb = execute(path, workdir, timeout)
    stored.parent.mkdir(parents=True, exist_ok=True)
    partial = stored.with_suffix(".partial")
    nbformat.write(nb, partial)
    os.replace(partial, stored)
    return nb


def to_page(nb, title, nav):
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    # nbconvert's head loads require.js and MathJax from CDNs: replace both with local files
    body = re.sub(r'<script[^>]*src="https?://[^"]*"[^>]*>\s*</script>', "", body)
    body = re.sub(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", "", body, flags=re.S)
    head = (ICON_LINK + '\n<link rel="stylesheet" href="assets/course.css">\n<script src="assets/vega-bundle.js"></script>\n'
            '<script src="assets/course.js"></script>\n' + MATHJAX_CONFIG + "\n</head>")
    body = body.replace("</head>", head, 1)
    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + "\n" + nav, body, count=1)
    return body


def nav_bar(pages, index):
    prev_link = f'<a href="{pages[index - 1][0]}">← {html.escape(pages[index - 1][1])}</a>' if index else "<span></span>"
    next_link = (f'<a href="{pages[index + 1][0]}">{html.escape(pages[index + 1][1])} →</a>'
                 if index + 1 < len(pages) else "<span></span>")
    return f'<nav class="course-nav">{prev_link}<a href="index.html">Course map</a>{next_link}</nav>'


def index_page(pages, zip_name=None):
    import mistune

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    intro = readme.split("\n## ", 1)[0].split("\n", 1)[1]
    rows = "".join(f'<tr><td>{html.escape(name[:2])}</td><td><a href="{name}">{html.escape(title)}</a></td></tr>'
                   for name, title in pages)
    # the README's own open command, so the two never disagree
    command = readme.split("<!-- open-command -->", 1)[1].split("<!-- /open-command -->", 1)[0].strip()
    install = mistune.html("Prefer the notebooks, with every slider live? Clone the repository and run, "
                           f"from its folder:\n\n{command}\n\nor open it on Binder (see the README).")
    if zip_name:
        install += (f'<p>To read this site offline, <a href="{zip_name}" download>download it as a zip</a> '
                    "and open <code>index.html</code> inside.</p>")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Influence or empower? A course in runnable models</title>
{ICON_LINK}
<link rel="stylesheet" href="assets/course.css">
<style>body {{ font-family: sans-serif; line-height: 1.5; padding: 0 1em; }} td {{ padding: 0.2em 0.8em; }}
/* the install command is one long line: wrapped on screen, still one line when copied */
pre {{ white-space: pre-wrap; overflow-wrap: anywhere; background: #f5f5f5; padding: 0.6em; }}</style>
</head><body>
<h1>Influence or empower? A course in runnable models</h1>
{mistune.html(intro)}
<h2>Lessons</h2>
<table>{rows}</table>
<p>Every chart on these pages works without a connection once the site is downloaded; sliders
answer from results computed in advance.</p>
<h2>Install the notebooks</h2>
{install}
</body></html>
"""


# A link a reader may follow is fine; a resource the page loads by itself is not.
FORBIDDEN = [re.compile(r'<(?:script|img|link|iframe|source|video|audio)\b[^>]*\b(?:src|href)="(?:https?:)?//'),
             re.compile(r'url\(\s*["\']?(?:https?:)?//'), re.compile(re.escape(str(ROOT))),
             re.compile(re.escape(str(Path.home())) + "/"), re.compile(r"/tmp/")]


def check_page(name, text):
    """Refuse a page that fetches from the internet or names this machine."""
    problems = [f"{name}: {pattern.pattern} at {m.start()}: {text[max(0, m.start() - 60):m.end() + 40]!r}"
                for pattern in FORBIDDEN for m in [pattern.search(text)] if m]
    host = socket.gethostname()
    if len(host) > 3 and re.search(rf"\b{re.escape(host)}\b", text):
        problems.append(f"{name}: names this machine ({host})")
    return problems


@contextlib.contextmanager
def site_environment(cache=None):
    """``COURSE_LIB_SITE=1`` (and ``COURSE_LIB_SITE_CACHE``, the explorers' chart cache, if
    ``cache``) for the kernels started inside, restored afterwards.

    The kernels inherit the variables; the calling process (a test session, say) must not
    keep them, or its own charts and quizzes would switch to site mode.
    """
    wanted = {"COURSE_LIB_SITE": "1", "COURSE_LIB_SITE_CACHE": str(cache) if cache else None}
    before = {name: os.environ.get(name) for name in wanted}
    for name, value in wanted.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def build(dest, lessons=None, zip_site=False, timeout=900, cache="default"):
    """Write the site to ``dest``; ``cache`` holds the explorers' precomputed charts and the
    executed lessons between builds ("default": ``course_lib.sweeps.default_cache_dir()``;
    None: no cache)."""
    if cache == "default":
        from course_lib.sweeps import default_cache_dir

        cache = default_cache_dir()
    dest = Path(dest).resolve()
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    started = time.time()
    write_assets(dest)
    paths = sorted(LESSONS.glob("[0-9][0-9]_*.ipynb"))
    if lessons:
        paths = [p for p in paths if p.name[:2] in lessons]
        if not paths:
            raise SystemExit(f"--lessons {','.join(lessons)}: no lesson has these numbers")
    import nbformat

    titles = [(p.with_suffix(".html").name, lesson_title(nbformat.read(p, as_version=4), p)) for p in paths]
    problems = []
    with tempfile.TemporaryDirectory() as scratch, site_environment(cache):
        for i, path in enumerate(paths):
            t = time.time()
            workdir = Path(scratch) / path.stem
            workdir.mkdir()
            nb = executed(path, workdir, timeout, cache)
            page = to_page(nb, titles[i][1], nav_bar(titles, i))
            problems += check_page(titles[i][0], page)
            (dest / titles[i][0]).write_text(page, encoding="utf-8")
            print(f"{path.name}: {time.time() - t:.0f} s, {len(page) / 1e6:.1f} MB", flush=True)
    zip_name = f"{dest.name}.zip" if zip_site else None
    index = index_page(titles, zip_name)
    problems += check_page("index.html", index)
    (dest / "index.html").write_text(index, encoding="utf-8")
    if problems:
        raise SystemExit("the site would fetch from the internet or name this machine:\n" + "\n".join(problems))
    if zip_site:
        archive = shutil.make_archive(str(dest), "zip", root_dir=dest.parent, base_dir=dest.name)
        shutil.copy(archive, dest / zip_name)  # the index links it: the site offers its own download
        print(f"zip: {archive} (also {dest / zip_name})")
    size = sum(f.stat().st_size for f in dest.rglob("*") if f.is_file())
    print(f"site: {dest} ({len(paths)} lessons, {size / 1e6:.1f} MB) in {time.time() - started:.0f} s")
    return dest


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", help="folder to write the site to (replaced)")
    parser.add_argument("--lessons", help="only these lessons, by number: 00,02")
    parser.add_argument("--zip", action="store_true", help="also write DEST.zip for offline use")
    parser.add_argument("--cache", default="default",
                        help="folder of the explorers' precomputed charts and the executed lessons, reused "
                             "by the next build (default: the sweeps' cache, ~/.cache/course_lib/sweeps)")
    parser.add_argument("--no-cache", action="store_true",
                        help="run every lesson and compute every explorer's charts afresh")
    args = parser.parse_args(argv)
    build(args.dest, args.lessons.split(",") if args.lessons else None, args.zip,
          cache=None if args.no_cache else args.cache)


if __name__ == "__main__":
    sys.exit(main())
