"""How model values read on screen: kind names, roles for colours, safe one-line text."""

from __future__ import annotations

from rich.text import Text

from redactview.model import BBox, ExemptionSource, Page, Redaction
from redactview.textsafe import printable_line
from redactview.tui.state import is_leak
from redactview.tui.widgets.page_view import Mark

_ROLE_OF_KIND = {
    "asterisks": "marker",
    "blocks": "marker",
    "x_mask": "marker",
    "label": "label",
    "truncation": "truncation",
    "missing_value": "missing",
    "box": "box",
    "annotation": "box",
    "scan_box": "box",
}
BOX_KINDS = frozenset({"box", "annotation", "scan_box"})
BOX_FILL = "▮"  # drawn over the blanks a box leaves on its text row

SOURCE_WORDS = {
    ExemptionSource.LABEL: "named in the marker itself",
    ExemptionSource.ADJACENT: "code printed beside the redaction",
    ExemptionSource.SOLE_CITED: "the only exemption the document cites",
    ExemptionSource.NEARBY: "a sentence a few lines away withholds under it (not certain)",
    ExemptionSource.INFERRED: "a guess from what was hidden (not certain)",
}


def role_of(redaction: Redaction) -> str:
    """The highlight role (and so colour) for a redaction: leaks stand out from everything."""
    if is_leak(redaction):
        return "leak"
    return _ROLE_OF_KIND.get(str(redaction.kind), "marker")


def kind_label(redaction: Redaction) -> str:
    """The kind as a reader says it, flagged when it leaks."""
    label = str(redaction.kind).replace("_", " ")
    return f"⚠ {label}" if is_leak(redaction) else label


def safe(text: object, limit: int | None = None) -> Text:
    """Document text as a one-line rich Text: never markup, control characters made visible."""
    line = printable_line(str(text))
    if limit is not None and len(line) > limit:
        line = line[: max(0, limit - 1)] + "…"
    return Text(line, no_wrap=True, end="")


def context_of(redaction: Redaction, limit: int = 40) -> str:
    """The text around a redaction, with the redaction shown as ▮, on one line."""
    before = redaction.context_before[-limit // 2 :]
    after = redaction.context_after[: limit // 2]
    return printable_line(f"{before}▮{after}".replace("\n", " "))


def text_span(redaction: Redaction, page: Page | None) -> tuple[int, int] | None:
    """Where a redaction sits in the text: its offsets, or else the lines its box covers.

    A box drawn over a PDF with no offsets (or a point between lines: a box over nothing) is
    marked by the lines it overlaps, or else by the line it was placed beside:

        line bbox   |----Name: Jane Doe-----|
        box              |#########|          -> the whole line is marked
    """
    start, end = redaction.start, redaction.end
    if start is not None and end is not None and end > start:
        return start, end
    if page is None:
        return None
    box = redaction.bbox
    covered = [line for line in page.lines if box and line.bbox and _overlaps(line.bbox, box)]
    if not covered:
        covered = [line for line in page.lines if line.number == redaction.line]
    if not covered:
        return None
    return covered[0].start, max(covered[-1].end, covered[0].start + 1)


def _overlaps(line: BBox, box: BBox) -> bool:
    """True when the box covers part of the line's width and most of its height."""
    across = line[0] < box[2] and box[0] < line[2]
    height = min(line[3], box[3]) - max(line[1], box[1])
    return across and height > 0.5 * (line[3] - line[1])


def redaction_mark(
    redaction: Redaction, page: Page | None = None, selected: bool = False
) -> Mark | None:
    """The page-view mark for a redaction (None when it cannot be placed in the text)."""
    span = text_span(redaction, page)
    if span is None:
        return None
    role = "selected" if selected else role_of(redaction)
    start, end = redaction.start, redaction.end
    covers_text = start is not None and end is not None and end > start
    boxed = str(redaction.kind) in BOX_KINDS and covers_text
    fill = BOX_FILL if boxed else ""  # a box between lines marks the line beside it, as it is
    return Mark(span[0], span[1], role, redaction.id, fill)


def length_estimate(redaction: Redaction) -> str:
    """The estimated hidden length: characters, else words, else blank."""
    if redaction.est_chars is not None:
        return f"{redaction.est_chars} ch"
    if redaction.est_words is not None:
        return f"{redaction.est_words} w"
    return ""
