"""Place a geometric redaction in the text: its line, offsets, context and length estimate."""

from __future__ import annotations

import re

from redactview.detectors import geometry as geo
from redactview.model import BBox, Kind, Line, Page, Redaction

DETECTOR = "boxes"
_CONTEXT = 40


def located(
    page: Page,
    kind: Kind,
    bbox: BBox,
    *,
    leaked: str | None = None,
    marker: str = "",
    confidence: float | None = None,
) -> Redaction:
    """A Redaction at `bbox` with its line, text offsets, context and length filled in."""
    rows = geo.rows_under(page, bbox)
    row = rows[0] if rows else None
    line = row or geo.nearest_line(page, bbox)
    start, end = _offsets(rows, bbox)
    before = after = ""
    if not rows and line is not None and line.bbox is not None:
        start, before, after = _between_lines(line, bbox)  # a box over no text at all
        end = start
    if start is not None and end is not None and (leaked or marker):
        start, end = snap_to_text(page, start, end, leaked or marker)
    length = geo.estimate_length(page, bbox, row)
    chars, words = length.chars, length.words
    if leaked:
        chars, words = len(leaked), geo.words_in(leaked)
    return Redaction(
        kind=kind,
        page=page.number,
        detector=DETECTOR,
        marker=marker,
        start=start,
        end=end,
        line=line.number if line else None,
        bbox=_rounded(bbox),
        context_before=_before(row, start) or before,
        context_after=_after(row, end) or after,
        leaked_text=leaked or None,
        leaky=leaked is not None and bool(leaked),
        est_chars=chars,
        est_words=words,
        confidence=confidence if confidence is not None else _confidence(leaked, length),
    )


def _confidence(leaked: str | None, length: geo.Length) -> float:
    return 0.95 if leaked else length.confidence


def _offsets(rows: list[Line], bbox: BBox) -> tuple[int | None, int | None]:
    """Offsets of the box's left edge on its first row and right edge on its last."""
    if not rows or not rows[0].spans or not rows[-1].spans:
        return None, None
    start = geo.x_to_offset(rows[0], bbox[0])
    end = geo.x_to_offset(rows[-1], bbox[2])
    return start, max(start, end)


def snap_to_text(page: Page, start: int, end: int, text: str) -> tuple[int, int]:
    """Move an estimated range onto the nearest place the page prints `text` (leaked or a label).

    Glyphs are not evenly spaced, so a box's edges map onto offsets only roughly; when the
    words under or on the box are known, their exact place in the text is better.
    """
    words = text.split()
    if not words:
        return start, end
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    local = start - page.start
    window_start = max(0, local - len(text) - _CONTEXT)
    window = page.text[window_start : end - page.start + len(text) + _CONTEXT]
    matches = list(pattern.finditer(window))
    if not matches:
        return start, end
    best = min(matches, key=lambda m: abs(window_start + m.start() - local))
    base = page.start + window_start
    return base + best.start(), base + best.end()


def _between_lines(line: Line, bbox: BBox) -> tuple[int, str, str]:
    """Where a box over no text sits in the text: just before the nearest line when it is above
    that line's middle, else just after it; with that line as its context.

        Date: 14 March 2025
        ████████████████          <- the address, boxed on lines of its own
        By email only             <- nearest line: the box sits at its start
    """
    assert line.bbox is not None
    text = line.text.strip()
    if (bbox[1] + bbox[3]) / 2 < (line.bbox[1] + line.bbox[3]) / 2:
        return line.start, "", text[:_CONTEXT]
    return line.start + len(line.text), text[-_CONTEXT:], ""


def _before(row: Line | None, start: int | None) -> str:
    if row is None or start is None:
        return ""
    return row.text[: start - row.start].rstrip()[-_CONTEXT:]


def _after(row: Line | None, end: int | None) -> str:
    if row is None or end is None:
        return ""
    return row.text[end - row.start :].lstrip()[:_CONTEXT]


def _rounded(bbox: BBox) -> BBox:
    x0, y0, x1, y1 = (round(v, 2) for v in bbox)
    return (x0, y0, x1, y1)
