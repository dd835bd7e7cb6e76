"""Label markers: `[REDACTED]`, `<redacted>`, `(redacted)`, `[redacted - Section 40(2)]`,
`[s.43(2)]`, `[[REDACTED-EX B6]]`, and exemption codes standing where text was cut (`(b)(6)`).

A bracket is a label when its words start with a redaction word (`[Name redacted]`, not
`(which was later redacted)`) or when it holds nothing but exemption codes (`[s.43(2)]`, not
`[1]`). A bare code is a marker when it stands in the text's place (`From: (b)(6)`), not when a
sentence cites it (`withheld under (b)(6)`).
"""

from __future__ import annotations

import re
from itertools import islice

from redactview.detectors.exemption_names import US_FOIA
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
    r"[a-z]*(?:redact|withh[eo]ld|exempt|removed|deleted|omitted|not disclosed|undisclosed"
    r"|censored|excised|classified)[a-z]*",
    re.I,
)
_TRAIL = re.compile(
    r"^(?:\s*$|\s*[-–—:;,/(_]|\s+s\.?\s?\d|\s+(?:under|by|per|pursuant|as|for|in|sections?|regs?"
    r"|regulation|exemptions?|foi|ex)\b)",
    re.I,
)
_LEAD = re.compile(r"^[\W_]*(?:[A-Za-z']+[\s\-_]+){0,2}$")
_PROSE = re.compile(r"\b(?:was|were|been|is|are|be|has|have|had|will|would|which|that|and)\b", re.I)
_CODE_FILLER = re.compile(
    r"^(?:[\s,;&/\-–:.]|\b(?:and|or|ex|exempt(?:ion)?s?|foia|foisa|eir|under|per|s|section)\b)*$",
    re.I,
)
_CITE_BEFORE = frozenset(
    [
        "exemption",
        "exemptions",
        "under",
        "pursuant",
        "per",
        "to",
        "and",
        "or",
        "of",
        "by",
        "see",
        "cite",
        "cited",
        "citing",
        "invoke",
        "invoked",
        "invoking",
        "apply",
        "applied",
        "applying",
        "section",
        "subsection",
        "§",
        "552",
        "u.s.c.",
        "foia",
        "also",
        "with",
        "in",
    ]
)
_CITE_AFTER = frozenset(
    [
        "and",
        "or",
        "applies",
        "apply",
        "applied",
        "was",
        "were",
        "is",
        "are",
        "protects",
        "protect",
        "exempts",
        "covers",
        "allows",
        "permits",
        "which",
        "because",
        "to",
        "of",
    ]
)
_CITE_LABEL = re.compile(r"exempt|applied|withheld under|basis|reason|code|cited|section", re.I)
_SEQUENCE_GAP = re.compile(r"^[\s,;/&]*$")
_EXEMPTION_HEADING = re.compile(
    r"(?:\s{2,}|\t|\|)\s*(?:exemptions?|sections?|reasons?)\b[^:\n]*$", re.I
)
_TABLE_LOOKBACK = 40
_NEAR = 200  # how far along a line the rules look: long lines stay linear


def detect_labels(text: PageText) -> list[Redaction]:
    """Every bracketed label, bare `REDACTED`, and exemption code standing as a marker."""
    page = text.text
    ctx = page_context(page)
    found = _brackets(text, ctx)
    taken = Spans([(r.start - text.page.start, r.end - text.page.start) for r in found])  # type: ignore[operator]
    found += _bare_words(text, taken)
    if _might_cite(page):
        found += _code_markers(text, ctx, taken)
    return found


def _might_cite(page: str) -> bool:
    return any(cue in page for cue in ("(b", "(B", "b(", "s.", "S.", "ection", "s4", "s3", "s2"))


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
    content = inside(match[0])
    if is_label_text(content):
        codes = tuple(code for hit in find_codes(content, ctx) for code in hit.codes)
    else:
        found = codes_only(content, ctx)
        if found is None:
            return None
        codes = found
    return _label(text, match.start(), match.end(), codes, "marks.label", confidence)


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
    if not any(char.isdigit() for char in content):
        return None
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


def _code_markers(text: PageText, ctx: CodeContext, taken: Spans) -> list[Redaction]:
    """Exemption codes printed in the place of the text they cut, grouped when side by side."""
    page = text.text
    markers = [
        hit
        for hit in find_codes(page, ctx)[:MAX_PER_RULE]
        if not taken.covers(hit.start) and _is_marker(text, hit)
    ]
    found: list[Redaction] = []
    for group in _sequences(page, markers):
        codes = tuple(code for hit in group for code in hit.codes)
        confidence = 0.85 if group[0].regime == US_FOIA else 0.7
        found.append(_label(text, group[0].start, group[-1].end, codes, "marks.code", confidence))
    return found


def _sequences(page: str, hits: list[CodeHit]) -> list[list[CodeHit]]:
    groups: list[list[CodeHit]] = []
    for hit in hits:
        if groups and _SEQUENCE_GAP.match(page[groups[-1][-1].end : hit.start]):
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups


def _is_marker(text: PageText, hit: CodeHit) -> bool:
    page = text.text
    line_start, line_end = text.line_bounds(hit.start)
    before = page[max(line_start, hit.start - _NEAR) : hit.start]
    after = page[hit.end : min(line_end, hit.end + _NEAR)]
    first = page[hit.start].lower()
    if first == "e":
        return False  # "Exemption 6" is always a citation
    if hit.regime == US_FOIA and first in "(b":
        marker = _us_marker(before, after)
    else:
        marker = _cell_marker(before, after)
    return marker and not _in_exemption_column(text, hit.start)


def _in_exemption_column(text: PageText, index: int) -> bool:
    """True inside a table whose heading names exemptions: an index of codes, not markers."""
    lines = text.lines
    position = text.line_index(index)
    for line in reversed(lines[max(0, position - _TABLE_LOOKBACK) : position]):
        if not line.text.strip():
            return False
        if _EXEMPTION_HEADING.search(line.text[:_NEAR]):
            return True
    return False


def _us_marker(before: str, after: str) -> bool:
    """`From: (b)(6)` and `(b)(6), (b)(7)(C)` stand as markers; `under (b)(6)` is a citation."""
    stripped = before.rstrip()
    if stripped.endswith(":"):
        return not _CITE_LABEL.search(_cell_of(stripped))
    words_before = stripped.split()
    previous = words_before[-1].lower().strip(",;(") if words_before else ""
    words_after = after.split()
    following = words_after[0].lower().strip(",;.") if words_after else ""
    return previous not in _CITE_BEFORE and following not in _CITE_AFTER


def _cell_marker(before: str, after: str) -> bool:
    """A UK code is a marker only as a whole cell or value: `From: s.40(2)`, `|  s.43  |`."""
    stripped = before.rstrip()
    opens = not stripped or before.endswith(("  ", "\t", "|")) or stripped.endswith("|")
    if stripped.endswith(":"):
        opens = not _CITE_LABEL.search(_cell_of(stripped))
    rest = after.lstrip(" .)")
    closes = not rest or after.startswith(("  ", "\t", "|", " |")) or rest.startswith("|")
    return opens and closes


def _cell_of(before: str) -> str:
    """The label a value follows: the text after the last column gap."""
    return re.split(r"\s{2,}|\t|\|", before)[-1]
