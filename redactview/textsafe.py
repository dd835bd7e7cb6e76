"""Make document text safe to show on a terminal: control characters become visible symbols.

Each replaced character becomes exactly one character, so offsets into the text stay valid.
"""

from __future__ import annotations

_CONTROL_PICTURES = 0x2400  # U+2400 SYMBOL FOR NULL ... U+241F, one per C0 control
_KEEP = frozenset("\n\t\f")
# Bidirectional overrides and isolates can reorder what a terminal shows ("Trojan Source").
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _table(keep: frozenset[str]) -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):
        if chr(code) not in keep:
            table[code] = chr(_CONTROL_PICTURES + code)
    table[0x7F] = "\u2421"  # SYMBOL FOR DELETE
    for code in range(0x80, 0xA0):
        table[code] = "\ufffd"  # C1 controls (CSI, OSC ...) have no picture of their own
    for char in _BIDI_CONTROLS:
        table[ord(char)] = "\ufffd"
    return table


_PRINTABLE = _table(_KEEP)
_PRINTABLE_ONE_LINE = _table(frozenset())


def printable(text: str) -> str:
    """Text with every control character except newline, tab and form feed made visible."""
    return text.translate(_PRINTABLE)


def printable_line(text: str) -> str:
    """Text for one line of a table, title or notification: newlines and tabs made visible too."""
    return text.translate(_PRINTABLE_ONE_LINE)


def has_controls(text: str) -> bool:
    """True when `printable` would change the text."""
    return printable(text) != text
