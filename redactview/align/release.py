"""One release ready to align: its text as `redactview text` prints it, its pages and redactions."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from redactview.loaders import LoadOptions, load_document
from redactview.model import (
    PAGE_SEPARATOR,
    Document,
    DocumentInfo,
    Exemption,
    Format,
    Page,
    Passage,
    Redaction,
)


@dataclass(frozen=True, slots=True)
class Release:
    """A document's text, where each page starts in it, its redactions that have offsets and the
    exemptions it cites."""

    info: DocumentInfo
    text: str
    page_starts: tuple[int, ...] = (0,)
    redactions: tuple[Redaction, ...] = field(default=())
    exemptions: tuple[Exemption, ...] = ()

    def page_at(self, offset: int) -> int:
        """The 1-based page holding `offset`."""
        return max(1, bisect_right(self.page_starts, offset))

    def passage(self, start: int, end: int) -> Passage:
        """The stretch of text from `start` to `end` as a Passage."""
        return Passage(page=self.page_at(start), start=start, end=end, text=self.text[start:end])


def release_from_text(
    text: str,
    redactions: Sequence[Redaction] = (),
    path: str = "<text>",
    exemptions: Sequence[Exemption] = (),
) -> Release:
    """A Release over text already in memory (pages split on form feeds), for tests and callers."""
    starts = [0]
    index = text.find(PAGE_SEPARATOR)
    while index != -1:
        starts.append(index + 1)
        index = text.find(PAGE_SEPARATOR, index + 1)
    info = DocumentInfo(path=path, sha256="", format=Format.TEXT, page_count=len(starts))
    return Release(info, text, tuple(starts), _placed(redactions), tuple(exemptions))


def load_release(path: str | Path, options: LoadOptions | None = None) -> Release:
    """Open a file, read its text and scan it for redactions in one pass over its pages."""
    from redactview.scan import scan_document

    with load_document(path, options) as document:
        recorder = _PageRecorder(document)
        report = scan_document(Document(document.info, recorder))
    text = PAGE_SEPARATOR.join(recorder.texts)
    placed = _placed(report.redactions)
    return Release(document.info, text, tuple(recorder.starts), placed, report.exemptions_cited)


def _placed(redactions: Sequence[Redaction]) -> tuple[Redaction, ...]:
    """The redactions that sit in the text, in order; boxes with no text offsets cannot align,
    and a leaky box is no redaction here: the words under it are the release's text, so a
    release that leaks what another withheld has revealed it."""
    placed = [r for r in redactions if r.start is not None and r.end is not None and not r.leaky]
    return tuple(sorted(placed, key=lambda r: (r.start or 0, r.end or 0)))


class _PageRecorder:
    """A page source that hands on a document's pages in order and keeps each page's text."""

    def __init__(self, document: Document) -> None:
        self.page_count = document.info.page_count
        self._pages: Iterator[Page] = document.iter_pages()
        self.texts: list[str] = []
        self.starts: list[int] = []

    def load_page(self, index: int, start: int) -> Page:
        """The next page of the document (pages are only ever read in order, once)."""
        page = next(self._pages)
        self.texts.append(page.text)
        self.starts.append(page.start)
        return page

    def close(self) -> None:
        """The wrapped document is closed by its owner."""
