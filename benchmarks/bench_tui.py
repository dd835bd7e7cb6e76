"""Benchmark the terminal UI: launch to first page shown, and keypress-to-update latency.

Builds a 1,000-page PDF (with `scan_inputs.py`), then prints, from one run:

- launch: from starting a fresh `python` to page 1 drawn on the document screen (headless),
  imports included (target under 1 s), beside the baseline of a fresh `python` that opens the
  PDF with `load_document` and reads its first page;
- the background scan: until every page is in and the inventory is ready, beside `scan_file`
  in this process;
- latency: `n` (next redaction: list, page and detail all updated) against a key with no
  binding, which measures the test harness's own cost of a keypress.

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

from redactview.scan import scan_file

PRESSES = 60


FIRST_PAGE_BASELINE = """
import sys, time
from redactview.loaders import load_document
with load_document(sys.argv[1]) as document:
    next(document.iter_pages())
print(time.time())
"""


def fresh_process_seconds(args: list[str]) -> float:
    """Seconds from starting `python ARGS` to the wall-clock time it prints last."""
    start = time.time()
    result = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=True, timeout=120
    )
    return float(result.stdout.split()[-1]) - start


def baseline_first_page(path: Path) -> float:
    """Seconds for a fresh interpreter to open the PDF and read its first page."""
    return fresh_process_seconds(["-c", FIRST_PAGE_BASELINE, str(path)])


def launch_first_page(path: Path) -> float:
    """Seconds for a fresh interpreter to start the UI and draw page 1."""
    return fresh_process_seconds([__file__, "--launch", str(path)])


async def launch(path: Path) -> None:
    """Child mode: start the UI on `path`, print the time page 1 is drawn, quit."""
    from redactview.tui.app import RedactviewApp
    from redactview.tui.screens.document import DocumentScreen
    from redactview.tui.widgets.page_view import PageView

    app = RedactviewApp([str(path)])
    async with app.run_test(size=(120, 40)):
        while not (
            isinstance(app.screen, DocumentScreen)
            and app.screen.query_one(PageView).page is not None
        ):
            await asyncio.sleep(0.002)
        print(time.time())


def baseline_scan(path: Path) -> float:
    """Seconds for `scan_file` on the whole PDF, in this process."""
    start = time.perf_counter()
    scan_file(str(path))
    return time.perf_counter() - start


async def measure_ui(path: Path) -> dict[str, float | list[float]]:
    """Start the UI here, wait for the scan, then time keypresses."""
    from redactview.tui.app import RedactviewApp

    start = time.perf_counter()
    app = RedactviewApp([str(path)])
    results: dict[str, float | list[float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
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


def report(pages: int, launch: tuple[float, float], base_scan: float, ui: dict) -> None:  # type: ignore[type-arg]
    """Print the numbers and ratios."""
    base_first, first = launch
    done, nxt, noop = ui["scan_done"], ui["next"], ui["noop"]
    print(f"PDF: {pages} pages")
    print(f"fresh python, load_document + page 1:  {base_first * 1000:8.1f} ms")
    verdict = "met" if first < 1.0 else "MISSED"
    print(
        f"fresh python, UI up and page 1 drawn:  {first * 1000:8.1f} ms"
        f"  ({first / base_first:.2f}x; target < 1 s: {verdict})"
    )
    print(f"scan_file of the whole PDF:            {base_scan:8.2f} s")
    print(f"UI: started -> whole PDF scanned:      {done:8.2f} s  ({done / base_scan:.2f}x)")
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
    parser.add_argument("--launch", metavar="PDF", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.launch:
        asyncio.run(launch(Path(args.launch)))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = write_pdf_release(Path(folder) / "release.pdf", args.pages)
        first = (baseline_first_page(path), launch_first_page(path))
        base_scan = baseline_scan(path)
        ui = asyncio.run(measure_ui(path))
        report(args.pages, first, base_scan, ui)


if __name__ == "__main__":
    main()
