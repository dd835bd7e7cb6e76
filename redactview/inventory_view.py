"""What the HTML inventory page shows, as plain values the template reads: one view per part.

`inventory_html.py` builds these from an Inventory, making every piece of document text safe to
show first; the template (`templates/inventory.html.j2`) only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from redactview.model import ExemptionSource, Kind

NO_EXEMPTION = "unknown"  # the key `DocumentReport.summary` counts uncited redactions under
MARKER_LIMIT = 200  # characters of a marker shown; a run of asterisks can fill a whole page

KIND_NOTES: dict[str, str] = {
    Kind.ASTERISKS: "a run of asterisks in place of the text",
    Kind.BLOCKS: "a run of block characters in place of the text",
    Kind.X_MASK: "a run of Xs in place of the text",
    Kind.LABEL: "a label such as [REDACTED] or an exemption code in place of the text",
    Kind.TRUNCATION: "text cut off at the edge of a box in OCR'd text",
    Kind.MISSING_VALUE: "a blank where a table or form has a value everywhere else",
    Kind.BOX: "a filled box drawn over the page",
    Kind.ANNOTATION: "a redaction annotation",
    Kind.SCAN_BOX: "a dark box on a scanned page",
    Kind.TEXT_UNDER_BOX: "a box drawn over text that can still be copied from under it",
    Kind.WHITE_BOX: "a white box over text that can still be copied from under it",
    Kind.INVISIBLE_TEXT: "text made invisible that can still be copied",
    Kind.UNAPPLIED_ANNOTATION: "a redaction annotation never applied: the text is still there",
    Kind.DARK_ANNOTATION: "a dark annotation over text that is still there",
    Kind.SAME_COLOUR_TEXT: "text in the colour of the box it sits on: unreadable, not removed",
}

SOURCE_NOTES: dict[ExemptionSource, str] = {
    ExemptionSource.LABEL: "named in the marker itself",
    ExemptionSource.ADJACENT: "printed beside the marker",
    ExemptionSource.SOLE_CITED: "the only exemption the document cites",
    ExemptionSource.NEARBY: "a sentence a few lines away withholds under it",
    ExemptionSource.INFERRED: "a guess from what was hidden",
}


@dataclass(frozen=True, slots=True)
class ExemptionName:
    """One exemption code with its usual name ("" when redactview does not know it)."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class CountRow:
    """One row of a summary table: what is counted, a note on it, and how many."""

    label: str
    note: str
    count: int
    guessed: int = 0  # of the count, attributed by a guess (source `inferred`)


@dataclass(frozen=True, slots=True)
class CitedView:
    """An exemption the document cites: its name, where, and how many redactions apply it."""

    code: str
    name: str
    regime: str
    places: tuple[str, ...]
    printed: tuple[str, ...]
    applied: int
    guessed: int  # of those, attributed by a guess (source `inferred`)


@dataclass(frozen=True, slots=True)
class RedactionView:
    """One redaction as the page shows it; every text field already made safe to show."""

    number: int
    id: str
    page: int
    line: int | None
    location: str
    kind: str
    kind_note: str
    marker: str
    marker_length: int
    marker_cut: bool
    placeholder: str  # shown in place of an empty marker
    before: str
    after: str
    field: str
    est_chars: int | None
    confidence: str
    exemptions: tuple[ExemptionName, ...]
    source: str
    source_note: str
    exemption_confidence: str
    leaky: bool
    leaked_text: str


@dataclass(frozen=True, slots=True)
class DocumentView:
    """One scanned document: its facts, its summary, what it cites and every redaction."""

    anchor: str
    path: str
    format: str
    pages: int
    sha256: str
    warnings: tuple[str, ...]
    total: int
    leaky: int
    uncited: int
    by_kind: tuple[CountRow, ...]
    by_exemption: tuple[CountRow, ...]
    cited: tuple[CitedView, ...]
    redactions: tuple[RedactionView, ...]


@dataclass(frozen=True, slots=True)
class ErrorView:
    """A file that could not be read, and why."""

    path: str
    error: str
