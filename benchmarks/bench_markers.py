"""Bounded work on pathological text: the text detectors over 5 MB lines built to hurt them.

Each input is one long line (or many short ones) of the characters the marker rules look for:
`*`, `[`, `X`, `(b)`, `£`, colons, brackets that never close. For each it prints the time of
`detect_page` plus `find_exemptions` beside one pass of a compiled `\\*{3,}` regex over the same
text, measured in the same run. A ratio in the tens is fine; one in the thousands means a rule
has gone quadratic (or a regex backtracks) and must be fixed.

    python benchmarks/bench_markers.py              5 MB inputs
    python benchmarks/bench_markers.py --mb 1       a quick run
"""

from __future__ import annotations

import argparse
import re
import time

from redactview.detectors import detect_page
from redactview.detectors.exemptions import find_exemptions
from redactview.loaders.assemble import lines_from_text
from redactview.model import Page

SHAPES = {
    "asterisks": "*",
    "spaced asterisks": "* ",
    "open brackets": "[",
    "bracket letters": "[a",
    "X run": "X",
    "X run then a letter": "X",
    "blocks": "\u2588",
    "open parens": "(",
    "US codes": "(b)",
    "UK codes": "s.40(2)&",
    "pound signs": "£ a",
    "colons": ":",
    "column gaps": "a  ",
    "lines of [": "[\n",
    "emphasis": "***a",
}


def build(shape: str, unit: str, size: int) -> str:
    """`unit` repeated to `size` characters (plus a trailing letter where the name says so)."""
    text = (unit * (size // len(unit) + 1))[:size]
    return text + "a" if shape.endswith("letter") else text


def measure(text: str) -> tuple[float, float, int]:
    """(baseline seconds, detector seconds, findings) for one input."""
    page = Page(1, text, 0, lines_from_text(text, 0))
    start = time.perf_counter()
    re.compile(r"\*{3,}").findall(text)
    baseline = time.perf_counter() - start
    start = time.perf_counter()
    found = len(detect_page(page)) + len(find_exemptions(page))
    return baseline, time.perf_counter() - start, found


def main(argv: list[str] | None = None) -> int:
    """Run every shape and print a table of times and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of each input in MB")
    args = parser.parse_args(argv)
    size = int(args.mb * 1e6)
    detect_page(Page(1, "warm up", 0))
    print(f"{'input':24} {'regex':>8} {'detect':>8} {'ratio':>8} {'found':>8}")
    for shape, unit in SHAPES.items():
        baseline, took, found = measure(build(shape, unit, size))
        ratio = took / max(baseline, 1e-6)
        print(f"{shape:24} {baseline:7.3f}s {took:7.2f}s {ratio:7.0f}x {found:8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
