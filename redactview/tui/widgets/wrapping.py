"""Wrap a page's text into screen rows, keeping each row's offsets into the text.

Offsets are what tie the screen to the model: a redaction's `start`/`end` picks out cells, and a
click on a cell gives back an offset. Every displayed character stands for exactly one character
of the text, so the mapping is simple arithmetic on the row's start.

    text:  "From: Jane ***** (s.40)\\nTo: ..."
    rows:  (0, 16) (16, 23) (24, ...)      width 16, breaking after a space when one is near
"""

from __future__ import annotations

from rich.cells import get_character_cell_size

Row = tuple[int, int]  # (start, end) offsets into the page text, end exclusive

_MIN_WIDTH = 8


def wrap_rows(text: str, width: int) -> list[Row]:
    """Rows covering every line of `text`, none wider than `width` cells."""
    width = max(_MIN_WIDTH, width)
    rows: list[Row] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.isascii():
            rows.extend(_ascii_rows(line, start, width))
        else:
            rows.extend(_cell_rows(line, start, width))
        start = end + 1
    return rows


def _ascii_rows(line: str, offset: int, width: int) -> list[Row]:
    """Rows of a line where every character is one cell wide."""
    if len(line) <= width:
        return [(offset, offset + len(line))]
    rows: list[Row] = []
    position = 0
    while len(line) - position > width:
        cut = _break_at(line, position, position + width)
        rows.append((offset + position, offset + cut))
        position = cut
    rows.append((offset + position, offset + len(line)))
    return rows


def _break_at(line: str, start: int, limit: int) -> int:
    """Where to end a row that may not pass `limit`: after a space in its second half, if any."""
    space = line.rfind(" ", start, limit)
    return space + 1 if space >= start + (limit - start) // 2 else limit


def _cell_rows(line: str, offset: int, width: int) -> list[Row]:
    """Rows of a line with wide or zero-width characters, measured in terminal cells."""
    rows: list[Row] = []
    row_start = 0
    cells = 0
    for index, char in enumerate(line):
        size = get_character_cell_size(char)
        if cells + size > width and index > row_start:
            rows.append((offset + row_start, offset + index))
            row_start, cells = index, 0
        cells += size
    rows.append((offset + row_start, offset + len(line)))
    return rows


def display_text(text: str) -> str:
    """Text to draw: each control character replaced one-for-one by a visible symbol."""
    from redactview.textsafe import printable_line

    return printable_line(text.replace("\t", " "))
