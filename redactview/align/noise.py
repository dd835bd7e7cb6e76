"""Tell OCR misreads from edits.

The comparison keys already fold the letters a poor scan confuses (see normalise.py). On top of
that, a stretch may differ from its counterpart by about one character in seven and still be
the same words misread, as long as the figures are the same on both sides.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

NOISE_RATE = 0.15  # about one character in seven may differ for two stretches to be one misread


def is_noise(a: list[str], b: list[str]) -> bool:
    """True when two runs of folded words differ no more than OCR misreads do: as one string
    (spacing broken or joined), or word by word, with the same figures on both sides."""
    a_text, b_text = "".join(a), "".join(b)
    if a_text == b_text:
        return True
    if not a_text or not b_text:
        return len(a_text) + len(b_text) <= 1
    if _figures(a_text) != _figures(b_text):
        return False
    if len(a) == len(b) and len(a) > 1 and all(map(_misread, a, b)):
        return True
    return _misread(a_text, b_text)


def _misread(a: str, b: str) -> bool:
    """True when `b` is within a few stray characters of `a`."""
    allowed = max(1, round(NOISE_RATE * max(len(a), len(b))))
    if Levenshtein.distance(a, b, score_cutoff=allowed) <= allowed:
        return True
    # Keys read "rn" as "m": undo that, or one misread letter beside an r-n ("eastem") counts twice.
    a, b = a.replace("m", "rn"), b.replace("m", "rn")
    return Levenshtein.distance(a, b, score_cutoff=allowed) <= allowed


def _figures(text: str) -> str:
    return "".join(filter(str.isdigit, text))
