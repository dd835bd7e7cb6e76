"""Benchmark the terminal UI: launch to first page shown, and keypress-to-update latency.

Builds a 1,000-page PDF (with `scan_inputs.py`), then, headless, in one run:

- launch: from creating the app to page 1 on the document screen (target under 1 s), beside the
  baseline of opening the PDF and reading its first page in this process;
- the background scan: until every page is in and the inventory is ready, beside `scan_file`;
- latency: `n` (next redaction: list, page and detail all updated) against a key with no binding,
  which measures the harness's own cost of a keypress.

    python benchmarks/bench_tui.py                one run, 1,000 pages
    python benchmarks/bench_tui.py --pages 100    a quick run while developing
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scan_inputs import write_pdf_release

from redactview.loaders import load_document
from redactview.scan import scan_file

PRESSES = 60


def baseline_first_page(path: Path) -> float:
    """Seconds to open the PDF and read its first page, in this process."""
    start = time.perf_counter()
    with load_document(path) as document:
        next(document.iter_pages())
    return time.perf_counter() - start


def baseline_scan(path: Path) -> float:
    """Seconds for `scan_file` on the whole PDF, in this process."""
    start = time.perf_counter()
    scan_file(str(path))
    return time.perf_counter() - start


def import_time() -> float:
    """Seconds for a fresh interpreter to import the UI (part of every launch)."""
    code = "import time; t = time.perf_counter(); import redactview.tui.app; "
    code += "print(time.perf_counter() - t)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return float(result.stdout)


async def measure_ui(path: Path) -> dict[str, float | list[float]]:
    """Launch, wait for page 1, wait for the scan, then time keypresses."""
    from redactview.tui.app import RedactviewApp
    from redactview.tui.screens.document import DocumentScreen
    from redactview.tui.widgets.page_view import PageView

    start = time.perf_counter()
    app = RedactviewApp([str(path)])
    results: dict[str, float | list[float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:

        def first_page_shown() -> bool:
            screen = app.screen
            return (
                isinstance(screen, DocumentScreen) and screen.query_one(PageView).page is not None
            )

        while not first_page_shown():
            await asyncio.sleep(0.005)
        results["first_page"] = time.perf_counter() - start
        state = app.documents[str(path)]
        while not state.done:
            await asyncio.sleep(0.02)
        results["scan_done"] = time.perf_counter() - start
        await pilot.pause(0.3)
        results["next"] = await _press_times(pilot, app, "n")
        results["noop"] = await _press_times(pilot, app, "z")
    return results


async def _press_times(pilot, app, key: str) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(PRESSES):
        start = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        times.append(time.perf_counter() - start)
    return times


def report(pages: int, base_first: float, base_scan: float, ui: dict, imports: float) -> None:  # type: ignore[type-arg]
    """Print the numbers and ratios."""
    first, done = ui["first_page"], ui["scan_done"]
    nxt, noop = ui["next"], ui["noop"]
    print(f"PDF: {pages} pages")
    print(f"import of the UI (fresh interpreter):    {imports * 1000:8.1f} ms")
    print(f"baseline: open + first page in-process:   {base_first * 1000:8.1f} ms")
    verdict = "met" if first + imports < 1.0 else "MISSED"
    print(
        f"UI: app created -> page 1 shown:          {first * 1000:8.1f} ms"
        f"  (+ import {imports + first:.2f} s; target < 1 s: {verdict})"
    )
    print(f"baseline: scan_file of the whole PDF:     {base_scan:8.2f} s")
    print(f"UI: app created -> whole PDF scanned:     {done:8.2f} s  ({done / base_scan:.2f}x)")
    for name, times in (("n (next redaction)", nxt), ("unbound key (harness)", noop)):
        median = statistics.median(times) * 1000
        p95 = sorted(times)[int(len(times) * 0.95) - 1] * 1000
        print(f"keypress {name:<24} median {median:6.1f} ms   p95 {p95:6.1f} ms")
    ratio = statistics.median(nxt) / statistics.median(noop)
    print(f"n latency / harness latency: {ratio:.2f}x")


def main() -> None:
    """Build the input and run every measurement."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = write_pdf_release(Path(folder) / "release.pdf", args.pages)
        base_first = baseline_first_page(path)
        base_scan = baseline_scan(path)
        imports = import_time()
        ui = asyncio.run(measure_ui(path))
        report(args.pages, base_first, base_scan, ui, imports)


if __name__ == "__main__":
    main()
