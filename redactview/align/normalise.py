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
from dataclasses import dataclass
from itertools import accumulate

MARKER_KEY = "\x00"  # never produced by the word pattern, so a marker only matches a marker
_MARKER_WEIGHT = 4

# A word, with any parts split by a hyphen at a line end ("impor-\ntant") joined back on; the
# group makes split() keep the words.
_WORD = re.compile(r"(\w+(?:-[ \t]*\n?[ \t]*\w+)*)")
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
    for pair, single in _PAIRS:
        if pair in joined:
            joined = joined.replace(pair, single)
    joined = _DIGIT_IN_WORD.sub(lambda match: _DIGIT_LETTER[match.group()], joined)
    return joined.split(_SEP) if words else []


def tokenise(
    text: str, markers: Sequence[tuple[int, int]], skip: Sequence[tuple[int, int]]
) -> Tokens:
    """Tokens for the text, each marker span as one marker token, the `skip` ranges left out."""
    kept = _kept_markers(markers, skip)
    folded = _blank(fold(text), [(s, e) for s, e, _ in kept] + list(skip))
    # split() gives [gap, word, gap, word, ..., gap]; running lengths place every word.
    parts = _WORD.split(folded)
    offsets = list(accumulate(map(len, parts), initial=0))
    words = parts[1::2]
    starts, ends = offsets[1:-1:2], offsets[2:-1:2]
    keys = word_keys(words)
    return _with_markers(Tokens(keys, starts, ends, [-1] * len(keys)), kept)


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


def _with_markers(words: Tokens, kept: list[tuple[int, int, int]]) -> Tokens:
    """Word tokens with a marker token put in at each marker's place."""
    merged = Tokens([], [], [], [])
    taken = 0
    for start, end, index in kept:
        at = bisect_left(words.starts, start, lo=taken)
        _extend(merged, words, taken, at)
        merged.keys.append(MARKER_KEY)
        merged.starts.append(start)
        merged.ends.append(end)
        merged.redaction.append(index)
        taken = at
    _extend(merged, words, taken, len(words))
    return merged


def _extend(merged: Tokens, words: Tokens, lo: int, hi: int) -> None:
    merged.keys.extend(words.keys[lo:hi])
    merged.starts.extend(words.starts[lo:hi])
    merged.ends.extend(words.ends[lo:hi])
    merged.redaction.extend(words.redaction[lo:hi])
