"""Small predicates that decide what a box is: its colour, and whether text under it is a leak."""

from __future__ import annotations

import re

from redactview.detectors.geometry import luminance
from redactview.model import RGB, BBox

_DARK = 0.4  # x-ray's limit is 100/255: dark grey, navy and black hide text
_LIGHT = 0.9  # white and near-white fills look like the page
_PALE = 0.8  # pastel shading: table cells, highlights
_BULLET = 8.0  # smaller squares are bullets and markers
_TALL = 30.0  # taller than two lines of text
_PLACEHOLDER = re.compile(
    r"redacted(\s+and\s+publicly\s+filed)?|name\s+redacted|withheld|removed|exempt(ion)?|"
    r"confidential|privileged?|redact\w*|not\s+disclosed",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"redact|withheld|exempt|removed|confidential|privileged|not\s+disclosed|"
    r"\b(s|sec|section|reg|regulation|art|article)\.?\s*\d|\(b\)\s*\(\d\)|\bfoi|\beir\b",
    re.IGNORECASE,
)
# Labels only when they are the whole text on the box ("Personal data", not a form's
# "Personal details" banner; "B6", not "Flat B2"): (b)(G) is an OCR's (b)(6).
_WHOLE_LABEL = re.compile(
    r"out\s+of\s+scope|not\s+relevant|personal\s+(?:data|information)|"
    r"\(b\)\s*\(\w\)(?:\s*\(\w\))?|b\s?\(?[1-9]\)?(?:\s?\(?[a-f]\)?)?",
    re.IGNORECASE,
)


def is_dark(colour: RGB) -> bool:
    """True for fills dark enough to hide black text: black, dark grey, navy."""
    return luminance(colour) <= _DARK


def is_light(colour: RGB) -> bool:
    """True for white and near-white fills, which look like blank paper."""
    return min(colour) >= _LIGHT


def is_pale(colour: RGB) -> bool:
    """True for fills too pale to pass for a redaction when nothing is under them."""
    return luminance(colour) >= _PALE


def is_box_shaped(bbox: BBox) -> bool:
    """True for the shape of a redaction bar, not a bullet square or a chart's narrow column.

    ■ item          a bullet: too small
    ▌▌▌ ▌           chart columns: much taller than wide
    """
    width, height = bbox[2] - bbox[0], bbox[3] - bbox[1]
    if max(width, height) < _BULLET:
        return False
    return not (height > 2 * width and height > _TALL)


def is_meaningful_leak(text: str) -> bool:
    """True when text found under a box is real content, not a placeholder or a stray glyph.

    Like x-ray: `XXXXXX`, a single character, "REDACTED" and replacement characters are not
    leaks; a box over them hides nothing that was meant to be secret.
    """
    text = " ".join(text.split())
    alnum = re.sub(r"[\W_]", "", text)
    if len(alnum) <= 1 or len(set(alnum.lower())) == 1:
        return False
    if "\ufffd" in text:
        return False
    return bool(re.sub(r"\W", "", _PLACEHOLDER.sub("", text)))


def looks_like_label(text: str) -> bool:
    """True when text printed on a box names it as a redaction: "REDACTED", "s.40(2)", "(b)(6)"."""
    return bool(_LABEL.search(text) or _WHOLE_LABEL.fullmatch(text.strip()))
