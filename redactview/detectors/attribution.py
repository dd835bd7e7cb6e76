"""Attribute an exemption to each redaction, saying how it was worked out and how sure it is.

From surest to least sure: the marker names it (set by the detector, `LABEL`), a citation on the
same line (`ADJACENT`), the only exemption the document cites (`SOLE_CITED`), a citation a few
lines off in a sentence that withholds something under it (`NEARBY`: "One paragraph … is
withheld under section 31(1)(a)" above a quoted paragraph), or a guess from what was hidden
(`INFERRED`: a name → the personal-data exemption the document cites, a sum of money → its
commercial one). A guess only ever picks an exemption the document itself cites; when nothing
fits the exemption stays None.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from redactview.detectors.exemption_names import FOISA, FOISA_SECTIONS, exemption_name
from redactview.detectors.text_utils import with_changes
from redactview.model import Exemption, ExemptionSource, Kind, Redaction

SOURCE_CONFIDENCE: dict[ExemptionSource, float] = {
    ExemptionSource.LABEL: 0.95,
    ExemptionSource.ADJACENT: 0.8,
    ExemptionSource.SOLE_CITED: 0.6,
    ExemptionSource.NEARBY: 0.5,
    ExemptionSource.INFERRED: 0.3,
}
ADJACENT_CHARS = 150  # a citation further away on a long line is about something else

_PERSONAL_CODES = ("s.40", "FOISA s.38", "reg.13", "(b)(6)", "(b)(7)(C)")
_MONEY_CODES = ("s.43", "FOISA s.33", "reg.12(5)(e)", "(b)(4)")
_PERSONAL_CUE = re.compile(
    r"(?:\b(?:from|to|cc|bcc|sent by):\s*"
    r"|\b(?:name|signed|dear|hi|hello|mrs?|ms|dr|cllr|e-?mail|tel|telephone|phone|mobile|address|contact"
    r"|officer|author|d\.?o\.?b|date of birth|ni number|ssn)\b[.:]?\s*)$",
    re.I,
)
_MONEY_CUE = re.compile(r"(?:[£$€]|\b(?:GBP|USD|EUR)\b)\s*$")
_FOISA_SECTION = re.compile(r"^s\.(\d+)")
_CUE_ENDS = frozenset("£$€PDR")  # the last character of each currency _MONEY_CUE knows
# What _PERSONAL_CUE finds before its trailing spaces ends in one of these characters (in either
# case: `ſ` is a case-blind `s`) and spans at most this many (`date of birth:`).
_PERSONAL_ENDS = frozenset("edrsltbhnioEDRSLTBHNIO\u017f:.")
_PERSONAL_REACH = 14

Key = tuple[int, int | None]  # page, line
Guesses = tuple[str | None, str | None]  # the cited code a sum of money, and a name, would get


def attribute_exemptions(redactions: list[Redaction], cited: list[Exemption]) -> list[Redaction]:
    """Each redaction with its exemption, source and exemption confidence, where knowable."""
    cited = harmonise_regimes(cited)
    scottish = any(e.regime == FOISA for e in cited)
    by_line: dict[Key, list[Exemption]] = defaultdict(list)
    withholding: dict[int, list[Exemption]] = defaultdict(list)  # by page
    markers = _marker_spans(redactions)
    for exemption in cited:
        by_line[(exemption.page, exemption.line)].append(exemption)
        if exemption.reach and not _inside(exemption, markers):
            withholding[exemption.page].append(exemption)  # a label names its own redaction only
    sole = _sole_code(cited)
    codes = list(dict.fromkeys(e.code for e in cited))
    guesses = (_first_of(_MONEY_CODES, codes), _first_of(_PERSONAL_CODES, codes))
    return [_attribute(r, by_line, withholding, sole, guesses, scottish) for r in redactions]


def harmonise_regimes(cited: list[Exemption]) -> list[Exemption]:
    """Read every UK section as FOISA's once any page shows the document is a Scottish release."""
    if not any(e.regime == FOISA for e in cited):
        return list(cited)
    return [_as_foisa(e) if e.regime == "FOIA" else e for e in cited]


def _as_foisa(exemption: Exemption) -> Exemption:
    code = _foisa_code(exemption.code)
    if code == exemption.code:
        return exemption
    return replace(exemption, code=code, regime=FOISA, name=exemption_name(code, FOISA))


def _foisa_code(code: str) -> str:
    match = _FOISA_SECTION.match(code)
    if match and match[1] in FOISA_SECTIONS:
        return f"FOISA {code}"
    return code


def _attribute(
    redaction: Redaction,
    by_line: dict[Key, list[Exemption]],
    withholding: dict[int, list[Exemption]],
    sole: str | None,
    guesses: Guesses,
    scottish: bool,
) -> Redaction:
    if redaction.exemption:
        exemption = _scottish(redaction.exemption, scottish)
        if exemption == redaction.exemption and redaction.exemption_confidence is not None:
            return redaction  # the detector already said how it knows
        return _with(redaction, exemption, ExemptionSource.LABEL)
    adjacent = _adjacent(redaction, by_line.get((redaction.page, redaction.line), []))
    if adjacent:
        return _with(redaction, adjacent, ExemptionSource.ADJACENT)
    if sole:
        return _with(redaction, sole, ExemptionSource.SOLE_CITED)
    nearby = _nearby(redaction, withholding.get(redaction.page, []))
    inferred = _inferred(redaction, guesses)
    if nearby and inferred in (None, nearby):
        return _with(redaction, nearby, ExemptionSource.NEARBY)
    if inferred:  # what was hidden (a sum, a name) outweighs a sentence about another passage
        return _with(redaction, inferred, ExemptionSource.INFERRED)
    return redaction


def _with(redaction: Redaction, exemption: str, source: ExemptionSource) -> Redaction:
    source = redaction.exemption_source or source
    confidence = redaction.exemption_confidence or SOURCE_CONFIDENCE[source]
    return with_changes(
        redaction, exemption=exemption, exemption_source=source, exemption_confidence=confidence
    )


def _scottish(exemption: str, scottish: bool) -> str:
    if not scottish:
        return exemption
    return ", ".join(_foisa_code(code) for code in exemption.split(", "))


def _adjacent(redaction: Redaction, on_line: list[Exemption]) -> str | None:
    """The citation printed nearest the redaction on its line, if it is near enough."""
    if redaction.line is None or not on_line:
        return None
    groups = _citations(on_line)
    if redaction.start is None or redaction.end is None:
        return _join(groups[0][1]) if len(groups) == 1 else None
    outside = [g for g in groups if not (redaction.start <= g[0][0] and g[0][1] <= redaction.end)]
    scored = [(_gap(redaction.start, redaction.end, span), codes) for span, codes in outside]
    near = [item for item in scored if item[0] <= ADJACENT_CHARS]
    return _join(min(near, key=lambda item: item[0])[1]) if near else None


def _marker_spans(redactions: list[Redaction]) -> list[tuple[int, int]]:
    return sorted((r.start, r.end) for r in redactions if r.start is not None and r.end is not None)


def _inside(exemption: Exemption, spans: list[tuple[int, int]]) -> bool:
    """Whether the citation is printed inside a redaction's marker (`[Redacted - s.31]`)."""
    index = bisect_right(spans, (exemption.start, 1 << 62)) - 1
    return index >= 0 and spans[index][0] <= exemption.start and exemption.end <= spans[index][1]


def _nearby(redaction: Redaction, withholding: list[Exemption]) -> str | None:
    """The one code every withholding citation in reach of the redaction's line names (see
    `Exemption.reach`); None when there is none, or when two codes are in reach (the letter may
    tie either to this redaction)."""
    if redaction.line is None or not withholding:
        return None
    line = redaction.line
    near = [e for e in withholding if e.reach and e.reach[0] <= line <= e.reach[1]]
    codes = {code for _, group in _citations(near) for code in group}
    return codes.pop() if len(codes) == 1 else None


def _citations(exemptions: Iterable[Exemption]) -> list[tuple[tuple[int, int], list[str]]]:
    """Exemptions grouped by the printed citation they came from: `s.40(2)&(3)` is one."""
    grouped: dict[tuple[int, int], list[str]] = {}
    for exemption in exemptions:
        grouped.setdefault((exemption.start, exemption.end), []).append(exemption.code)
    return list(grouped.items())


def _gap(start: int, end: int, span: tuple[int, int]) -> int:
    if span[1] <= start:
        return start - span[1]
    return max(0, span[0] - end)


def _join(codes: list[str]) -> str:
    return ", ".join(dict.fromkeys(codes))


def _sole_code(cited: list[Exemption]) -> str | None:
    """The document's one exemption: one code, or sub-sections of one section (`s.40(2)&(3)`)."""
    codes = list(dict.fromkeys(e.code for e in cited))
    if not codes:
        return None
    roots = {code.split("(")[0] if not code.startswith("(") else code[:6] for code in codes}
    return _join(codes) if len(roots) == 1 else None


def _money_cue(before: str) -> bool:
    """True when `before` ends with a currency (`£`, `USD`): what `_MONEY_CUE` finds."""
    return before.rstrip()[-1:] in _CUE_ENDS and _MONEY_CUE.search(before) is not None


def _personal_cue(text: str) -> bool:
    """True when `text` ends with a label for personal details: what `_PERSONAL_CUE` finds."""
    stripped = text.rstrip()
    if stripped[-1:] not in _PERSONAL_ENDS:
        return False
    return _PERSONAL_CUE.search(text, max(0, len(stripped) - _PERSONAL_REACH)) is not None


def _inferred(redaction: Redaction, guesses: Guesses) -> str | None:
    """A cited exemption that fits what was hidden: personal details or a sum of money."""
    money, personal = guesses
    if money is None and personal is None:
        return None  # nothing cited fits either: no need to read the context
    before = redaction.context_before[-24:]
    if redaction.kind is Kind.MISSING_VALUE or _money_cue(before):
        return money
    if personal is not None and (_personal_cue(before) or _personal_cue(redaction.field or "")):
        return personal
    return None


def _first_of(family: tuple[str, ...], codes: list[str]) -> str | None:
    """The first cited code of the family, its codes taken in order (`s.40` or `s.40(2)`)."""
    for prefix in family:
        for code in codes:
            if code == prefix or code.startswith(prefix + "("):
                return code
    return None
