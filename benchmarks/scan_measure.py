"""One benchmark measurement, run in a fresh process by bench_scan.py; prints a JSON line.

    python benchmarks/scan_measure.py text-baseline|pdf-baseline|scan PATH [--repeat N] [--profile]

Imports happen before the clock starts; the best of `--repeat` runs is reported, with the
process's peak RSS in kB (`resource.getrusage`).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import re
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

Result = tuple[float, int, int]  # seconds timed, pages, things found
Task = Callable[[Path], Result]
ASTERISK_RUN = re.compile(r"\*{3,}")


def text_baseline(path: Path) -> Result:
    """Decode the file (untimed), then time one pass of a compiled regex over the text."""
    text = path.read_bytes().decode("utf-8")
    start = time.perf_counter()
    found = sum(1 for _ in ASTERISK_RUN.finditer(text))
    return time.perf_counter() - start, text.count("\f") + 1, found


def pdf_baseline(path: Path) -> Result:
    """Time opening the PDF and extracting every page's plain text."""
    import pymupdf

    start = time.perf_counter()
    with pymupdf.open(path) as doc:
        characters = sum(len(page.get_text()) for page in doc)
        pages = doc.page_count
    return time.perf_counter() - start, pages, characters


def scan(path: Path) -> Result:
    """Time redactview's whole scan of one file, from opening it to the report."""
    from redactview.scan import scan_file

    start = time.perf_counter()
    report = scan_file(str(path))
    return time.perf_counter() - start, report.pages, len(report.redactions)


TASKS: dict[str, Task] = {
    "text-baseline": text_baseline,
    "pdf-baseline": pdf_baseline,
    "scan": scan,
}


def warm_up(task: str, path: Path) -> None:
    """Import what the task needs and, for a scan, scan a one-page file of the same format.

    redactview imports each detector and loader on first use; a warm-up scan keeps that
    one-off cost out of the timing, as the baselines' imports are.
    """
    import pymupdf

    if task != "scan":
        return
    from redactview.scan import scan_file

    with tempfile.TemporaryDirectory() as folder:
        tiny = Path(folder) / f"warm-up{path.suffix}"
        if path.suffix == ".pdf":
            with pymupdf.open() as doc:
                doc.new_page().insert_text((72, 72), "Contract value: £***** [REDACTED]")
                doc.save(tiny)
        else:
            tiny.write_text("From: [\nContract value: £***** [REDACTED] s.43(2)\n", "utf-8")
        scan_file(str(tiny))


def profile(task: str, path: Path) -> None:
    """Print the functions with the most cumulative time, then those with the most own time."""
    profiler = cProfile.Profile()
    profiler.runcall(TASKS[task], path)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(20)
    stats.sort_stats("tottime").print_stats(12)
    print(out.getvalue())


def main() -> int:
    """Run the requested measurement and print its JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("task", choices=sorted(TASKS))
    parser.add_argument("path", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    warm_up(args.task, args.path)
    if args.profile:
        profile(args.task, args.path)
    runs = [TASKS[args.task](args.path) for _ in range(max(1, args.repeat))]
    seconds = min(run[0] for run in runs)
    _, pages, found = runs[0]
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "rss_kb": rss_kb, "pages": pages, "found": found}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
