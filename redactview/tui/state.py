"""What the UI knows about each opened document while it loads and once it is scanned."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from redactview.model import DocumentInfo, DocumentReport, Exemption, Page, Redaction
from redactview.textsafe import printable_line
from redactview.tui.jobs import JobDone, JobEvent, JobFailed, JobInfo, JobPages

LEAKY_KINDS = frozenset(
    {
        "text_under_box",
        "white_box",
        "invisible_text",
        "unapplied_annotation",
        "dark_annotation",
        "same_colour_text",
    }
)


def is_leak(redaction: Redaction) -> bool:
    """True when the redaction hides nothing, or not all of it."""
    return redaction.leaky or str(redaction.kind) in LEAKY_KINDS or bool(redaction.leaked_text)


@dataclass
class DocumentState:
    """One document in the session: pages as they arrive, then its scan report, or its error."""

    path: str
    info: DocumentInfo | None = None
    pages: list[Page] = field(default_factory=list)
    pages_done: int = 0
    found: int = 0
    report: DocumentReport | None = None
    error: str | None = None
    preview: Page | None = None  # page 1 read quickly, shown until the full load's page 1 arrives
    needs_password: bool = False  # an encrypted PDF waiting for its password to be typed

    @property
    def name(self) -> str:
        """The file name, safe to show on one line."""
        return printable_line(Path(self.path).name or self.path)

    @property
    def page_count(self) -> int:
        """Pages in the document, as far as is known."""
        return self.info.page_count if self.info else len(self.pages)

    @property
    def done(self) -> bool:
        """True when the scan finished or failed."""
        return self.report is not None or self.error is not None

    @property
    def redactions(self) -> tuple[Redaction, ...]:
        """The redactions found (empty until the scan finishes)."""
        return self.report.redactions if self.report else ()

    @property
    def exemptions(self) -> tuple[Exemption, ...]:
        """The exemptions the document cites."""
        return self.report.exemptions_cited if self.report else ()

    @property
    def status(self) -> str:
        """A few words on where loading stands."""
        if self.error is not None:
            return "failed"
        if self.needs_password:
            return "password needed"
        if self.report is not None:
            return "done"
        if self.page_count:
            return f"loading {100 * self.pages_done // max(1, self.page_count)}%"
        return "opening"

    def restart(self) -> None:
        """Forget what was read, to read the document again (with a password typed since)."""
        self.info, self.report, self.error = None, None, None
        self.pages = []
        self.pages_done = self.found = 0
        self.needs_password = False

    def apply(self, event: JobEvent) -> None:
        """Take in one event from the document's job."""
        if isinstance(event, JobInfo):
            self.info = event.info
        elif isinstance(event, JobPages):
            self.pages.extend(event.pages)
            self.pages_done = event.pages_done
            self.found = event.found
        elif isinstance(event, JobDone):
            self.report = event.report
            self.found = len(event.report.redactions)
            self.pages_done = event.report.pages
        elif isinstance(event, JobFailed):
            self.error = event.error

    def page(self, number: int) -> Page | None:
        """Page `number` (1-based) if it has arrived (page 1 may be the quick preview)."""
        if 1 <= number <= len(self.pages):
            return self.pages[number - 1]
        return self.preview if number == 1 else None

    def page_of_offset(self, offset: int) -> int:
        """The number of the loaded page holding document offset `offset` (1 if none)."""
        for page in self.pages:
            if page.start <= offset <= page.end:
                return page.number
        return 1

    def cited_codes(self) -> list[str]:
        """The distinct exemption codes the document cites, in order of first citation."""
        return list(dict.fromkeys(e.code for e in self.exemptions))
