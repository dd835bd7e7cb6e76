"""Turn a release's text into word tokens that survive reflow, hyphenation and OCR confusions.

Each token keeps the offsets of the original text it came from, so a change found between tokens
maps straight back to `redactview text` offsets. A redaction becomes one marker token, so a marker
and the words it hides line up as a unit. Keys fold what OCR confuses, so both of these read
"the lntormotlon meetlng":

    "Tbe |nforrnation rneeting"
    "The information meeting"
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from redactview.align.words import Words, find_words

MARKER_KEY = "\x00"  # never produced by the word pattern, so a marker only matches a marker
_MARKER_WEIGHT = 4

_SEP = "\x02"  # joins the words of a document while their keys are worked out together
_JOIN = re.compile(r"-[ \t\n]*")
# Per character, length kept: I and | read as l; underscores are not words; and the letters a
# poor scan swaps are made one (c/e, b/h, u/n, f/t, a/o). Applied to UTF-8 bytes, where these
# ASCII bytes never occur inside another character's encoding.
_FOLD = bytes.maketrans(b"|i_cbufa", b"ll ehnto")
_PAIRS = (("rn", "m"), ("vv", "w"))
# A 0, 1 or 5 against a letter is a misread letter ("1etter", "M0ss"); a number stays as it is.
_DIGIT_IN_WORD = re.compile(r"[015](?:(?<=[^\W\d_].)|(?=[^\W\d_]))")
_DIGIT_LETTER = {"0": "o", "1": "l", "5": "s"}


@dataclass(frozen=True, slots=True)
class Tokens:
    """A release as parallel lists: folded key, start and end offsets, redaction index (or -1)."""

    keys: list[str]
    starts: list[int]
    ends: list[int]
    redaction: list[int]
    # The marker tokens' indexes when whoever built the tokens knows them (tokenise does).
    marks: tuple[int, ...] | None = field(default=None, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.keys)

    def span(self, lo: int, hi: int) -> tuple[int, int]:
        """The text offsets covered by tokens `lo` to `hi` (exclusive)."""
        return self.starts[lo], self.ends[hi - 1]

    def weight(self) -> int:
        """How much text the tokens hold, a marker counting as one short word."""
        return sum(map(len, self.keys)) + (_MARKER_WEIGHT - 1) * self.keys.count(MARKER_KEY)

    def marker_positions(self) -> list[int]:
        """The indexes of the marker tokens, in order."""
        if self.marks is not None:
            return list(self.marks)
        found: list[int] = []
        keys = self.keys
        at = -1
        try:  # list.index scans at C speed, and markers are few among the words
            while True:
                at = keys.index(MARKER_KEY, at + 1)
                found.append(at)
        except ValueError:
            return found


def fold(text: str) -> str:
    """Lower-case the text and fold OCR look-alikes, keeping every character at its offset."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters (İ) lower to two: fold one by one instead
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return (
        lowered.encode("utf-8", "surrogatepass").translate(_FOLD).decode("utf-8", "surrogatepass")
    )


def word_keys(words: list[str]) -> list[str]:
    """The comparison keys of folded words: hyphenation, OCR letter pairs and digits in words
    undone, all words at once."""
    joined = _SEP.join(words)
    if "-" in joined:
        joined = _JOIN.sub("", joined)
    return _keys(joined) if words else []


def _keys(joined: str) -> list[str]:
    """The keys of words joined by _SEP, their hyphen gaps already gone."""
    joined = _DIGIT_IN_WORD.sub(lambda match: _DIGIT_LETTER[match.group()], _pairs(joined))
    return joined.split(_SEP)


def _pairs(joined: str) -> str:
    """The letter pairs OCR makes of one letter made that letter again."""
    for pair, single in _PAIRS:
        if pair in joined:
            joined = joined.replace(pair, single)
    return joined


def tokenise(
    text: str, markers: Sequence[tuple[int, int]], skip: Sequence[tuple[int, int]]
) -> Tokens:
    """Tokens for the text, each marker span as one marker token, the `skip` ranges left out."""
    kept = _kept_markers(markers, skip)
    folded = _blank(fold(text), [(s, e) for s, e, _ in kept] + list(skip))
    # Digits are folded with the words found, before the pairs: a pair's letters stay letters,
    # so which digits have a letter beside them is the same either way.
    words = find_words(folded, _SEP, _DIGIT_LETTER)
    keys = _pairs(words.joined).split(_SEP) if len(words.starts) else []
    return _with_markers(keys, words, kept)


def _kept_markers(
    markers: Sequence[tuple[int, int]], skip: Sequence[tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """Markers in text order with their index, leaving out any inside boilerplate or another."""
    skip_starts = [start for start, _ in skip]
    kept: list[tuple[int, int, int]] = []
    for index, (start, end) in sorted(enumerate(markers), key=lambda item: item[1]):
        inside = bisect_left(skip_starts, start + 1) - 1
        if inside >= 0 and skip[inside][1] > start:
            continue
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, index))
    return kept


def _blank(folded: str, holes: list[tuple[int, int]]) -> str:
    """The text with every hole turned into spaces, so no word is read from it."""
    pieces: list[str] = []
    position = 0
    for start, end in sorted(holes):
        start = max(start, position)
        if end <= start:
            continue
        pieces.extend((folded[position:start], " " * (end - start)))
        position = end
    pieces.append(folded[position:])
    return "".join(pieces)


def _with_markers(keys: list[str], words: Words, kept: list[tuple[int, int, int]]) -> Tokens:
    """Word tokens with a marker token put in at each marker's place (before any word that
    starts at or after the marker's start)."""
    import numpy as np

    marker_starts = [start for start, _, _ in kept]
    at = np.searchsorted(words.starts, marker_starts, side="left")
    starts = np.insert(words.starts, at, marker_starts).tolist()
    ends = np.insert(words.ends, at, [end for _, end, _ in kept]).tolist()
    redaction = np.insert(np.full(len(keys), -1), at, [index for _, _, index in kept]).tolist()
    merged: list[str] = []
    taken = 0
    for index in at.tolist():
        merged += keys[taken:index]
        merged.append(MARKER_KEY)
        taken = index
    merged += keys[taken:]
    marks = tuple((at + np.arange(len(at))).tolist())  # each marker moves the later ones on
    return Tokens(merged, starts, ends, redaction, marks)
