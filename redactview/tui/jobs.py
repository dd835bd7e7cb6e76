"""Heavy work in a child process: load and scan a document, streaming its pages back as it goes.

PyMuPDF holds the GIL for the whole of each call, so a thread would freeze the screen on a big or
hostile page. Each document gets its own process, which can be ended at any time (`cancel`). This
module imports no textual: the child process only needs the core.

    child:  load → page 1 ──► queue ──► reader thread (UI side) ──► app.call_from_thread
                   page 2…    (batched)
                   scan done ──► DocumentReport
"""

from __future__ import annotations

import multiprocessing
import queue
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from redactview.model import Document, DocumentInfo, DocumentReport, Page

if TYPE_CHECKING:
    from redactview.tui.comparing import CompareSide

FLUSH_SECONDS = 0.15
FLUSH_PAGES = 200
POLL_SECONDS = 0.1
# Imported once by the fork server, so each child starts with them done. A name that is gone
# after a refactor is skipped by the fork server, not an error.
PRELOAD = (
    "redactview.tui.background",
    "redactview.tui.jobs",
    "redactview.loaders.pdf",
    "redactview.loaders.scanned",
    "redactview.loaders.text",
    "redactview.scan",
    "redactview.detectors.marks",
    "redactview.detectors.boxes",
    "redactview.detectors.missing_values",
    "redactview.detectors.scans",
    "redactview.loaders.image",
    "redactview.loaders.preview",
    "redactview.detectors.exemptions",
    "redactview.align",
)


@dataclass(frozen=True, slots=True)
class JobInfo:
    """The document opened: what is known before its pages are read."""

    info: DocumentInfo


@dataclass(frozen=True, slots=True)
class JobPages:
    """A batch of pages read, with the running totals."""

    pages: tuple[Page, ...]
    pages_done: int
    page_count: int
    found: int


@dataclass(frozen=True, slots=True)
class JobDone:
    """The scan finished."""

    report: DocumentReport


@dataclass(frozen=True, slots=True)
class JobResult:
    """A job that returns one picklable value (a comparison, a rendered page)."""

    value: Any


@dataclass(frozen=True, slots=True)
class JobFailed:
    """The job could not finish; `error` is the one line to show.

    `password_required` says the file is an encrypted PDF that needs a (different) password.
    """

    error: str
    password_required: bool = False


JobEvent = JobInfo | JobPages | JobDone | JobResult | JobFailed


def _context() -> Any:
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(list(PRELOAD))
    return context


def warm_up() -> None:
    """Start the helper processes now, while the terminal's streams are still the real ones.

    Called before the UI starts: it redirects stderr, which the helpers expect to pass on, and
    a fork server started early has its imports done by the time the first document opens.
    """
    from multiprocessing import resource_tracker

    context = _context()
    resource_tracker.ensure_running()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


class Job:
    """A child process running `target(*args, sink)` where sink sends JobEvents back."""

    def __init__(self, target: Callable[..., None], *args: object) -> None:
        context = _context()
        self._queue = context.Queue()
        self._process = context.Process(target=_run, args=(target, args, self._queue), daemon=True)
        self.cancelled = False

    def start(self) -> Job:
        """Start the child process."""
        self._process.start()
        return self

    def cancel(self) -> None:
        """End the child process now; `events` stops soon after."""
        self.cancelled = True
        if self._process.is_alive():
            self._process.kill()

    def events(self) -> Iterator[JobEvent]:
        """Yield the child's events until it finishes, fails, dies or is cancelled."""
        while not self.cancelled:
            try:
                event = self._queue.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if self._process.is_alive():
                    continue
                event = self._last_words()
            yield event
            if isinstance(event, JobDone | JobResult | JobFailed):
                break
        self._process.join(timeout=1)

    def _last_words(self) -> JobEvent:
        """What a finished child left in the queue, else why it died.

        The child may put its result and exit between a timed-out `get` and the liveness check.
        """
        try:
            return self._queue.get(timeout=POLL_SECONDS)  # type: ignore[no-any-return]
        except queue.Empty:
            return self._death()

    def _death(self) -> JobFailed:
        code = self._process.exitcode
        return JobFailed(f"the reader stopped unexpectedly on this file (exit code {code})")


def _run(target: Callable[..., None], args: tuple[object, ...], sink: Any) -> None:
    """Child entry point: run the target, turning any failure into one JobFailed line."""
    from redactview.errors import PasswordRequired, RedactviewError

    try:
        target(*args, sink.put)
    except PasswordRequired as error:
        sink.put(JobFailed(str(error), password_required=True))
    except RedactviewError as error:
        sink.put(JobFailed(str(error)))
    except MemoryError:
        sink.put(JobFailed("out of memory reading this file"))
    except Exception as error:  # a bug or a library failure: report it, never crash the UI
        sink.put(JobFailed(f"internal error: {type(error).__name__}: {error}"))


class _PageTee:
    """A page source that hands every page it loads to the UI as well as to the scan."""

    def __init__(self, document: Document, send: Callable[[JobEvent], None]) -> None:
        self._document = document
        self._pages = document.iter_pages()
        self._send = send
        self.page_count: int = document.info.page_count
        self._batch: list[Page] = []
        self._last_flush = 0.0
        self._done = 0
        self.found = 0

    def load_page(self, index: int, start: int) -> Page:
        """Load the next page (scans read in order), queue a light copy of it for the UI."""
        page = next(self._pages)
        self._batch.append(light_page(page))
        self._done = index + 1
        if index == 0 or self._is_due():
            self.flush()
        return page

    def _is_due(self) -> bool:
        return (
            len(self._batch) >= FLUSH_PAGES
            or time.monotonic() - self._last_flush >= FLUSH_SECONDS
            or self._done == self.page_count
        )

    def flush(self) -> None:
        """Send the pages gathered so far."""
        if self._batch:
            self._send(JobPages(tuple(self._batch), self._done, self.page_count, self.found))
            self._batch = []
        self._last_flush = time.monotonic()

    def close(self) -> None:
        """Close the underlying document."""
        self._document.close()


def light_page(page: Page) -> Page:
    """The page without per-span detail or pixels, which the UI does not draw: less to pickle."""
    lines = tuple(replace(line, spans=()) for line in page.lines)
    return replace(page, lines=lines, raster=None)


def scan_job(path: str, password: str | None, send: Callable[[JobEvent], None]) -> None:
    """Child job: open and scan one document, streaming pages and progress."""
    from redactview.loaders import LoadOptions, load_document
    from redactview.scan import scan_document

    document = load_document(path, LoadOptions(password=password))
    send(JobInfo(document.info))
    tee = _PageTee(document, send)

    def progress(done: int, count: int, found: int) -> None:
        tee.found = found

    with Document(document.info, tee) as teed:
        report = scan_document(teed, progress=progress)
    tee.flush()
    send(JobDone(report))


def compare_job(side_a: CompareSide, side_b: CompareSide, send: Callable[[JobEvent], None]) -> None:
    """Child job: compare two releases, scanning only those the library has not scanned."""
    from redactview.tui.comparing import compare_sides

    send(JobResult(compare_sides(side_a, side_b)))


def render_job(
    path: str,
    page: int,
    size: tuple[int, int],
    password: str | None,
    send: Callable[[JobEvent], None],
) -> None:
    """Child job: draw one page as pixels."""
    from redactview.loaders.preview import render_page_pixels

    send(JobResult(render_page_pixels(path, page, size[0], size[1], password)))


def start_render(path: str, page: int, size: tuple[int, int], password: str | None) -> Job:
    """Start drawing a page in a child process."""
    return Job(render_job, path, page, size, password).start()


def start_scan(path: str, password: str | None = None) -> Job:
    """Start scanning `path` in a child process."""
    return Job(scan_job, path, password).start()


def start_compare(side_a: CompareSide, side_b: CompareSide) -> Job:
    """Start comparing two releases in a child process."""
    return Job(compare_job, side_a, side_b).start()
