"""The detail panel: everything known about the selected redaction."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from redactview.model import Redaction
from redactview.textsafe import printable_line
from redactview.tui.present import SOURCE_WORDS, kind_label, length_estimate
from redactview.tui.state import is_leak

NOTHING = "Select a redaction (Enter in the list, n/p, or a click on the page)."


class RedactionDetail(Static):
    """Kind, place, exemption and how it was attributed, confidence, and any leaked text."""

    # A fixed height, so a new selection redraws the panel without laying out the screen again.
    DEFAULT_CSS = """
    RedactionDetail { height: 9; padding: 0 1; }
    """
    redaction: Redaction | None = None  # the one described

    def show(self, redaction: Redaction | None) -> None:
        """Describe `redaction`, or say how to pick one."""
        self.redaction = redaction
        self.set_class(redaction is not None and is_leak(redaction), "-leak")
        self.update(describe(redaction) if redaction else Content(NOTHING), layout=False)


FIELD_LIMIT = 300


def _field(name: str, value: str) -> Content:
    shown = printable_line(value[: FIELD_LIMIT + 1])  # a 5 MB marker is not made printable whole
    if len(value) > FIELD_LIMIT or len(shown) > FIELD_LIMIT:
        shown = f"{shown[: FIELD_LIMIT - 1]}… ({len(value):,} characters)"
    value = shown
    return Content.from_markup("[b]$name[/b] $value\n", name=name, value=value)


def describe(redaction: Redaction) -> Content:
    """The detail text for one redaction; document text goes in as plain content, never markup."""
    place = f"page {redaction.page}" + (f", line {redaction.line}" if redaction.line else "")
    parts = [_field("Kind:", kind_label(redaction)), _field("Where:", place)]
    if redaction.marker:
        parts.append(_field("Marker:", redaction.marker))
    parts.append(_field("Sure it is one:", f"{redaction.confidence:.0%}"))  # a redaction at all
    parts.append(_field("Exemption:", _exemption(redaction)))
    if length_estimate(redaction):
        parts.append(_field("Hidden length:", length_estimate(redaction)))
    if redaction.field:
        parts.append(_field("Field:", redaction.field))
    if redaction.leaked_text:
        parts.append(_field("LEAKED TEXT:", redaction.leaked_text))
    context = f"{redaction.context_before}▮{redaction.context_after}"
    parts.append(_field("Context:", context.replace("\n", " ")))
    parts.append(_field("Detector:", redaction.detector))
    return Content.assemble(*parts).rstrip()


def _exemption(redaction: Redaction) -> str:
    if not redaction.exemption:
        return "none linked (no citation names it for this redaction)"
    source = SOURCE_WORDS.get(redaction.exemption_source, "") if redaction.exemption_source else ""
    sure = redaction.exemption_confidence
    certainty = f", {sure:.0%} sure" if sure is not None else ""
    return f"{redaction.exemption} — {source}{certainty}" if source else redaction.exemption
