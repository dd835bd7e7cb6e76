"""Scan files in worker processes: all cores in use, a time limit on every task.

Small files are one task each; a long PDF is cut into runs of pages scanned side by side and
joined again in order (`scan.merge_partials`). A process per task means a hostile file that hangs
MuPDF, or eats memory, costs only its own worker: the task is ended at its time limit and the
scan goes on with the next file.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pebble import ProcessExpired, ProcessPool

from redactview.errors import RedactviewError, unexpected_error
from redactview.loaders import IMAGE_MAGIC, LoadOptions
from redactview.model import DocumentReport, ScanError

if TYPE_CHECKING:
    from redactview.scan import PartialScan, ScanOptions

PAGES_PER_TASK = 100  # long enough to amortise opening the file, short enough to share out
TASK_ALLOWANCE = 60.0  # seconds every task gets on top of its pages' share, for opening the file
_TEXT_BYTES_PER_PAGE = 4000  # a text file's pages are not known before it is read


@dataclass(frozen=True, slots=True)
class _Task:
    path: str
    pages: range | None  # None: the whole file
    page_count: int  # pages this task reads (an estimate for text files)
    sha256: str | None = None  # known when the file was opened to split it: hashed once

    def time_limit(self, seconds_per_page: float) -> float:
        """Seconds the task may take: OCR of a scanned page can take several."""
        return TASK_ALLOWANCE + seconds_per_page * self.page_count


def _scan_task(task: _Task, load: LoadOptions) -> PartialScan | ScanError:
    from redactview.loaders import load_document
    from redactview.scan import scan_pages

    try:
        with load_document(task.path, load, sha256=task.sha256) as document:
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
                pool.schedule(
                    _scan_task, (task, options.load), timeout=task.time_limit(options.timeout)
                )
                for task in file_tasks
            ]
            for _, file_tasks in plan
        ]
        for (path, _), futures in zip(plan, scheduled, strict=True):
            result = _join(path, futures)
            if isinstance(result, ScanError):
                errors.append(result)
            else:
                reports.append(result)
    return reports, errors


def split_file(path: str, load: LoadOptions) -> list[_Task]:
    """One task for the file, or one per run of pages for a long PDF or multi-page image."""
    count, digest = _page_count(path, load)
    if digest is None or count < 2 * PAGES_PER_TASK:
        return [_Task(path, None, count, digest)]
    runs = (
        range(first, min(count, first + PAGES_PER_TASK))
        for first in range(0, count, PAGES_PER_TASK)
    )
    return [_Task(path, run, len(run), digest) for run in runs]


def _page_count(path: str, load: LoadOptions) -> tuple[int, str | None]:
    """Pages of a PDF or image with the file's hash, or an estimate from the size and None."""
    from redactview.loaders import check_regular_file, load_document, sha256_of
    from redactview.model import Format

    try:
        size = check_regular_file(path)  # never open a pipe or device: it could block forever
        with open(path, "rb") as handle:
            head = handle.read(1024)
        estimate = 1 + size // _TEXT_BYTES_PER_PAGE
        if b"%PDF-" not in head and not head.startswith(IMAGE_MAGIC):
            return estimate, None
        digest = sha256_of(path)
        with load_document(path, load, sha256=digest) as document:
            if document.info.format in (Format.PDF, Format.IMAGE):
                return document.info.page_count, digest
            return estimate, None
    except (RedactviewError, OSError):
        return 1, None


def _join(
    path: str, futures: Sequence[Future[PartialScan | ScanError]]
) -> DocumentReport | ScanError:
    from redactview.scan import merge_partials

    parts = []
    for future in futures:
        result = _result(path, future)
        if isinstance(result, ScanError):
            for other in futures:
                other.cancel()
            return result
        parts.append(result)
    return merge_partials(parts)


def _result(path: str, future: Future[PartialScan | ScanError]) -> PartialScan | ScanError:
    try:
        return future.result()
    except FutureTimeout:
        return ScanError(path, f"{path}: gave up: the file took too long to read (see --timeout)")
    except ProcessExpired as error:
        return ScanError(path, f"{path}: the reader crashed on this file (exit {error.exitcode})")
    except MemoryError:
        return ScanError(path, f"{path}: out of memory reading this file")
    except Exception as error:  # a fault of ours in a worker: report it on this file, go on
        return ScanError(path, unexpected_error(path, error))
