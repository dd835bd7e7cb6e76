"""Scan files in worker processes: all cores in use, a time limit on every task.

Small files are one task each; a long PDF is cut into runs of pages scanned side by side and
joined again in order (`scan.merge_partials`). A process per task means a hostile file that hangs
MuPDF, or eats memory, costs only its own worker: the task is ended at its time limit and the
scan goes on with the next file.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pebble import ProcessExpired, ProcessPool

from redactview.errors import RedactviewError
from redactview.loaders import LoadOptions
from redactview.model import DocumentReport, ScanError

if TYPE_CHECKING:
    from redactview.scan import PartialScan, ScanOptions

PAGES_PER_TASK = 100  # long enough to amortise opening the file, short enough to share out


@dataclass(frozen=True, slots=True)
class _Task:
    path: str
    pages: range | None  # None: the whole file


def _scan_task(task: _Task, load: LoadOptions) -> PartialScan | ScanError:
    from redactview.loaders import load_document
    from redactview.scan import scan_pages

    try:
        with load_document(task.path, load) as document:
            return scan_pages(document, task.pages)
    except RedactviewError as error:
        return ScanError(task.path, str(error))


def scan_in_workers(
    files: list[str], options: ScanOptions
) -> tuple[list[DocumentReport], list[ScanError]]:
    """Scan the files in worker processes; reports come back in input order."""
    reports: list[DocumentReport] = []
    errors: list[ScanError] = []
    plan = [(path, split_file(path, options.load)) for path in files]
    tasks = sum(len(tasks) for _, tasks in plan)
    if not tasks:
        return reports, errors
    # fork is quick and safe from a single-threaded caller (the CLI); a threaded one (the TUI)
    # gets clean processes from a fork server instead.
    method = "fork" if threading.active_count() == 1 else "forkserver"
    context = multiprocessing.get_context(method)
    with ProcessPool(max_workers=max(1, min(options.jobs, tasks)), context=context) as pool:
        scheduled = [
            [
                pool.schedule(_scan_task, (task, options.load), timeout=options.timeout)
                for task in file_tasks
            ]
            for _, file_tasks in plan
        ]
        for (path, _), futures in zip(plan, scheduled, strict=True):
            result = _join(path, futures, options.timeout)
            if isinstance(result, ScanError):
                errors.append(result)
            else:
                reports.append(result)
    return reports, errors


def split_file(path: str, load: LoadOptions) -> list[_Task]:
    """One task for the file, or one per run of pages for a long PDF."""
    count = _pdf_page_count(path, load)
    if count < 2 * PAGES_PER_TASK:
        return [_Task(path, None)]
    return [
        _Task(path, range(first, min(count, first + PAGES_PER_TASK)))
        for first in range(0, count, PAGES_PER_TASK)
    ]


def _pdf_page_count(path: str, load: LoadOptions) -> int:
    """The page count of a readable PDF; 0 for anything else (the task will say what is wrong)."""
    from redactview.loaders import load_document
    from redactview.model import Format

    try:
        with open(path, "rb") as handle:
            if b"%PDF-" not in handle.read(1024):
                return 0
        with load_document(path, load) as document:
            return document.info.page_count if document.info.format is Format.PDF else 0
    except (RedactviewError, OSError):
        return 0


def _join(
    path: str, futures: list[Future[PartialScan | ScanError]], timeout: float
) -> DocumentReport | ScanError:
    from redactview.scan import merge_partials

    parts = []
    for future in futures:
        result = _result(path, future, timeout)
        if isinstance(result, ScanError):
            for other in futures:
                other.cancel()
            return result
        parts.append(result)
    return merge_partials(parts)


def _result(
    path: str, future: Future[PartialScan | ScanError], timeout: float
) -> PartialScan | ScanError:
    try:
        return future.result()
    except FutureTimeout:
        return ScanError(path, f"{path}: gave up after {timeout:g} s (file too slow to read)")
    except ProcessExpired as error:
        return ScanError(path, f"{path}: the reader crashed on this file (exit {error.exitcode})")
    except MemoryError:
        return ScanError(path, f"{path}: out of memory reading this file")
