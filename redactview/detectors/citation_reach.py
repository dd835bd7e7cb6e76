"""How far a citation reaches: the lines of a page a sentence that withholds under it speaks for.

    One paragraph of the email is withheld under section 31(1)(a). It reads:   <- the sentence
                                                                                  reaches down
      "The yard is covered by [REDACTED] and the keyholders are ..."          <- into the quote

    * * * * * *, Graduate Surveyor                                            <- and up its own
    The names of junior staff are withheld under section 40(2).                  paragraph

A citation that only names an exemption ("section 43(2) is a qualified exemption"), denies it
("no information has been withheld under section 43(2)"), sits in a table row or inside a label
reaches nothing. See `attribution.py` for how a reach becomes an exemption (`nearby`).
"""

from __future__ import annotations

import re

from redactview.detectors.text_utils import PageText

_SENTENCE_REACH = 100  # characters either side of a citation read for its sentence
NEARBY_LINES = 6  # a withholding sentence further off is about another passage
# A sentence that withholds something under the code it cites ("are withheld under section
# 40(2)", "we rely on s.43(2)", "section 31 is engaged"); one that denies it does not.
_WITHHOLDING = re.compile(
    r"\b(?:withh[eo]ld(?:ing)?|redact(?:ed|ion)|exempt(?:ed)?|removed|rel(?:y|ied|ies)|engaged?)\b",
    re.I,
)
_ABOVE = re.compile(r"\b(?:above|previous|preceding)\b", re.I)
_DENIAL = re.compile(r"\b(?:no|not|nothing|none|neither|nor)\b|n't\b", re.I)
_SENTENCE_END = re.compile(r"[.;]\s")
_COLUMN_GAP = re.compile(r"\S {3,}\S|\t")


def citation_reach(located: PageText, start: int, end: int, line: int) -> tuple[int, int] | None:
    """The first and last line a citation at page-relative `start`..`end` on `line` speaks
    for, or None when its sentence withholds nothing under it."""
    sentence = _withholding_sentence(located.text, start, end)
    if sentence is None:
        return None
    return _reach(located, line, _ABOVE.search(sentence) is not None)


def _reach(located: PageText, line: int, above: bool) -> tuple[int, int]:
    """The lines a withholding sentence on `line` may speak for, NEARBY_LINES at most each way:
    up to the top of its own paragraph (a list it closes: "… are withheld under s.40(2)"), or
    of the one before when it says so ("the names above"), and down into the next paragraph (a
    passage it introduces: "… withheld under s.31. It reads:")."""
    count = len(located.lines)

    def edge(step: int, blank_lines: int) -> int:
        at, blanks = line, 0
        while 1 <= at + step <= count and abs(at + step - line) <= NEARBY_LINES:
            if not located.line_text(at + step - 1).strip():
                blanks += 1
                if blanks > blank_lines:
                    break
            at += step
        return at

    return edge(-1, 1 if above else 0), edge(1, 1)


def _withholding_sentence(text: str, start: int, end: int) -> str | None:
    """The sentence around a citation (its line and the lines either side) when it withholds
    something under the code without denying it, else None."""
    before = text[max(0, start - _SENTENCE_REACH) : start]
    if before.rfind("[") > before.rfind("]"):
        return None  # inside brackets: a label ("[Redacted - s.40(2)]") names its own marker
    before = "\n".join(_SENTENCE_END.split(before)[-1].split("\n")[-2:])  # this line, the last
    after = "\n".join(_SENTENCE_END.split(text[end : end + _SENTENCE_REACH])[0].split("\n")[:2])
    lines = (before + after).split("\n")
    if any(_COLUMN_GAP.search(line.strip()) for line in lines if line.strip()):
        return None  # a table row or heading ("s.40(2)    Personal data    Names"): no sentence
    sentence = " ".join(lines)
    if _WITHHOLDING.search(sentence) is None or _DENIAL.search(sentence) is not None:
        return None
    return sentence
