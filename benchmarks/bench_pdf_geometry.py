"""Born-digital PDF geometry: redactview's scan against a bare PyMuPDF pass, and against x-ray.

Builds a PDF with several boxes per page over text (some leaky, some proper) in a temporary
folder, then times, in the same run:

- redactview: `scan_file` on the PDF, every detector included;
- the floor: `page.get_text("rawdict")` and `page.get_drawings()` on each page;
- x-ray (freelawproject/x-ray), when it is installed in a virtual environment of its own
  (it pins an older PyMuPDF):  python -m venv /tmp/xray && /tmp/xray/bin/pip install x-ray

Targets: redactview ≤ 1.5× the floor, ≥ 10× faster than x-ray, and every leak x-ray finds.

    python benchmarks/bench_pdf_geometry.py --pages 1000 [--leaky 0..4] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pymupdf

from redactview.scan import scan_file

WORDS = ("the", "council", "agreed", "contract", "payment", "officer", "meeting", "report")
WORDS += ("budget", "review", "minister", "supplier", "invoice", "project", "schedule", "annual")
SECRETS = ("Jane Doe", "Acme Widgets Ltd", "John Roe", "14 Elm Street", "Mary Major")
LINES, LEFT, TOP, LEADING, SIZE = 44, 56.0, 60.0, 16.0, 10.0
XRAY_PYTHON = "/tmp/xray/bin/python"
XRAY_SCRIPT = """
import asyncio, json, sys, time
import xray
start = time.perf_counter()
found = asyncio.run(xray.inspect(sys.argv[1]))
seconds = time.perf_counter() - start
leaks = [[page, " ".join(r["text"].split())] for page, rs in found.items() for r in rs]
print(json.dumps({"seconds": seconds, "leaks": leaks}))
"""


def build_pdf(path: Path, pages: int, leaky: int = 2, seed: int = 7) -> None:
    """Write `pages` pages of text, each with four boxes of which `leaky` have text under them."""
    rng = random.Random(seed)
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page()
        rows = rng.sample(range(LINES), 4)
        for row in range(LINES):
            words = [rng.choice(WORDS) for _ in range(rng.randint(9, 13))]
            secret = rng.choice(SECRETS)
            if row in rows:
                _boxed_line(page, row, words, secret, leaky=rows.index(row) < leaky)
            else:
                page.insert_text((LEFT, _baseline(row)), " ".join(words), fontsize=SIZE)
    doc.save(path, garbage=1, deflate=True)
    doc.close()


def _baseline(row: int) -> float:
    return TOP + row * LEADING


def _boxed_line(
    page: pymupdf.Page, row: int, words: list[str], secret: str, *, leaky: bool
) -> None:
    """A line with `secret` in its middle under a black box; a proper one leaves a gap instead."""
    before = " ".join(words[:4]) + " "
    after = " " + " ".join(words[4:])
    y = _baseline(row)
    x0 = LEFT + pymupdf.get_text_length(before, fontsize=SIZE)
    x1 = x0 + pymupdf.get_text_length(secret, fontsize=SIZE)
    if leaky:
        page.insert_text((LEFT, y), before + secret + after, fontsize=SIZE)
    else:
        page.insert_text((LEFT, y), before, fontsize=SIZE)
        page.insert_text((x1, y), after, fontsize=SIZE)
    page.draw_rect(pymupdf.Rect(x0, y - SIZE, x1, y + 3), color=None, fill=(0, 0, 0))


def time_floor(path: Path) -> float:
    """A bare PyMuPDF pass: rawdict text and drawings on every page."""
    start = time.perf_counter()
    with pymupdf.open(path) as doc:
        for page in doc:
            page.get_text("rawdict")
            page.get_drawings()
    return time.perf_counter() - start


def time_redactview(path: Path) -> tuple[float, list[tuple[int, str]]]:
    """redactview's full scan of the file in this process; the leaks it found."""
    start = time.perf_counter()
    report = scan_file(str(path))
    seconds = time.perf_counter() - start
    leaks = [(r.page, r.leaked_text or "") for r in report.redactions if r.leaky]
    return seconds, leaks


def time_xray(path: Path, python: str) -> tuple[float, list[tuple[int, str]]] | None:
    """x-ray's time and leaks, run in its own interpreter; None when it is not installed."""
    if not Path(python).exists():
        return None
    done = subprocess.run([python, "-c", XRAY_SCRIPT, str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        print(f"x-ray failed: {done.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return None
    result = json.loads(done.stdout)
    return result["seconds"], [(int(page), text) for page, text in result["leaks"]]


def _matched(leak: tuple[int, str], ours: list[tuple[int, str]]) -> bool:
    """True when redactview reports the same hidden words on the same page."""
    page, text = leak
    return any(p == page and (text in mine or mine in text) for p, mine in ours)


def main(argv: list[str] | None = None) -> int:
    """Build the PDF, time the three passes and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1, help="best of N, runs interleaved")
    parser.add_argument("--leaky", type=int, default=2, help="leaky boxes per page (0-4)")
    parser.add_argument("--xray-python", default=XRAY_PYTHON, help="Python of x-ray's venv")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "boxes.pdf"
        build_pdf(path, args.pages, args.leaky)
        floors, runs = [], []
        for _ in range(max(1, args.repeat)):  # interleaved, so load from elsewhere hits both
            floors.append(time_floor(path))
            runs.append(time_redactview(path))
        floor = min(floors)
        ours, our_leaks = min(runs)
        xray = time_xray(path, args.xray_python)
    print(f"pages:       {args.pages}, 4 boxes each, {args.leaky} of them leaky")
    print(f"floor:       {floor:.2f} s  (rawdict + get_drawings per page)")
    print(f"redactview:  {ours:.2f} s  = {ours / floor:.2f}x the floor (target <= 1.5x)")
    print(f"leaks found: {len(our_leaks)}")
    if xray is None:
        print(f"x-ray:       skipped (not installed at {args.xray_python}; see this script's help)")
        return 0
    xray_seconds, xray_leaks = xray
    missed = [leak for leak in sorted(set(xray_leaks)) if not _matched(leak, our_leaks)]
    print(f"x-ray:       {xray_seconds:.2f} s  = {xray_seconds / ours:.1f}x redactview's time")
    print(f"x-ray leaks: {len(xray_leaks)}, of which redactview missed {len(missed)}")
    for page, text in missed[:10]:
        print(f"  missed: page {page}: {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
