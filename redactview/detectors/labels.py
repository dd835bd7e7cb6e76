"""Label markers: `[REDACTED]`, `<redacted>`, `(redacted)`, `[redacted - Section 40(2)]`,
`[s.43(2)]`, `[[REDACTED-EX B6]]`, and exemption codes standing where text was cut (`(b)(6)`).

A bracket is a label when its words start with a redaction word (`[Name redacted]`, not
`(which was later redacted)`) or when it holds nothing but exemption codes (`[s.43(2)]`, not
`[1]`). A bare code is a marker when it stands in the text's place (`From: (b)(6)`), not when a
sentence cites it (`withheld under (b)(6)`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from redactview.detectors.code_markers import standing_codes
from redactview.detectors.exemptions import CodeContext, CodeHit, find_codes, page_context
from redactview.detectors.text_utils import MAX_PER_RULE, PageText, Spans
from redactview.model import ExemptionSource, Kind, Redaction

LABEL_CONFIDENCE = 0.95
# Brackets are kept by the regex itself only when they might be labels, so that a page of
# `(b)(b)(b)` or `[1][2][3]` costs no Python work per bracket: a redaction word, or (square
# brackets, for codes like `[s.43(2)]`) a letter and a digit.
_WORD = r"(?i:redact|withh[eo]ld|exempt|remov|delet|omit|disclos|censor|excis|classif)"
_SQUARE = re.compile(
    rf"\[\[?(?=[^\[\]\n])(?=[^\[\]\n]{{0,80}}?{_WORD}|(?=[^\[\]\n]{{0,80}}?[A-Za-z])[^\[\]\n]{{0,80}}?\d)"
    r"[^\[\]\n]{1,80}+\]\]?"
)
_ANGLE = re.compile(rf"<(?=[^<>\n])(?=[^<>\n]{{0,60}}?{_WORD})[^<>\n]{{1,60}}+>")
_ROUND = re.compile(
    rf"\((?=[^()\n])(?=[^()\n]{{0,80}}?{_WORD})(?:[^()\n]|\([^()\n]{{0,10}}+\)){{1,80}}+\)"
)
_KEYWORD = re.compile(
    r"(?<![A-Za-z])(?:redact(?:ed|ion|ions)?|withh[eo]ld|exempt(?:ed|ion)?|removed|deleted|omitted"
    r"|not disclosed|undisclosed|censored|excised|classified)(?![A-Za-z])",
    re.I,
)
_TRAIL = re.compile(
    r"^(?:\s*$|\s*[-–—:;,/(_]|\s+s\.?\s?\d|\s+(?:under|by|per|pursuant|sections?|regs?"
    r"|regulation|exemptions?|foi|ex|in full|in part|in its entirety|entirely)\b)",
    re.I,
)
_LEAD = re.compile(r"^[\W_]*(?:[A-Za-z']+[\s\-_]+){0,2}$")
_PROSE = re.compile(r"\b(?:was|were|been|is|are|be|has|have|had|will|would|which|that|and)\b", re.I)
_CODE_FILLER = re.compile(
    r"^(?:[\s,;&/\-–:.]|\b(?:and|or|ex|exempt(?:ion)?s?|foia|foisa|eir|under|per|s|section)\b)*$",
    re.I,
)


def detect_labels(text: PageText) -> list[Redaction]:
    """Every bracketed label, bare `REDACTED`, and exemption code standing as a marker."""
    page = text.text
    ctx = page_context(page)
    found = _brackets(text, ctx)
    taken = Spans([(r.start - text.page.start, r.end - text.page.start) for r in found])  # type: ignore[operator]
    found += _bare_words(text, taken)
    hits = find_codes(page, ctx)  # the page's codes are cached: quick
    if hits and _might_cite(page, hits):
        for start, end, codes, confidence in standing_codes(text, ctx, taken):
            found.append(_label(text, start, end, codes, "marks.code", confidence))
    return found


def _might_cite(page: str, hits: tuple[CodeHit, ...]) -> bool:
    """True when the page prints one of the cues; the codes found usually hold one (cheap)."""
    printed = " ".join(page[hit.start : hit.end] for hit in hits)  # no cue holds a space
    return _has_cue(printed) or _has_cue(page)


def _has_cue(text: str) -> bool:
    return any(cue in text for cue in ("(b", "(B", "b(", "s.", "S.", "ection", "s4", "s3", "s2"))


def _brackets(text: PageText, ctx: CodeContext) -> list[Redaction]:
    page = text.text
    found: list[Redaction] = []
    for opener, pattern, confidence in (
        ("[", _SQUARE, 0.95),
        ("<", _ANGLE, 0.9),
        ("(", _ROUND, 0.85),
    ):
        if opener not in page:
            continue
        for match in islice(pattern.finditer(page), MAX_PER_RULE):
            redaction = _bracket_label(text, match, ctx, confidence)
            if redaction is not None:
                found.append(redaction)
    return found


def _bracket_label(
    text: PageText, match: re.Match[str], ctx: CodeContext, confidence: float
) -> Redaction | None:
    start = match.start()
    if (
        start
        and match[0][0] == "["
        and (text.text[start - 1].isalnum() or text.text[start - 1] == "_")
    ):
        return None  # list[Redaction], items[REDACTED_KEY]: indexing, not a label
    codes = label_codes(inside(match[0]), ctx)
    if codes is None:
        return None
    return _label(text, match.start(), match.end(), codes, "marks.label", confidence)


@lru_cache(maxsize=4096)
def label_codes(content: str, ctx: CodeContext) -> tuple[str, ...] | None:
    """The codes a bracket's content names when it is a label (maybe none), None when it is not.

    Kept per content: a release repeats a handful of labels (`[REDACTED]`, `[s.40(2)]`) hundreds
    of times.
    """
    if is_label_text(content):
        return tuple(code for hit in find_codes(content, ctx) for code in hit.codes)
    return codes_only(content, ctx)


def inside(bracketed: str) -> str:
    """The text between a bracket pair: `[[x]]` → `x`, `(s.40(2))` → `s.40(2)`."""
    depth = 2 if bracketed.startswith("[[") and bracketed.endswith("]]") else 1
    return bracketed[depth:-depth]


def is_label_text(content: str) -> bool:
    """True for `REDACTED`, `Name redacted`, `Redacted - s.40(2)`; False for prose in brackets."""
    keyword = _KEYWORD.search(content, 0, 60)
    if keyword is None or len(content.split()) > 12:
        return False
    lead = content[: keyword.start()]
    trail_ok = bool(_TRAIL.match(content[keyword.end() :]))
    return trail_ok and bool(_LEAD.match(lead)) and not _PROSE.search(lead)


def codes_only(content: str, ctx: CodeContext | None = None) -> tuple[str, ...] | None:
    """The codes when `content` is nothing but exemption codes (`s.43(2)`, `b(6)`), else None."""
    if not any(map(str.isdigit, content)) or not any(map(str.isalpha, content)):
        return None  # every code holds a digit and a letter (`s`, `reg`, `b`, `Exemption`)
    hits = find_codes(content, ctx or page_context(content))
    if not hits:
        return None
    rest, last = [], 0
    for hit in hits:
        rest.append(content[last : hit.start])
        last = hit.end
    rest.append(content[last:])
    if not _CODE_FILLER.match("".join(rest)):
        return None
    return tuple(dict.fromkeys(code for hit in hits for code in hit.codes))


def _label(
    text: PageText, start: int, end: int, codes: tuple[str, ...], detector: str, confidence: float
) -> Redaction:
    if not codes:
        return text.finding(Kind.LABEL, detector, start, end, confidence=confidence)
    return text.finding(
        Kind.LABEL,
        detector,
        start,
        end,
        confidence=confidence,
        exemption=", ".join(dict.fromkeys(codes)),
        exemption_source=ExemptionSource.LABEL,
        exemption_confidence=LABEL_CONFIDENCE,
    )


def _bare_words(text: PageText, taken: Spans) -> list[Redaction]:
    """`REDACTED` in capitals standing alone: `Name: REDACTED`."""
    page = text.text
    found: list[Redaction] = []
    index = page.find("REDACTED")
    while index >= 0 and len(found) < MAX_PER_RULE:
        end = index + len("REDACTED")
        free = not taken.covers(index)
        alone = (index == 0 or not page[index - 1].isalnum()) and not page[end : end + 1].isalnum()
        if free and alone:
            found.append(_label(text, index, end, (), "marks.label_word", 0.75))
        index = page.find("REDACTED", end)
    return found
