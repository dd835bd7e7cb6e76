"""Find the exemptions a document cites and normalise each to one canonical code.

Canonical codes: UK FOIA `s.40(2)`, EIR `reg.12(4)(d)`, Scottish `FOISA s.38(1)(b)`, US FOIA
`(b)(7)(C)`. A combined citation gives one Exemption per sub-section, all sharing the printed
text: `s.40(2)&(3)` → `s.40(2)` and `s.40(3)`; `Section 31(1)(a)&(b)` → `s.31(1)(a)`, `s.31(1)(b)`.
Attribution to redactions lives in `attribution.py` and is re-exported here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from redactview.detectors.attribution import attribute_exemptions, harmonise_regimes
from redactview.detectors.citation_reach import citation_reach
from redactview.detectors.code_windows import code_windows, matches_in, whole_text
from redactview.detectors.exemption_names import (
    EIR,
    FOIA,
    FOIA_SECTIONS,
    FOISA,
    FOISA_SECTIONS,
    US_FOIA,
    exemption_name,
)
from redactview.detectors.text_utils import MAX_PER_RULE, page_text
from redactview.model import Exemption, Page

__all__ = [
    "CodeContext",
    "CodeHit",
    "attribute_exemptions",
    "find_codes",
    "find_exemptions",
    "harmonise_regimes",
    "page_context",
]

_SUB = r"(?:\s?\(\s?[0-9a-z]{1,4}\s?\))"
# Each pattern starts with a plain character and checks what comes before it afterwards (the
# lookbehind), which lets the regex engine skip ahead to candidate characters quickly.
_UK = re.compile(
    r"(?P<prefix>s(?<![\w.]s)(?:ections?|ect\.|s?\.|(?=\s{0,3}\d)))\s{0,3}(?P<num>22A|\d{2})(?![\dA-Za-z])"
    rf"(?P<subs>{_SUB}{{0,4}})",
    re.I,
)
_EIR = re.compile(
    r"(?P<prefix>r(?<![\w.]r)(?:egulations?|egs?\.?|\.))\s{0,3}(?P<num>1[23])(?!\d)"
    rf"(?P<subs>{_SUB}{{0,4}})",
    re.I,
)
_UK_TAIL = re.compile(
    r"\s?(?:&|and|or|,|/)\s?(?:(?P<subs>(?:\(\s?[0-9a-z]{1,4}\s?\)){1,4})(?![\w(])"
    r"|(?P<prefix>s\.?\s{0,3}|sections?\s{1,3}|regs?\.?\s{0,3}|regulations?\s{1,3})?(?P<num>22A|\d{2})(?![\dA-Za-z])"
    rf"(?P<nsubs>{_SUB}{{0,4}}))",
    re.I,
)
_US = re.compile(
    r"(?:\((?<![A-Za-z_(]\()b\)\s?(?:\((?P<n1>[1-9])\)|(?P<n2>[1-9]))"
    r"|b(?<![A-Za-z_(]b)(?:\((?P<n3>[1-9])\)|(?P<n4>[1-9])))"
    r"(?P<sub>\s?\(\s?[a-f]\s?\)|[a-f](?!\w))?(?!\w)",
    re.I,
)
_US_WORD = re.compile(r"\bExemptions?\s(?P<n>[1-9])(?![\d.])(?P<sub>\s?\([a-f]\))?", re.I)
_US_WORD_TAIL = re.compile(r"\s?(?:,|and|or|&)\s?(?P<n>[1-9])(?![\d.])(?P<sub>\s?\([a-f]\))?", re.I)
_DIGIT = re.compile(r"\d")
_SHORT = 512  # texts shorter than this (labels, cells) are not worth caching
_PAREN_PART = re.compile(r"\(\s?([0-9a-z]{1,4})\s?\)", re.I)
_US_BARE_LEAD = re.compile(r"(?:\[|\bex\.?\s?|-)$", re.I)


@dataclass(frozen=True, slots=True)
class CodeContext:
    """What a page says about which law it applies, for reading ambiguous codes."""

    scottish: bool = False  # mentions FOISA or the (Scotland) Act: sections are FOISA's
    us: bool = False  # reads like a US release: bare `b6` codes are exemptions
    foi: bool = False  # mentions FOI or exemptions: a bare "Section 43" is a citation
    eir: bool = False  # mentions the Environmental Information Regulations


@dataclass(frozen=True, slots=True)
class CodeHit:
    """Exemption codes printed at `text[start:end]`, canonical, with their regime."""

    start: int
    end: int
    codes: tuple[str, ...]
    regime: str


def page_context(text: str) -> CodeContext:
    """Read the page's cues about which act its codes belong to."""
    return _context_of(text) if len(text) < _SHORT else _page_context(text)


@lru_cache(maxsize=2)
def _page_context(text: str) -> CodeContext:
    """A page's cues, kept for the label detector after `find_exemptions` (or the reverse)."""
    return _context_of(text)


def _context_of(text: str) -> CodeContext:
    foi = "FOI" in text  # read first: "FOISA" cannot be there without it
    return CodeContext(
        scottish=(foi and "FOISA" in text) or "(Scotland) Act" in text,
        us="(b)(" in text or "(B)(" in text or "552" in text or "U.S.C" in text,
        foi=foi or "Freedom of Information" in text or "xempt" in text,
        eir="Environmental Information" in text or "EIR" in text,
    )


def find_codes(text: str, ctx: CodeContext) -> tuple[CodeHit, ...]:
    """Every exemption citation in `text`, in order; overlapping forms are reported once."""
    if not _DIGIT.search(text):
        return ()  # every code has a digit: most labels and pages of prose stop here
    if len(text) < _SHORT:
        return _codes_of(text, ctx)
    return _page_codes(text, ctx)


@lru_cache(maxsize=2)
def _page_codes(text: str, ctx: CodeContext) -> tuple[CodeHit, ...]:
    """A page's codes, kept for the label detector after `find_exemptions` (or the reverse)."""
    return _codes_of(text, ctx)


def _codes_of(text: str, ctx: CodeContext) -> tuple[CodeHit, ...]:
    hits: list[CodeHit] = []
    numbers, us_marks = code_windows(text) if len(text) >= _SHORT else whole_text(text)
    for pattern, handler, windows in (
        (_UK, _uk_hit, numbers),
        (_EIR, _eir_hit, numbers),
        (_US, _us_hit, us_marks),
    ):
        reached = -1
        for match in islice(matches_in(pattern, text, windows), MAX_PER_RULE):
            if match.start() < reached:
                continue  # already read as the tail of `s.40(2) and s.43(2)`
            hit = handler(text, match, ctx)
            if hit is not None:
                hits.append(hit)
                reached = hit.end
    if "xemption" in text or "XEMPTION" in text:
        hits.extend(_us_word_hits(text))
    hits.sort(key=lambda h: (h.start, -h.end))
    kept: list[CodeHit] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return tuple(kept)


def find_exemptions(page: Page) -> list[Exemption]:
    """Every exemption the page cites: one Exemption per canonical code per citation."""
    if not page.text:
        return []
    located = page_text(page)
    found: list[Exemption] = []
    for hit in find_codes(page.text, page_context(page.text)):
        line = located.line_number(hit.start)
        printed = page.text[hit.start : hit.end]
        reach = citation_reach(located, hit.start, hit.end, line) if line else None
        for code in hit.codes:
            found.append(
                Exemption(
                    code=code,
                    name=exemption_name(code, hit.regime),
                    regime=hit.regime,
                    page=page.number,
                    start=page.start + hit.start,
                    end=page.start + hit.end,
                    text=printed,
                    line=line,
                    reach=reach,
                )
            )
    return found


def _uk_hit(text: str, match: re.Match[str], ctx: CodeContext) -> CodeHit | None:
    prefix = match["prefix"].lower()
    subs = _parts(match["subs"])
    if prefix.startswith("sect") and not subs and not ctx.foi:
        return None  # "see Section 23" of a report, not a citation
    plural = prefix.endswith("s")
    pairs, end = _extend(text, match.end(), match["num"].upper(), subs, plural, family="s")
    codes = tuple(_uk_code(num, parts, ctx) for num, parts in pairs)
    valid = tuple(code for code in codes if code)
    if not valid:
        return None
    regime = FOISA if valid[0].startswith("FOISA") else FOIA
    return CodeHit(match.start(), end, valid, regime)


def _eir_hit(text: str, match: re.Match[str], ctx: CodeContext) -> CodeHit | None:
    subs = _parts(match["subs"])
    if match["prefix"].lower().startswith("r.") and not subs:
        return None
    if not subs and match["num"] == "12" and not ctx.eir:
        return None
    pairs, end = _extend(text, match.end(), match["num"], subs, plural=True, family="r")
    codes = tuple(_eir_code(num, parts) for num, parts in pairs if num in ("12", "13"))
    return CodeHit(match.start(), end, codes, EIR) if codes else None


def _us_hit(text: str, match: re.Match[str], ctx: CodeContext) -> CodeHit | None:
    num = match["n1"] or match["n2"] or match["n3"] or match["n4"]
    if match["n4"] and not (
        ctx.us or _US_BARE_LEAD.search(text, max(0, match.start() - 4), match.start())
    ):
        return None  # "B6" is a paper size or a grid square unless the page is a US release
    end = match.end()
    sub = match["sub"]
    if sub and num != "7":
        end = match.start("sub")
        if end < len(text) and text[end].isalnum():
            return None
        sub = None
    code = f"(b)({num})" + (f"({sub.strip(' ()').upper()})" if sub else "")
    return CodeHit(match.start(), end, (code,), US_FOIA)


def _us_word_hits(text: str) -> list[CodeHit]:
    hits: list[CodeHit] = []
    for match in _US_WORD.finditer(text):
        codes = [_us_word_code(match["n"], match["sub"])]
        end = match.end()
        while (tail := _US_WORD_TAIL.match(text, end)) is not None and len(codes) < 9:
            codes.append(_us_word_code(tail["n"], tail["sub"]))
            end = tail.end()
        hits.append(CodeHit(match.start(), end, tuple(dict.fromkeys(codes)), US_FOIA))
    return hits


def _us_word_code(num: str, sub: str | None) -> str:
    letter = sub.strip(" ()").upper() if sub and num == "7" else ""
    return f"(b)({num})" + (f"({letter})" if letter else "")


def _parts(subs: str | None) -> list[str]:
    """`(1) (a)` → ["1", "a"], lower-cased."""
    return [part.lower() for part in _PAREN_PART.findall(subs or "")]


def _extend(
    text: str, end: int, num: str, subs: list[str], plural: bool, family: str
) -> tuple[list[tuple[str, list[str]]], int]:
    """Follow `&(b)`, `and 43(2)` continuations: each names one more (section, sub-parts)."""
    pairs = [(num, subs)]
    while len(pairs) < 12 and (tail := _UK_TAIL.match(text, end)) is not None:
        if tail["subs"]:
            extra = _parts(tail["subs"])
            last_num, last_subs = pairs[-1]
            keep = last_subs[: max(0, len(last_subs) - len(extra))]
            if last_subs and extra[0].isdigit() != last_subs[len(keep)].isdigit():
                break  # `reg.13(1) and (b)(6)`: the `(b)` stands for no part of reg.13(1)
            pairs.append((last_num, keep + extra))
        else:
            nsubs = _parts(tail["nsubs"])
            prefix = (tail["prefix"] or "").lower()
            if (prefix and not prefix.startswith(family)) or not (prefix or plural or nsubs):
                break
            pairs.append((tail["num"].upper(), nsubs))
        end = tail.end()
    return pairs, end


def _uk_code(num: str, parts: list[str], ctx: CodeContext) -> str:
    suffix = "".join(f"({p})" for p in parts)
    if ctx.scottish and num in FOISA_SECTIONS:
        return f"FOISA s.{num}{suffix}"
    if num in FOIA_SECTIONS:
        return f"s.{num}{suffix}"
    return ""


def _eir_code(num: str, parts: list[str]) -> str:
    return f"reg.{num}" + "".join(f"({p})" for p in parts)
