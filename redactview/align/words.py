"""Find the words of a folded text in a few array passes instead of one regular-expression step
per word: each word's offsets, and all the words joined into one string to key them together.

A word is a run of word characters (what `\\w` matches), joined to the next run over a hyphen at
a line end ("impor-\\n  tant"), the hyphen and spacing left out of the joined string:

    text:    "the impor-\\n  tant fact"      (the line break is one character)
    words:    ---  ------------- ----       starts 0 4 18, ends 3 17 22
    joined:  "the" SEP "important" SEP "fact"
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

_HYPHEN_GAP = re.compile(r"-[ \t]*\n?[ \t]*")  # what may join two runs into one word
_ASCII_WORD = bytes(1 if chr(c).isalnum() or c == ord("_") else 0 for c in range(128))
_ASCII_DECIMAL = bytes(1 if chr(c).isdecimal() else 0 for c in range(128))
_CODEC = "utf-32-le"  # one 4-byte code point per character: array index == text offset


@dataclass(frozen=True, slots=True)
class Words:
    """The words of a text: start and end offsets as arrays, and the words joined in one
    string, hyphen gaps left out."""

    starts: NDArray[np.intp]
    ends: NDArray[np.intp]
    joined: str


def find_words(text: str, separator: str, digit_letters: Mapping[str, str] | None = None) -> Words:
    """The words of `text` joined by `separator`; a digit in `digit_letters` beside a letter
    (not a digit or `_`) is replaced by its letter there, as a misread letter."""
    import numpy as np  # here, not at the top: `import redactview.align` stays light

    points = np.frombuffer(text.encode(_CODEC, "surrogatepass"), dtype=np.uint32)
    word = _flags(points, _ASCII_WORD, str.isalnum)
    edges = np.diff(word.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    run_starts, run_ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    joins = _hyphen_joins(text, points, run_starts, run_ends)
    # Word characters before each run: where each word starts in the joined string.
    lengths = run_ends - run_starts
    firsts = np.delete(np.arange(len(run_starts)), joins + 1)  # runs that start a word
    chars = _joined(points[word], (np.cumsum(lengths) - lengths)[firsts], ord(separator))
    if digit_letters:
        _fold_digits(chars, ord(separator), digit_letters)
    joined = chars.tobytes().decode(_CODEC, "surrogatepass")
    return Words(run_starts[firsts], np.delete(run_ends, joins), joined)


def _flags(
    points: NDArray[np.uint32], ascii_table: bytes, test: Callable[[str], bool]
) -> NDArray[np.bool_]:
    """Each character's flag: from `ascii_table` below 128, else `test` on each distinct
    character."""
    import numpy as np

    table = np.frombuffer(ascii_table, dtype=np.bool_)
    wide = points >= 128
    flags = table[np.where(wide, 0, points)]
    if wide.any():
        where = np.flatnonzero(wide)
        found, index = np.unique(points[where], return_inverse=True)
        tested = np.array([test(chr(point)) for point in found.tolist()], dtype=np.bool_)
        flags[where] = tested[index]
    return flags


def _hyphen_joins(
    text: str, points: NDArray[np.uint32], run_starts: NDArray[np.intp], run_ends: NDArray[np.intp]
) -> NDArray[np.intp]:
    """Indexes k of the runs that join run k + 1 into one word over a hyphen."""
    import numpy as np

    if len(run_starts) < 2:
        return np.zeros(0, dtype=np.intp)
    after = run_ends[:-1]
    hyphens = np.flatnonzero(points[after] == ord("-"))
    joins = [
        k
        for k in hyphens.tolist()
        if _HYPHEN_GAP.fullmatch(text, int(run_ends[k]), int(run_starts[k + 1]))
    ]
    return np.array(joins, dtype=np.intp)


def _joined(
    chars: NDArray[np.uint32], word_starts: NDArray[np.intp], separator: int
) -> NDArray[np.uint32]:
    """The word characters in order, `separator` before every word but the first."""
    import numpy as np

    return np.insert(chars, word_starts[1:], separator) if len(word_starts) else chars[:0]


def _fold_digits(
    chars: NDArray[np.uint32], separator: int, digit_letters: Mapping[str, str]
) -> None:
    """Replace, in place, each digit of `digit_letters` that has a letter on either side.

    A letter is a word character that is neither a decimal digit nor `_`, as `[^\\W\\d_]`
    reads it; each digit is judged by its neighbours before any is replaced.
    """
    import numpy as np

    letter = ~_flags(chars, _ASCII_DECIMAL, str.isdecimal)
    letter &= (chars != separator) & (chars != ord("_"))
    beside = np.zeros(len(chars), dtype=np.bool_)
    beside[1:] |= letter[:-1]
    beside[:-1] |= letter[1:]
    for digit, letter_for in digit_letters.items():
        chars[beside & (chars == ord(digit))] = ord(letter_for)
