"""What a money value looks like: a figure, a blank, or a mask standing where the figure was."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from redactview.detectors.labels import codes_only, inside, is_label_text

_LEADING_CURRENCY = re.compile(r"^(?:[£$€]|(?:GBP|USD|EUR)(?![A-Za-z]))\s*")
_TRAILING_CURRENCY = re.compile(r"\s*(?:[£$€]|(?<![A-Za-z])(?:GBP|USD|EUR))$")
_MASK = re.compile(
    r"\*(?: ?\*)*+"
    r"|X[Xx,. ]*+(?:m|bn|k)?"
    r"|xx[x,. ]*+"
    r"|[█▇▆▅■▮▓▒░•●](?: ?[█▇▆▅■▮▓▒░•●])*+"
    r"|\[\s*\]?"
    r"|\.{3}|…|\?{2,}"
)
_BRACKETS = {"[": "]", "<": ">", "(": ")"}
MONEY_WORDS = re.compile(
    r"(?:[£$€]|\b(?:GBP|USD|EUR|value|cost|costs|amount|price|fee|fees|spend|spent|budget|salary"
    r"|payment|paid|sum|total|charge|charges|award|worth)\b)",
    re.I,
)

# A totals row: it leaves unit prices and rates blank, which withholds nothing.
TOTAL_LABEL = re.compile(r"(?:sub-?|grand |net |gross |overall )?totals?\b", re.I)


class ValueKind(StrEnum):
    """How a money field reads."""

    FIGURE = "figure"
    BLANK = "blank"
    MASKED = "masked"
    OTHER = "other"  # words: "n/a", "nil", "to be confirmed"


@dataclass(frozen=True, slots=True)
class Value:
    """A classified value, with the mask's place inside the text classified (when masked)."""

    kind: ValueKind
    start: int = 0
    end: int = 0


def classify_value(text: str) -> Value:
    """Read a cell or the text after a money label: figure, blank (maybe just `£`), or masked."""
    body_start, body_end = _strip_currency(text)
    body = text[body_start:body_end]
    if not body:
        return Value(ValueKind.BLANK, body_start, body_start)
    if any(map(str.isdigit, body)) and not codes_only(body):
        return Value(ValueKind.FIGURE, body_start, body_end)
    if is_mask(body):
        return Value(ValueKind.MASKED, body_start, body_end)
    return Value(ValueKind.OTHER, body_start, body_end)


def is_mask(body: str) -> bool:
    """True when the whole text is a redaction mark: `*****`, `XX,XXX`, `[REDACTED]`, `s.43(2)`."""
    body = body.rstrip(".,;")
    if not body:
        return False
    if _MASK.fullmatch(body):
        return True
    closer = _BRACKETS.get(body[0])
    if closer and body.endswith(closer) and len(body) >= 2:
        content = inside(body).strip()
        return not content or content in ("…", "...") or _is_label_or_code(content)
    return _is_label_or_code(body)


def _is_label_or_code(body: str) -> bool:
    return is_label_text(body) or codes_only(body) is not None


def _strip_currency(text: str) -> tuple[int, int]:
    """Offsets of the value without surrounding spaces and currency signs."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    lead = _LEADING_CURRENCY.match(text, start, end)
    if lead:
        start = lead.end()
    trail = _TRAILING_CURRENCY.search(text, start, end)
    if trail:
        end = trail.start()
    return start, max(start, end)
