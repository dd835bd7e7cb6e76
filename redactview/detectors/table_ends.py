"""Where a text table ends: the first line under its header that a reader would not take as a row.

    Ref    Supplier      Value       header
    CDC-1  Fenlark Ltd   £12,000     a row: columns like the header's
    Officer: Jane Doe                prose (`Label: value`): the table has ended
    Contract summary                 on a PDF, after a gap or set bigger or bolder: a heading

A table ends at a line cut into other columns than its header's, a note (`Note…`, `*`, `†`), a
page footer (`Page 1 of 2`, `- 2 -`), a lone cell reading as prose (a `Label: value` line, a
numbered note, over 50 characters), and on a PDF at a gap much taller than the rows' pitch or a
lone line set bigger or bolder than the row above it.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from redactview.model import Line

if TYPE_CHECKING:
    from redactview.detectors.money_tables import Cell, Row

_NOTE = re.compile(r"(?:notes?|sources?)\s*[:.](?:\s|$)", re.I)  # `Note:`, not `Notes Direct Ltd`
_FOOTNOTE = re.compile(r"[*†‡]+\s?[A-Za-z]")  # `* Estimated at award`, as a line of its own
_PROSE = re.compile(r"[^:]{1,40}:(?:\s|$)|\(?\d{1,2}[.)]\s")
# A sentence of three words or more, one of them in lower case (`Figures exclude VAT.`), not a
# name (`Harbour Foods Ltd.`, `IBM United Kingdom Corp.`).
_SENTENCE = re.compile(r"(?=.*\b[a-z]+\b)\S+(?:\s+\S+){2,}\.")
_FOOTER = re.compile(r"page\s+\d+(?:\s+of\s+\d+)?|-\s*\d+\s*-", re.I)  # not `1 of 3`
_CURRENCY_SIGNS = ("£", "$", "€")
_SPLIT_GAP = 2.5  # cells closer than this many characters are one cell cut by a double space
_GAP = 1.5  # a gap taller than this many row pitches ends a PDF table
_HEADING_SIZE = 1.15  # a lone line this much bigger than the row above is a heading
_LONG_CELL = 50  # a lone cell longer than this is a sentence


class TableEnd:
    """Follows a table down from its header, one row at a time, and says where it ends."""

    def __init__(self, header: Row) -> None:
        self.header = header
        self.above = header.line
        self.pitch = 2 * _height(header.line)  # top to top of rows, once two are seen
        self.row_top = _top(header.line)  # of the last full row (a wrapped cell's line is not)

    def reached(self, row: Row) -> bool:
        """True when `row` is not part of the table; otherwise take it as the next row."""
        line = row.line
        if _breaks_columns(self.header, row) or _is_prose(row, self.above):
            return True
        if _far_below(self.above, line, self.pitch):
            return True
        if _columns(row) >= 2:
            self.pitch = min(self.pitch, max(_top(line) - self.row_top, _height(line)))
            self.row_top = _top(line)
        self.above = line
        return False


def _breaks_columns(header: Row, row: Row) -> bool:
    """True when the line is cut into columns other than the header's."""
    if row.mode != header.mode and header.mode != "space":
        return True
    return _columns(row) > len(header.cells)


def _columns(row: Row) -> int:
    """The row's filled cells, two only a double space apart (`Cleaning  (phase 2)`) or a
    currency sign set apart from its figure (`£     12,400`) counting as one."""
    filled = [cell for cell in row.cells if cell.text]
    if row.mode != "space":
        return len(filled)
    return len(filled) - sum(_one_cell(a, b) for a, b in pairwise(filled))


def _one_cell(a: Cell, b: Cell) -> bool:
    return a.text in _CURRENCY_SIGNS or b.x0 - a.x1 < _SPLIT_GAP * _char_width(a)


def _char_width(cell: Cell) -> float:
    return (cell.x1 - cell.x0) / max(1, len(cell.text))


def _is_prose(row: Row, above: Line) -> bool:
    """True for a line of prose, a heading, a note or a page footer rather than a table row."""
    cells = [cell for cell in row.cells if cell.text]
    if not cells:
        return False
    if _NOTE.match(cells[0].text) or (len(cells) <= 2 and _FOOTER.fullmatch(cells[-1].text)):
        return True
    if len(cells) > 1:
        return False
    text = cells[0].text
    return (
        len(row.line.text) > _LONG_CELL
        or _PROSE.match(text) is not None
        or _FOOTNOTE.match(text) is not None
        or _SENTENCE.fullmatch(text) is not None
        or _stands_out(row.line, above)
    )


def _stands_out(line: Line, above: Line) -> bool:
    """True when a PDF line is set bigger or bolder than the row above it, as a heading is."""
    if not line.spans or not above.spans:
        return False
    size, bold = _type(line)
    above_size, above_bold = _type(above)
    return size > above_size * _HEADING_SIZE or (bold and not above_bold)


def _type(line: Line) -> tuple[float, bool]:
    """A line's largest font size, and whether all its text is bold."""
    size = max(span.size for span in line.spans)
    return size, all("bold" in span.font.casefold() for span in line.spans)


def _far_below(above: Line, line: Line, pitch: float) -> bool:
    """True when the gap between two PDF lines is much taller than the table's row pitch.

    Ref    Supplier      Value     ─┐ pitch: top to top of rows
    CDC-1  Fenlark Ltd   £12,000   ─┘
                                    } gap: more than 1.5 pitches ends the table
    Contract summary
    """
    if above.bbox is None or line.bbox is None:
        return False
    return line.bbox[1] - above.bbox[3] > _GAP * pitch


def _top(line: Line) -> float:
    return line.bbox[1] if line.bbox is not None else 0.0


def _height(line: Line) -> float:
    return line.bbox[3] - line.bbox[1] if line.bbox is not None else 0.0
