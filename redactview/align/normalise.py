"""Turn a release's text into word tokens that survive reflow, hyphenation and OCR confusions.

Each token keeps the offsets of the original text it came from, so a change found between tokens
maps straight back to `redactview text` offsets. A redaction becomes one marker token, so a marker
and the words it hides line up as a unit. Keys fold what OCR confuses:

    "Tbe |nformation rneeting"  ->  tbe lnformatlon meetlng
    "The information meeting"   ->  the lnformatlon meetlng
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

MARKER_KEY = "\x00"  # never produced by the word pattern, so a marker only matches a marker

_CHAR = r"(?:[^\W_]|\|)"
# A word, with any parts split by a hyphen at a line end ("impor-\ntant") joined back on.
_WORD = re.compile(rf"{_CHAR}+(?:-[ \t]*\n?[ \t]*{_CHAR}+)*")
_JOIN = re.compile(r"-\s*")
_FOLD = str.maketrans(
    {
        "|": "l",
        "i": "l",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
    }
)
_PAIRS = (("rn", "m"), ("vv", "w"))
_DIGIT_LOOKALIKES = str.maketrans({"0": "o", "1": "l", "5": "s"})


@dataclass(frozen=True, slots=True)
class Tokens:
    """A release as parallel lists: folded key, start and end offsets, redaction index (or -1)."""

    keys: list[str]
    starts: list[int]
    ends: list[int]
    redaction: list[int]

    def __len__(self) -> int:
        return len(self.keys)

    def span(self, lo: int, hi: int) -> tuple[int, int]:
        """The text offsets covered by tokens `lo` to `hi` (exclusive)."""
        return self.starts[lo], self.ends[hi - 1]

    def weight(self, lo: int, hi: int) -> int:
        """How much text tokens `lo` to `hi` hold, a marker counting as one short word."""
        return sum(len(key) if key != MARKER_KEY else 4 for key in self.keys[lo:hi])


def fold(text: str) -> str:
    """Lower-case the text and fold OCR look-alikes, keeping every character at its offset."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters (İ) lower to two: fold one by one instead
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(_FOLD)


def word_key(word: str) -> str:
    """The comparison key of one folded word: hyphenation and OCR letter pairs undone."""
    if "-" in word:
        word = _JOIN.sub("", word)
    if not word.isalpha() and not word.isdigit():  # a digit inside a word is a misread letter
        word = word.translate(_DIGIT_LOOKALIKES)
    for pair, single in _PAIRS:
        if pair in word:
            word = word.replace(pair, single)
    return word


def tokenise(
    text: str, markers: Sequence[tuple[int, int]], skip: Sequence[tuple[int, int]]
) -> Tokens:
    """Tokens for the text, each marker span as one marker token, the `skip` ranges left out."""
    folded = fold(text)
    holes = _holes(markers, skip)
    tokens = Tokens([], [], [], [])
    position = 0
    for start, end, index in holes:
        _words(folded, position, start, tokens)
        if index >= 0 and start >= position:  # one inside boilerplate or another is not kept
            _append(tokens, MARKER_KEY, start, end, index)
        position = max(position, end)
    _words(folded, position, len(text), tokens)
    return tokens


def _holes(
    markers: Sequence[tuple[int, int]], skip: Sequence[tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """Markers (with their index) and skipped ranges (index -1), in text order."""
    holes = [(start, end, i) for i, (start, end) in enumerate(markers)]
    holes.extend((start, end, -1) for start, end in skip)
    # At one offset a redaction comes before the boilerplate range that may swallow it.
    holes.sort(key=lambda hole: (hole[0], hole[2] < 0, hole[1]))
    return holes


def _words(folded: str, start: int, end: int, tokens: Tokens) -> None:
    if start >= end:
        return
    for match in _WORD.finditer(folded, start, end):
        _append(tokens, word_key(match.group()), match.start(), match.end(), -1)


def _append(tokens: Tokens, key: str, start: int, end: int, redaction: int) -> None:
    tokens.keys.append(key)
    tokens.starts.append(start)
    tokens.ends.append(end)
    tokens.redaction.append(redaction)
