"""Missing values: money whose amount was withheld or left blank.

Three rules, surest first: a cell of a money column in a text table (`money_tables.py`), a money
label with nothing or a mask after it (`Contract value:`, `Total cost: £****`), and a currency
sign or code followed by a mask or by nothing (`£[REDACTED]`, `a fee of £ was agreed`).
A masked value's marker is the mask (`[REDACTED]` in `£[REDACTED]`); a blank one's marker is its
currency sign, or empty (start == end) at the place the value should be.
"""

from __future__ import annotations

import re

from redactview.detectors.money import MONEY_WORDS, ValueKind, classify_value, is_mask
from redactview.detectors.money_tables import table_values
from redactview.detectors.text_utils import MAX_PER_RULE, PageText, overlaps, page_text
from redactview.model import Kind, Page, Redaction

DETECTOR = "missing_values"
# A colon straight after the last three letters of a money word (or `(£)`), with no figure
# after it: the colon comes first so the regex skips to colons at C speed.
_COLON = re.compile(
    r":(?<=(?i:lue|ost|sts|unt|ice|fee|ees|get|ary|sum|ent|end|tal|rge|ard|\(£\)|\(\$\)|\(€\)):)"
    r"[ \t]*+(?!\d)"
)
_MONEY_LABEL = re.compile(
    r"(?<![A-Za-z])(?P<label>(?:(?:contract|total|annual|estimated|award|tender|unit|agreed"
    r"|overall|project|final)\s)?(?:value|cost|costs|amount|price|fee|fees|budget|salary|sum"
    r"|payment|spend|total|charge|award))(?:\s\((?:[£$€]|GBP|USD|EUR)\))?$",
    re.I,
)
_LONGEST_LABEL = 40
# The most a _MONEY_LABEL match can span: `estimated payment (GBP)` and a newline its `$` skips.
_LABEL_REACH = 24
_GENERIC_LABELS = frozenset({"total", "value", "amount", "sum", "cost", "costs"})
_CELL_END = re.compile(r"\s{2,}|\t|\|")
_MASK_AFTER = re.compile(
    r"\*(?: ?\*)*+|[Xx][Xx,.]*+(?:m|bn|k)?(?![A-Za-z0-9])|[█▇▆▅■▮▓▒░•●](?: ?[█▇▆▅■▮▓▒░•●])*+"
    r"|\[[^\[\]\n]{0,60}+\]|<[^<>\n]{1,40}+>|\((?:[^()\n]|\([^()\n]{0,10}+\)){1,60}+\)"
    r"|\[[ \t]*+$|(?i:redacted|withheld|exempt)(?![A-Za-z])",
    re.M,
)
_LABEL_BEFORE = re.compile(r"(?<![A-Za-z])(?P<label>[A-Za-z][A-Za-z ()/&',.-]{0,70}?)\s*:\s*$")
_WORDS_BEFORE = re.compile(r"((?:[A-Za-z'-]+\s+){1,4})$")
# Words around a field's name in a sentence: a leading article, a trailing verb or preposition.
_LINKING = re.compile(
    r"^(?:the|a|an)\s+|\s+(?:is|was|were|are|of|at|to|be|totalled|totalling|amounted to)$", re.I
)
_FIGURE_START = re.compile(r"\s*(?:[£$€]\s?|(?:GBP|USD|EUR)\s)?\d")
_CURRENCIES = ("£", "€", "$", "GBP", "USD", "EUR")
# A currency sign with no figure after it: not before a digit, another sign, or (straight after
# the sign) a letter other than an X mask. Each sign is its own literal-first pattern: fast.
_NO_FIGURE = {
    currency: re.compile(
        re.escape(currency)
        + (r"(?![A-Za-z])" if len(currency) == 3 else "")
        + r"(?:[ \t]++(?![\d£€$])|(?![\d£€$A-WYZa-wyz ]))"
    )
    for currency in _CURRENCIES
}


def detect(page: Page) -> list[Redaction]:
    """Every money value on the page that was withheld or left blank."""
    if not page.text:
        return []
    text = page_text(page)
    ranked = [
        (redaction.start or 0, rank, redaction)
        for rank, rule in enumerate((table_values, labelled_values, currency_values))
        for redaction in rule(text)
    ]
    ranked.sort(key=lambda item: (item[0], item[1]))
    found: list[Redaction] = []
    best: list[int] = []
    for _, rank, redaction in ranked:
        if found and _same_place(found[-1], redaction):
            if rank < best[-1]:
                found[-1], best[-1] = redaction, rank
            continue
        found.append(redaction)
        best.append(rank)
    return found


def _same_place(a: Redaction, b: Redaction) -> bool:
    """True when two rules found one value (the table cell `£****` and the currency `£`)."""
    assert a.start is not None and a.end is not None and b.start is not None and b.end is not None
    if a.start == b.start:
        return True
    return a.line == b.line and overlaps((a.start, a.end + 1), (b.start, b.end))


def labelled_values(text: PageText) -> list[Redaction]:
    """`Contract value:` / `Total cost: £****` — a money label with no figure after it."""
    page = text.text
    if ":" not in page:
        return []
    found: list[Redaction] = []
    for match in _COLON.finditer(page):
        colon = match.start()
        label = _MONEY_LABEL.search(page, max(0, colon - _LABEL_REACH), colon)
        if label is None:
            continue
        line_start, line_end = text.line_bounds(colon)
        cell = page[max(line_start, colon - 80) : colon]
        field = _CELL_END.split(cell)[-1].strip() if "\n" not in cell else label["label"]
        if len(field) > _LONGEST_LABEL or field.count(" ") >= 5:
            continue  # "... against a budget of £1.5m. Costs:" ends a sentence, not a field
        redaction = _labelled(text, field or label["label"], match.end(), line_end)
        if redaction is not None:
            found.append(redaction)
            if len(found) >= MAX_PER_RULE:
                break
    return found


def _labelled(text: PageText, label: str, value_start: int, line_end: int) -> Redaction | None:
    page = text.text
    limit = min(line_end, value_start + 200)
    gap = _CELL_END.search(page, value_start, limit)
    value_end = gap.start() if gap else limit
    value = classify_value(page[value_start:value_end])
    start, end = value_start + value.start, value_start + value.end
    generic = label.lower().rstrip(" (£$€)") in _GENERIC_LABELS
    if value.kind is ValueKind.MASKED:
        confidence = 0.8 if generic else 0.9
    elif value.kind is ValueKind.BLANK and not _figure_on_next_line(page, line_end):
        start, end = _currency_or_point(page, value_start, value_end, start)
        confidence = 0.5 if generic else 0.7
    else:
        return None
    return text.finding(
        Kind.MISSING_VALUE, DETECTOR + ".label", start, end, confidence=confidence, field=label
    )


def _figure_on_next_line(page: str, line_end: int) -> bool:
    """A label whose value sits on the line below (a form laid out in two rows) is not blank."""
    return bool(_FIGURE_START.match(page, line_end + 1, line_end + 40))


def _currency_or_point(page: str, start: int, end: int, point: int) -> tuple[int, int]:
    """A blank value's marker: its currency sign when printed, else an empty range."""
    for currency in _CURRENCIES:
        found = page.find(currency, start, end)
        if found >= 0:
            return found, found + len(currency)
    return point, point


def currency_values(text: PageText) -> list[Redaction]:
    """`£[REDACTED]`, `USD XXXX`, `a fee of £ was agreed` — a currency with no figure after it."""
    page = text.text
    found: list[Redaction] = []
    for currency, pattern in _NO_FIGURE.items():
        if currency not in page:
            continue
        for match in pattern.finditer(page):
            index = match.start()
            redaction = _after_currency(text, index, index + len(currency))
            if redaction is not None:
                found.append(redaction)
            if len(found) >= MAX_PER_RULE:
                return found
    return found


def _after_currency(text: PageText, index: int, end: int) -> Redaction | None:
    page = text.text
    code = end - index == 3
    if code and ((index > 0 and page[index - 1].isalpha()) or page[end : end + 1].isalpha()):
        return None  # a word containing GBP, not the currency
    value_start = end + len(page[end : end + 8]) - len(page[end : end + 8].lstrip(" \t"))
    field = _field_before(text, index)
    mask = _MASK_AFTER.match(page, value_start)
    if mask is not None:
        marker = mask[0].rstrip(".,;")
        if marker == "[" or is_mask(marker):
            stop = value_start + len(marker)
            return text.finding(
                Kind.MISSING_VALUE,
                DETECTOR + ".currency",
                value_start,
                stop,
                confidence=0.85,
                field=field,
            )
    confidence = _blank_confidence(text, index, end, value_start, code)
    if confidence <= 0:
        return None
    return text.finding(
        Kind.MISSING_VALUE, DETECTOR + ".currency", index, end, confidence=confidence, field=field
    )


def _blank_confidence(text: PageText, index: int, end: int, value_start: int, code: bool) -> float:
    """How surely nothing after a currency sign means a removed amount (0: it does not)."""
    page = text.text
    line_start, line_end = text.line_bounds(index)
    following = page[value_start] if value_start < line_end else "\n"
    before = page[max(line_start, index - 80) : index]
    if following.isdigit() or (following.isalpha() and value_start == end):
        return 0.0  # "£5", "$HOME"
    if (before.endswith("(") and following == ")") or following in "/%":
        return 0.0  # "Value (£)" column headings, "£/month"
    if not before.strip() or before.endswith(("  ", "\t", "|")):
        return 0.0  # a currency alone in a cell: the table rule decides
    cue = MONEY_WORDS.search(before[-40:]) is not None or before.rstrip().endswith(":")
    if (code and not cue) or "currency" in before.lower():
        return 0.0
    if following == "\n":
        return 0.75
    if following.isalpha():
        return 0.6 if not code else 0.0
    return 0.65 if following in ".,;:)" else 0.0


def _field_before(text: PageText, index: int) -> str | None:
    """The label a value belongs to (`Contract value`), or the few words before it."""
    line_start, _ = text.line_bounds(index)
    window = max(line_start, index - 80)
    before = text.text[window:index]
    if window > line_start:
        before = before.split(" ", 1)[-1]  # drop the word the window cut
    before = _CELL_END.split(before)[-1]
    label = _LABEL_BEFORE.search(before) if before.rstrip().endswith(":") else None
    if label:
        return label["label"].strip()
    words = _WORDS_BEFORE.search(before)
    if not words:
        return None
    field = _LINKING.sub("", words[1].strip())  # "The total cost was £…" → "total cost"
    return field or words[1].strip()
