"""The session's documents: each loads in its own child process, followed by a thread worker."""

from __future__ import annotations

import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import TYPE_CHECKING

from redactview.model import Page
from redactview.scan import ScanOptions, expand_paths
from redactview.textsafe import printable_line
from redactview.tui.jobs import Job, JobEvent, JobFailed, start_scan
from redactview.tui.messages import DocumentChanged
from redactview.tui.state import DocumentState
from redactview.tui.unlocking import ask_password

if TYPE_CHECKING:
    from textual.app import App


def _preview(path: str, password: str | None) -> Page | None:
    from redactview.loaders.preview import preview_first_page

    return preview_first_page(path, password)


class Session:
    """Opened documents by path, and the jobs loading them (a few at a time)."""

    def __init__(self, app: App[int], password: str | None = None) -> None:
        self.app = app
        self.password = password
        # Passwords typed into the password dialog, by path: kept in memory only, never saved.
        self.passwords: dict[str, str] = {}
        self.asking: list[str] = []  # encrypted documents waiting for the password dialog
        self.documents: dict[str, DocumentState] = {}
        self.jobs: dict[str, Job] = {}
        self._slots = threading.Semaphore(max(2, os.cpu_count() or 1))
        self._previews: dict[str, Future[Page | None]] = {}
        self._preview_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="preview")

    def start_preview(self, path: str) -> None:
        """Start reading page 1 of `path` in a thread now, before the screen asks for it."""
        if path not in self._previews and os.path.isfile(path):
            password = self.password_for(path)
            self._previews[path] = self._preview_pool.submit(_preview, path, password)

    def preview(self, path: str) -> Page | None:
        """Page 1 of `path` read quickly (blocks: call it from a worker thread)."""
        self.start_preview(path)
        future = self._previews.get(path)
        return future.result() if future is not None else None

    def open(self, path: str) -> list[str]:
        """Open a file, or every file in a folder; return the paths now in the session."""
        files, errors, skipped = expand_paths([path], ScanOptions())
        for error in errors:
            self.failed(error.error)
        if skipped:
            names = ", ".join(printable_line(os.path.basename(p)) for p in skipped)
            self.app.notify(f"Skipped reports written by redactview: {names}", markup=False)
        for file in files:
            state = self.documents.get(file)
            if state is None:
                self.documents[file] = DocumentState(file)
                self._load(file)
            elif state.error is not None:
                self.reload(file)  # opened again after it failed: read it again
        self.broadcast(path)
        return files

    def password_for(self, path: str) -> str | None:
        """The password to open `path` with: the one typed for it, else the session's."""
        return self.passwords.get(path, self.password)

    def state_of(self, path: str) -> DocumentState | None:
        """The session's document at `path` (as typed, or once links are resolved), if open."""
        if path in self.documents:
            return self.documents[path]
        real = os.path.realpath(path)
        return next((s for p, s in self.documents.items() if os.path.realpath(p) == real), None)

    def reload(self, path: str) -> None:
        """Read an opened document again from the start."""
        self.documents[path].restart()
        self.broadcast(path)
        self._load(path)

    def _load(self, path: str) -> None:
        self.app.run_worker(partial(self._follow, path), thread=True, group="load")

    def close(self, path: str) -> None:
        """Cancel a document's job and drop it from the session."""
        job = self.jobs.pop(path, None)
        if job is not None:
            job.cancel()
        self.documents.pop(path, None)
        if path in self.asking[1:]:
            self.asking.remove(path)  # waiting its turn for the password dialog: not now

    def cancel_all(self) -> None:
        """Cancel every job still running."""
        for job in list(self.jobs.values()):
            job.cancel()
        self._preview_pool.shutdown(wait=False, cancel_futures=True)

    def _follow(self, path: str) -> None:
        """Thread worker: run the document's job and pass each event to the UI thread."""
        with self._slots:
            if path not in self.documents:
                return  # closed while it waited for a slot
            try:
                job = self.jobs[path] = start_scan(path, self.password_for(path))
            except (OSError, ValueError) as error:
                failure = JobFailed(f"could not start a reader process: {error}")
                self.app.call_from_thread(self._apply, path, failure)
                return
            for event in job.events():
                self.app.call_from_thread(self._apply, path, event)
            if self.jobs.get(path) is job:  # not a later job reading the document again
                del self.jobs[path]

    def _apply(self, path: str, event: JobEvent) -> None:
        state = self.documents.get(path)
        if state is None:
            return
        if isinstance(event, JobFailed) and event.password_required:
            ask_password(self, state)
            return
        state.apply(event)
        if isinstance(event, JobFailed):
            named = state.path in event.error
            self.failed(event.error if named else f"{state.name}: {event.error}")
        self.broadcast(path)

    def failed(self, message: str) -> None:
        """Tell the user a document could not be opened (one line, never markup)."""
        self.app.notify(printable_line(message), severity="error", timeout=8, markup=False)

    def broadcast(self, path: str) -> None:
        """Tell every screen that the document at `path` moved on."""
        for screen in self.app.screen_stack:
            screen.post_message(DocumentChanged(path))
