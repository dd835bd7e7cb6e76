"""Exemption codes standing where text was cut: `From: (b)(6)`, `Officer: s.40(2)`.

A bare code is a marker when it stands in the text's place, not when a sentence cites it
(`withheld under (b)(6)`) or a table lists it under an "Exemptions applied" heading. US codes
are markers unless the words around them cite them; UK codes only as a whole value or cell.
"""

from __future__ import annotations

import re

from redactview.detectors.exemption_names import US_FOIA
from redactview.detectors.exemptions import CodeContext, CodeHit, find_codes
from redactview.detectors.text_utils import MAX_PER_RULE, PageText, Spans

Standing = tuple[int, int, tuple[str, ...], float]  # start, end, codes, confidence
Roles = dict[int, bool | None]  # line position: exemptions heading, blank line, or neither

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
_CITE_LABEL = re.compile(
    r"exempt|applied|withheld under|basis|reason|code|cited|section|redaction|legend", re.I
)
_SEQUENCE_GAP = re.compile(r"^[\s,;/&]*$")
_EXEMPTION_HEADING = re.compile(
    r"(?:\s{2,}|\t|\|)\s*(?:exemptions?|sections?|reasons?)\b[^:\n]*$", re.I
)
_TABLE_LOOKBACK = 40
_NEAR = 200  # how far along a line the rules look: long lines stay linear


def standing_codes(text: PageText, ctx: CodeContext, taken: Spans) -> list[Standing]:
    """Exemption codes printed in the place of the text they cut, grouped when side by side.

    Each is (start, end, codes, confidence) with page-relative offsets; codes inside `taken`
    (already part of a bracketed label) are skipped.
    """
    page = text.text
    markers: list[CodeHit] = []
    previous: tuple[CodeHit, bool] | None = None
    roles: Roles = {}  # each line above a code is read once, however many codes sit below it
    for hit in find_codes(page, ctx)[:MAX_PER_RULE]:
        if taken.covers(hit.start):
            previous = None
            continue
        if previous and _SEQUENCE_GAP.match(page[previous[0].end : hit.start]):
            marker = previous[1]  # `(b)(6), (b)(7)(C)`: a list reads as its first code does
        else:
            marker = _is_marker(text, hit, roles)
        previous = (hit, marker)
        if marker:
            markers.append(hit)
    found: list[Standing] = []
    for group in _sequences(page, markers):
        codes = tuple(code for hit in group for code in hit.codes)
        confidence = 0.85 if group[0].regime == US_FOIA else 0.7
        found.append((group[0].start, group[-1].end, codes, confidence))
    return found


def _sequences(page: str, hits: list[CodeHit]) -> list[list[CodeHit]]:
    groups: list[list[CodeHit]] = []
    for hit in hits:
        if groups and _SEQUENCE_GAP.match(page[groups[-1][-1].end : hit.start]):
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups


def _is_marker(text: PageText, hit: CodeHit, roles: Roles) -> bool:
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
    return marker and not _in_exemption_column(text, hit.start, roles)


def _in_exemption_column(text: PageText, index: int, roles: Roles) -> bool:
    """True inside a table whose heading names exemptions: an index of codes, not markers."""
    position = text.line_index(index)
    for above in reversed(range(len(text.lines))[max(0, position - _TABLE_LOOKBACK) : position]):
        role = _line_role(text, above, roles)
        if role is not None:
            return role
    return False


def _line_role(text: PageText, position: int, roles: Roles) -> bool | None:
    """True for an exemptions heading and False for a blank line (either ends a table), else None.

    Read from the line's text alone (no Line is made) and kept in `roles`.
    """
    if position not in roles:
        line = text.line_text(position)
        if not line.strip():
            roles[position] = False
        elif _EXEMPTION_HEADING.search(line[:_NEAR]):
            roles[position] = True
        else:
            roles[position] = None
    return roles[position]


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
