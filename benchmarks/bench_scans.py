"""Scanned pages: redactview's box detection (no OCR) against rendering the pages at 100 dpi.

Builds an image-only PDF in a temporary folder (each page a JPEG of text with burnt-in boxes,
as a scanner would make it), then times, in the same run:

- redactview: `scan_file` on the PDF with OCR off, every detector included;
- the floor: each page rendered to grayscale at 100 dpi, the least any raster check must do.

Target: redactview ≤ 5× the floor. Peak memory is measured in fresh processes for a third of
the pages and for all of them: it should stay flat, since pages are read one at a time.

    python benchmarks/bench_scans.py --pages 300
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pymupdf

from redactview.loaders import LoadOptions
from redactview.scan import scan_file

WORDS = ("the", "council", "agreed", "contract", "payment", "officer", "meeting", "report")
WORDS += ("budget", "review", "minister", "supplier", "invoice", "project", "schedule", "annual")
LINES, LEFT, TOP, LEADING, SIZE = 44, 56.0, 60.0, 16.0, 10.0
SCAN_DPI = 150
TARGET = 5.0
PEAK_SCRIPT = """
import resource, sys
from redactview.loaders import LoadOptions
from redactview.scan import scan_file
scan_file(sys.argv[1], LoadOptions(ocr=False))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def build_scanned_pdf(path: Path, pages: int, seed: int = 11) -> int:
    """Write an image-only PDF of `pages` pages, three boxes burnt into each; return the boxes."""
    rng = random.Random(seed)
    out = pymupdf.open()
    for number in range(pages):
        picture = _scanned_page(rng, number)
        page = out.new_page()
        page.insert_image(page.rect, stream=picture)
    out.save(path, garbage=0, deflate=False)
    return 3 * pages


def _scanned_page(rng: random.Random, number: int) -> bytes:
    """One page of text with three black bars, photographed as a grayscale JPEG."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((LEFT, TOP - 20), f"Page {number + 1}", fontsize=SIZE)
    for row in range(LINES):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(9, 13)))
        page.insert_text((LEFT, TOP + row * LEADING), words, fontsize=SIZE)
    for row in rng.sample(range(LINES), 3):
        x0 = LEFT + rng.uniform(20, 200)
        top = TOP + row * LEADING - SIZE
        page.draw_rect((x0, top, x0 + rng.uniform(40, 200), top + SIZE + 3), color=None, fill=0)
    pix = page.get_pixmap(dpi=SCAN_DPI, colorspace=pymupdf.csGRAY)
    return pix.tobytes("jpeg", jpg_quality=75)


def floor_seconds(path: Path) -> float:
    """Render every page to grayscale at 100 dpi."""
    start = time.perf_counter()
    with pymupdf.open(path) as doc:
        for page in doc:
            page.get_pixmap(dpi=100, colorspace=pymupdf.csGRAY, alpha=False)
    return time.perf_counter() - start


def redactview_seconds(path: Path) -> tuple[float, int]:
    """Scan the file with OCR off; return the time and the scanned boxes found."""
    start = time.perf_counter()
    report = scan_file(str(path), LoadOptions(ocr=False))
    seconds = time.perf_counter() - start
    return seconds, sum(r.kind == "scan_box" for r in report.redactions)


def peak_kib(path: Path) -> int:
    """Peak resident memory of a fresh process scanning the file, in KiB."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK_SCRIPT, str(path)], capture_output=True, text=True, check=True
    )
    return int(done.stdout.split()[-1])


def main(argv: list[str] | None = None) -> int:
    """Build the file, time both passes, print the ratio; exit 1 if over the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "scanned.pdf"
        small = Path(folder) / "scanned-third.pdf"
        expected = build_scanned_pdf(path, args.pages)
        build_scanned_pdf(small, max(1, args.pages // 3))
        floor = min(floor_seconds(path), floor_seconds(path))
        ours, found = redactview_seconds(path)
        ratio = ours / floor
        print(f"pages: {args.pages}  boxes burnt in: {expected}  found: {found}")
        print(f"floor (render to grayscale at 100 dpi): {floor:.2f} s")
        print(f"redactview (no OCR): {ours:.2f} s  ratio {ratio:.2f}x  (target <= {TARGET:g}x)")
        third, full = peak_kib(small), peak_kib(path)
        print(f"peak memory: {third // 1024} MiB for a third of the pages, {full // 1024} MiB all")
    return 0 if ratio <= TARGET and found == expected else 1


if __name__ == "__main__":
    sys.exit(main())
