"""Ruled tables: a money column whose cells are boxed out or left blank holds missing values.

    +--------------+-----------+
    | Item         | Cost (£)  |   header row: the column is about money
    +--------------+-----------+
    | Catering     | 1,200.00  |
    | Consultancy  | ████████  |   ← boxed: missing value, field "Consultancy"
    | Travel       |           |   ← blank: missing value, field "Travel"
    +--------------+-----------+

The grid comes from the page's rules (thin lines the PDF loader collected); cells are read from
the text lines' spans and from the boxes already found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from redactview.detectors import geometry as geo
from redactview.detectors.money import TOTAL_LABEL
from redactview.detectors.placing import located
from redactview.model import BBox, Kind, Page, Redaction

_RULE = 2.5  # thicker than this is not a rule
_SNAP = 1.5  # rules closer than this are one rule
_TABLE_GAP = 4.0  # a horizontal rule belongs to a table if a vertical rule reaches it
_MIN_CELL = 6.0
_MONEY_HEADER = re.compile(
    r"[£$€¥]|\b(amount|value|cost|costs|price|fee|fees|total|sum|payment|paid|salary|"
    r"spend|spent|budget|gbp|usd|eur)\b",
    re.IGNORECASE,
)
# What sets a sum of money apart from a count (`12`): a currency, pennies, thousands.
_AMOUNT_MARK = re.compile(r"[£$€¥]|\d[.,]\d")
_MONEY = re.compile(r"^\(?-?[£$€¥]?\s?-?\d{1,3}(?:[,\s]\d{3})*(?:\.\d{1,2})?[kmb]?\)?$", re.I)


@dataclass(frozen=True, slots=True)
class Grid:
    """A ruled table: the y of its horizontal rules and the x of its vertical rules."""

    rows: tuple[float, ...]
    columns: tuple[float, ...]

    def cell(self, row: int, column: int) -> BBox:
        """The box of one cell, 0-based from the top left."""
        return (self.columns[column], self.rows[row], self.columns[column + 1], self.rows[row + 1])


def mark_missing_values(page: Page, found: list[Redaction]) -> list[Redaction]:
    """Turn boxes in ruled money columns into missing values, and add the blank cells."""
    result = list(found)
    for grid in find_grids(page.rules):
        for column in _money_columns(page, grid):
            result = _column_values(page, grid, column, result)
    return result


def find_grids(rules: Sequence[BBox]) -> list[Grid]:
    """Ruled tables on the page: sets of crossing horizontal and vertical rules."""
    across = [r for r in rules if geo.height(r) <= _RULE and geo.width(r) > _MIN_CELL]
    down = [r for r in rules if geo.width(r) <= _RULE and geo.height(r) > _MIN_CELL]
    grids = []
    for group in _tables(down):
        top, bottom = min(r[1] for r in group), max(r[3] for r in group)
        left, right = min(r[0] for r in group), max(r[2] for r in group)
        ys = [r[1] for r in across if _crosses(r, (left, top, right, bottom))]
        rows, columns = _snap(ys), _snap([(r[0] + r[2]) / 2 for r in group])
        if len(rows) >= 3 and len(columns) >= 3:
            grids.append(Grid(tuple(rows), tuple(columns)))
    return grids


def _crosses(rule: BBox, extent: BBox) -> bool:
    """True when a horizontal rule lies within the table's extent, give or take a few points."""
    left, top, right, bottom = extent
    inside_y = top - _TABLE_GAP <= rule[1] <= bottom + _TABLE_GAP
    return inside_y and rule[0] <= right + _TABLE_GAP and rule[2] >= left - _TABLE_GAP


def _tables(down: list[BBox]) -> list[list[BBox]]:
    """Vertical rules grouped by shared height: one group per table."""
    groups: list[list[BBox]] = []
    for rule in sorted(down, key=lambda r: r[1]):
        for group in groups:
            if any(geo.vertical_overlap(rule, other) > 0 or _touch(rule, other) for other in group):
                group.append(rule)
                break
        else:
            groups.append([rule])
    return groups


def _touch(a: BBox, b: BBox) -> bool:
    return abs(a[1] - b[3]) <= _SNAP or abs(b[1] - a[3]) <= _SNAP


def _snap(values: list[float]) -> list[float]:
    snapped: list[float] = []
    for value in sorted(values):
        if not snapped or value - snapped[-1] > _SNAP:
            snapped.append(value)
    return snapped


def cell_text(page: Page, box: BBox) -> str:
    """The visible text whose middle lies in the cell."""
    parts = []
    for line in page.lines:
        for span in line.spans:
            x, y = (span.bbox[0] + span.bbox[2]) / 2, (span.bbox[1] + span.bbox[3]) / 2
            if not span.invisible and box[0] <= x <= box[2] and box[1] <= y <= box[3]:
                parts.append(span.text)
    return " ".join(" ".join(parts).split())


def looks_like_money(text: str) -> bool:
    """True for a sum of money or a plain amount: "£1,200.00", "3,400", "(250)"."""
    return bool(_MONEY.match(text.replace(" ", "")))


def _money_columns(page: Page, grid: Grid) -> list[int]:
    columns = []
    body = range(1, len(grid.rows) - 1)
    for column in range(1, len(grid.columns) - 1):
        header = cell_text(page, grid.cell(0, column))
        values = [cell_text(page, grid.cell(row, column)) for row in body]
        filled = [v for v in values if v]
        money = sum(looks_like_money(v) for v in filled)
        amounts = sum(looks_like_money(v) and _AMOUNT_MARK.search(v) is not None for v in filled)
        if filled and money * 2 >= len(filled) and (amounts >= 2 or _MONEY_HEADER.search(header)):
            columns.append(column)
    return columns


def _column_values(page: Page, grid: Grid, column: int, found: list[Redaction]) -> list[Redaction]:
    """Relabel the boxes in one money column's cells and add a redaction for each blank cell."""
    result = list(found)
    for row in range(1, len(grid.rows) - 1):
        cell = grid.cell(row, column)
        label = _row_label(page, grid, row, column)
        if not label or geo.height(cell) < _MIN_CELL:
            continue
        inside = [i for i, r in enumerate(result) if r.bbox and _centre_in(r.bbox, cell)]
        for index in inside:
            result[index] = _as_missing(result[index], label)
        if not inside and not cell_text(page, cell) and _is_withheld_blank(page, grid, row, label):
            result.append(_blank_cell(page, cell, label))
    return result


def _is_withheld_blank(page: Page, grid: Grid, row: int, label: str) -> bool:
    """True when the row's other cells are filled: a blank there reads as a withheld value.

    A lone label across an empty row is a heading or a note; a totals row leaves rates blank.
    """
    if TOTAL_LABEL.match(label):
        return False
    cells = range(len(grid.columns) - 1)
    filled = sum(1 for column in cells if cell_text(page, grid.cell(row, column)))
    return filled >= min(2, len(cells) - 1)


def _row_label(page: Page, grid: Grid, row: int, column: int) -> str:
    for left in range(column):
        if text := cell_text(page, grid.cell(row, left)):
            return text
    return ""


def _centre_in(box: BBox, cell: BBox) -> bool:
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return cell[0] <= x <= cell[2] and cell[1] <= y <= cell[3]


def _as_missing(redaction: Redaction, label: str) -> Redaction:
    """A proper box in a money cell is a missing value; a leaky one keeps its kind."""
    if redaction.leaky or redaction.kind is not Kind.BOX:
        return replace(redaction, field=label)
    return replace(redaction, kind=Kind.MISSING_VALUE, field=label, id="")


def _blank_cell(page: Page, cell: BBox, label: str) -> Redaction:
    inset = (cell[0] + 1, cell[1] + 1, cell[2] - 1, cell[3] - 1)
    blank = located(page, Kind.MISSING_VALUE, inset, confidence=0.7)
    return replace(blank, field=label, est_chars=None, est_words=None, id="")
