"""Text markers left where text was removed: asterisk runs, block characters, X masks,
bracketed labels (in `labels.py`) and `[` truncations at the edge of an OCR'd box.

Every rule is one compiled regex over the page text, guarded by a cheap substring test, with
possessive quantifiers so that a 5 MB line of `*`, `[` or `X` is one linear pass.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from redactview.detectors import labels
from redactview.detectors.text_utils import MAX_PER_RULE, PageText, page_text
from redactview.model import Kind, Page, Redaction

_ASTERISKS = re.compile(r"\*(?: ?\*)++")
_BLOCK_CHARS = "█▇▆▅■▮▓▒░▀▄▌▐▉▊▋"
_BLOCKS = re.compile(f"[{_BLOCK_CHARS}](?: ?[{_BLOCK_CHARS}])*+")
_BULLET_BLOCKS = frozenset("■▮▪▀▄▌▐")
_DOTS = re.compile(r"[•●]{3,}+")
_X_RIGHT = re.compile(r"[0-9Xx]*+(?:[-/.,  ][0-9Xx]++)*+")
_X_LEFT = re.compile(r"(?:[0-9Xx]++[-/., ])*+[0-9Xx]*+$")
_X_LOOKBACK = 48
_NEAR = 200  # how far along a line a rule looks for its context: long lines stay linear
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s{0,2}$")
_TEMPLATE_WORDS = frozenset(
    [
        "section",
        "sections",
        "clause",
        "paragraph",
        "para",
        "chapter",
        "part",
        "appendix",
        "annex",
        "annexe",
        "schedule",
        "article",
        "figure",
        "fig",
        "table",
        "item",
        "step",
        "version",
        "page",
        "vol",
        "volume",
        "book",
        "act",
        "rule",
        "no",
        "number",
    ]
)
_TRUNCATION = re.compile(r"\[[ \t|_.:'\-]{0,10}+$", re.M)
_EDGE_RESIDUE = re.compile(r":[ \t]++[|{][ \t|_.:'\-]{0,10}+$", re.M)


def detect(page: Page) -> list[Redaction]:
    """Every text marker on the page, in no particular order."""
    if not page.text:
        return []
    text = page_text(page)
    found = asterisks(text) + blocks(text) + x_masks(text) + truncations(text)
    return found + labels.detect_labels(text)


def asterisks(text: PageText) -> list[Redaction]:
    """Runs of three or more `*`, also spaced out (`* * *`), but not bullets or emphasis."""
    page = text.text
    if "*" not in page or ("**" not in page and "* *" not in page):
        return []  # one character is found much faster than two: most pages stop at the first
    found: list[Redaction] = []
    for match in islice(_ASTERISKS.finditer(page), MAX_PER_RULE):
        stars = match[0].count("*")
        if stars < 3:
            continue
        confidence = _asterisk_confidence(text, match.start(), match.end(), stars)
        if confidence > 0:
            found.append(
                text.finding(
                    Kind.ASTERISKS,
                    "marks.asterisks",
                    match.start(),
                    match.end(),
                    est_chars=stars,
                    confidence=confidence,
                )
            )
    return found


def _asterisk_confidence(text: PageText, start: int, end: int, stars: int) -> float:
    """0 for a divider, emphasis or a significance mark; lower for a whole-line rule."""
    page = text.text
    spaced = end - start != stars
    before = page[start - 1] if start else " "
    line_start, line_end = text.line_bounds(start)
    short = line_end - line_start <= end - start + _NEAR
    if short and page[line_start:line_end].strip() == page[start:end]:
        if spaced and stars <= 5:
            return 0.0  # "* * *": a section break
        return 0.4 if stars >= 30 or stars == 3 else 0.7  # a rule of stars, or a whole line cut
    if stars <= 3 and (before.isdigit() or before in ")%"):
        return 0.0  # p < 0.01***: significance or footnote marks
    if not spaced and stars == 3 and _is_emphasis(text, start, end):
        return 0.0
    return 0.85 if spaced or stars == 3 else 0.95


def _is_emphasis(text: PageText, start: int, end: int) -> bool:
    """`***bold italic***`: a run touching a word on its inside, paired on the same line."""
    page = text.text
    line_start, line_end = text.line_bounds(start)
    after = page[end] if end < line_end else " "
    before = page[start - 1] if start > line_start else " "
    if not after.isspace() and (before.isspace() or not before.isalnum()):
        closing = page.find("***", end, line_end)
        return closing > end and not page[closing - 1].isspace()
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        opening = page.rfind("***", line_start, start)
        return opening >= line_start and not page[opening + 3].isspace()
    return False


def blocks(text: PageText) -> list[Redaction]:
    """Runs of block and shade characters (`█▇▆■▮▓`), and of `•••` masks; not single bullets."""
    page = text.text
    found: list[Redaction] = []
    present = [char for char in _BLOCK_CHARS if char in page]
    if present:
        pattern = _blocks_from(present[0]) if len(present) == 1 else _BLOCKS
        for match in islice(pattern.finditer(page), MAX_PER_RULE):
            marker = match[0]
            if len(marker) == 1 and (
                marker in _BULLET_BLOCKS or _at_line_start(text, match.start())
            ):
                continue
            confidence = 0.95 if len(marker) > 1 else 0.6
            found.append(
                text.finding(
                    Kind.BLOCKS,
                    "marks.blocks",
                    match.start(),
                    match.end(),
                    est_chars=len(marker),
                    confidence=confidence,
                )
            )
    if "•••" in page or "●●●" in page:
        for match in islice(_DOTS.finditer(page), MAX_PER_RULE):
            found.append(
                text.finding(
                    Kind.BLOCKS,
                    "marks.dots",
                    match.start(),
                    match.end(),
                    est_chars=len(match[0]),
                    confidence=0.7,
                )
            )
    return found


@lru_cache(maxsize=len(_BLOCK_CHARS))
def _blocks_from(char: str) -> re.Pattern[str]:
    """`_BLOCKS` for a page holding only this block character: a literal first is found faster."""
    return re.compile(f"{char}(?: ?{char})*+")


def _at_line_start(text: PageText, index: int) -> bool:
    line_start, _ = text.line_bounds(index)
    return index - line_start <= _NEAR and not text.text[line_start:index].strip()


def x_masks(text: PageText) -> list[Redaction]:
    """`XXXX`, `xxxx` and partial masks (`XXX-XX-1234`, `07XXX XXXXXX`), not `XXL` or `MMXX`."""
    page = text.text
    found: list[Redaction] = []
    for seed in ("XX", "xx"):
        index = page.find(seed) if seed[0] in page else -1  # one character is found faster
        while index >= 0 and len(found) < MAX_PER_RULE:
            start, end = _x_token(page, index)
            redaction = _x_finding(text, start, end)
            if redaction is not None and not any(r.start == redaction.start for r in found[-2:]):
                found.append(redaction)
            index = page.find(seed, max(end, index + 2))
    return found


def _x_token(page: str, index: int) -> tuple[int, int]:
    """The token of digits, X's and single separators around page[index]."""
    left = _X_LEFT.search(page, max(0, index - _X_LOOKBACK), index)
    start = left.start() if left else index
    while start < index and not page[start].isalnum():
        start += 1
    right = _X_RIGHT.match(page, index)
    end = right.end() if right else index + 2
    return start, end


def _x_finding(text: PageText, start: int, end: int) -> Redaction | None:
    page = text.text
    token = page[start:end]
    if start > 0 and (page[start - 1].isalpha() or page[start - 1] in "_&'"):
        return None
    if end < len(page) and (page[end].isalnum() or page[end] == "_"):
        return None  # XXL, XXth, XXIV
    masked = token.count("X") + token.count("x")
    if masked < 3 or ("XX" not in token and "xx" not in token):
        return None  # 4XX status codes, 2x2 grids
    pure = masked == len(token)
    if pure and _after_template_word(page, start):
        return None  # "Section XX" in a template
    if pure and token not in ("X" * masked, "x" * masked):
        return None
    confidence = 0.9 if not pure or masked >= 4 else 0.75
    if token.islower():
        confidence -= 0.1
    detector = "marks.x_mask" if pure else "marks.x_partial"
    return text.finding(
        Kind.X_MASK, detector, start, end, est_chars=masked, confidence=round(confidence, 2)
    )


def _after_template_word(page: str, start: int) -> bool:
    match = _WORD_BEFORE.search(page, max(0, start - 24), start)
    return match is not None and match[1].lower() in _TEMPLATE_WORDS


def truncations(text: PageText) -> list[Redaction]:
    """`From: [` — a line cut where a box began: an unclosed `[` or edge residue at line end."""
    page = text.text
    found: list[Redaction] = []
    if "[" in page:
        for match in islice(_TRUNCATION.finditer(page), MAX_PER_RULE):
            redaction = _truncation(text, match.start(), match.end())
            if redaction is not None:
                found.append(redaction)
    if "|" in page or "{" in page:
        for match in islice(_EDGE_RESIDUE.finditer(page), MAX_PER_RULE):
            start = match.start() + len(match[0]) - len(match[0].lstrip(": \t"))
            line_start, _ = text.line_bounds(start)
            line = page[max(line_start, start - _NEAR) : match.end()]
            if line.count("|") + line.count("{") == 1:
                found.append(_truncation_at(text, start, match.end(), 0.6))
    return found


def _truncation(text: PageText, start: int, end: int) -> Redaction | None:
    page = text.text
    _, line_end = text.line_bounds(start)
    if page.find("]", line_end, line_end + 200) >= 0 and not _opens_before_close(page, line_end):
        return None  # "[Redacted under\nsection 40(2)]": a label wrapped onto the next line
    before = page[max(text.line_bounds(start)[0], start - _NEAR) : start].rstrip()
    if before.endswith(("=", "(", ",", "[", '":')):
        return None  # code or data (`items = [`, JSON `"documents": [`), not a cut line
    return _truncation_at(text, start, end, 0.8 if before.endswith(":") else 0.6)


def _opens_before_close(page: str, line_end: int) -> bool:
    """True when the next line opens a new `[` before it closes one (so ours stays open)."""
    next_end = page.find("\n", line_end + 1)
    following = page[line_end + 1 : next_end if next_end >= 0 else len(page)]
    close = following.find("]")
    opening = following.find("[")
    return close < 0 or 0 <= opening < close


def _truncation_at(text: PageText, start: int, end: int, confidence: float) -> Redaction:
    marker_end = start + len(text.text[start:end].rstrip())
    return text.finding(
        Kind.TRUNCATION, "marks.truncation", start, marker_end, confidence=confidence
    )
