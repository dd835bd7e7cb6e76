"""Tell OCR misreads from edits.

The comparison keys already fold the letters a poor scan confuses (see normalise.py). On top of
that, a stretch may differ from its counterpart by about one character in ten and still be the
same words misread, as long as the figures are the same on both sides.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

NOISE_RATE = 0.1  # at most one character in ten may differ for two stretches to be one misread


def is_noise(a: str, b: str) -> bool:
    """True when two folded stretches differ no more than OCR misreads do, with the same figures."""
    if a == b:
        return True
    if not a or not b:
        return len(a) + len(b) <= 1
    if _figures(a) != _figures(b):
        return False
    allowed = max(1, int(NOISE_RATE * max(len(a), len(b))))
    return Levenshtein.distance(a, b, score_cutoff=allowed) <= allowed


def _figures(text: str) -> str:
    return "".join(char for char in text if char.isdigit())
