"""Scan files in worker processes: one file per task, a time limit each, all cores in use.

A process per file means a hostile file that hangs MuPDF, or eats memory, costs only its own
worker: the task is ended at its time limit and the scan goes on with the next file.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING

from pebble import ProcessExpired, ProcessPool

from redactview.errors import RedactviewError
from redactview.loaders import LoadOptions
from redactview.model import DocumentReport, ScanError

if TYPE_CHECKING:
    from redactview.scan import ScanOptions


def _scan_one(path: str, load: LoadOptions) -> DocumentReport | ScanError:
    from redactview.scan import scan_file

    try:
        return scan_file(path, load)
    except RedactviewError as error:
        return ScanError(path, str(error))


def scan_in_workers(
    files: list[str], options: ScanOptions
) -> tuple[list[DocumentReport], list[ScanError]]:
    """Scan each file in a worker process, in input order, each within `options.timeout`."""
    reports: list[DocumentReport] = []
    errors: list[ScanError] = []
    if not files:
        return reports, errors
    context = multiprocessing.get_context("forkserver")
    workers = max(1, min(options.jobs, len(files)))
    with ProcessPool(max_workers=workers, context=context) as pool:
        futures = [
            (path, pool.schedule(_scan_one, (path, options.load), timeout=options.timeout))
            for path in files
        ]
        for path, future in futures:
            result = _result(path, future, options.timeout)
            (errors if isinstance(result, ScanError) else reports).append(result)  # type: ignore[arg-type]
    return reports, errors


def _result(path: str, future: object, timeout: float) -> DocumentReport | ScanError:
    try:
        return future.result()  # type: ignore[attr-defined,no-any-return]
    except FutureTimeout:
        return ScanError(path, f"{path}: gave up after {timeout:g} s (file too slow to read)")
    except ProcessExpired as error:
        return ScanError(
            path, f"{path}: the reader crashed on this file (exit code {error.exitcode})"
        )
    except MemoryError:
        return ScanError(path, f"{path}: out of memory reading this file")
