"""Tell OCR misreads from edits: stretches that differ only in look-alike letters are the same.

The comparison keys already fold the commonest confusions (l/1/I/|, O/0, rn/m). Here a coarser
skeleton also folds letters a poor scan swaps (e/c, h/b, n/u, t/f, a/o, s/5), and a few stray
characters in ten are allowed on top, as long as the figures are the same on both sides.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

NOISE_RATE = 0.1  # at most one character in ten may differ for two stretches to be one misread
_SKELETON = str.maketrans({"c": "e", "b": "h", "u": "n", "f": "t", "a": "o", "5": "s"})
_PAIRS = (("cl", "d"), ("ri", "n"))


def skeleton(key: str) -> str:
    """A folded key with look-alike letters made one."""
    key = key.translate(_SKELETON)
    for pair, single in _PAIRS:
        if pair in key:
            key = key.replace(pair, single)
    return key


def is_noise(a: str, b: str) -> bool:
    """True when two folded stretches differ no more than OCR misreads do, with the same figures."""
    if a == b:
        return True
    if not a or not b:
        return len(a) + len(b) <= 1
    if _figures(a) != _figures(b):
        return False
    a, b = skeleton(a), skeleton(b)
    allowed = max(1, int(NOISE_RATE * max(len(a), len(b))))
    return Levenshtein.distance(a, b, score_cutoff=allowed) <= allowed


def _figures(text: str) -> str:
    return "".join(char for char in text if char.isdigit())
