"""What docs/sample_docs.md promises for each sample, as data the sample tests check.

Keep this in step with the README: each table there is one list here, row for row.
"""

from __future__ import annotations

from dataclasses import dataclass

BBox = tuple[float, float, float, float]

LABEL = "label"
ASTERISKS = "asterisks"
BLOCKS = "blocks"
X_MASK = "x_mask"
TRUNCATION = "truncation"
MISSING = "missing_value"
BOX = "box"
SCAN_BOX = "scan_box"
TEXT_UNDER_BOX = "text_under_box"


@dataclass(frozen=True)
class Expect:
    """One promised redaction: where it is, the kinds that describe it, what it is attributed to.

    Text markers are found by `anchor` (text that picks out the line on `page`) and `marker`
    (the marker on that line, its `nth` occurrence; empty for a blank cell: the whole line).
    Shapes with no text are found by `bbox`.
    """

    page: int
    kinds: frozenset[str]
    anchor: str = ""
    marker: str = ""
    nth: int = 1
    bbox: BBox | None = None
    exemption: str | None = None  # asserted only when the README promises it
    source: str | None = None
    leaked: str | None = None


def mark(
    page: int,
    anchor: str,
    marker: str,
    *kinds: str,
    nth: int = 1,
    code: str | None = None,
    source: str = "label",
) -> Expect:
    """A text marker on the line holding `anchor`; `code` is the exemption it must carry."""
    exemption_source = source if code else None
    return Expect(page, frozenset(kinds), anchor, marker, nth, None, code, exemption_source)


def shape(page: int, bbox: BBox, *kinds: str, leaked: str | None = None) -> Expect:
    """A box (or burnt-in box) found by where it is drawn."""
    return Expect(page, frozenset(kinds), bbox=bbox, leaked=leaked)


@dataclass(frozen=True)
class Sample:
    """One sample file: its redactions, the exemptions it cites and lines nothing may flag."""

    redactions: tuple[Expect, ...]
    cited: frozenset[str]
    negatives: tuple[tuple[int, str, str], ...] = ()  # (page, anchor, text that is no redaction)


NEARBY = "nearby"  # "… is withheld under section 31(1)(a)" a few lines away
S31 = "s.31(1)(a)"
LETTER_CITED = frozenset({"s.21", "s.31(1)(a)", "s.40(2)", "s.43(2)"})
LETTER_NEGATIVES = (
    (1, "the names and direct contact", "*"),
    (1, "pricing schedules exchanged", "*"),
    (1, "one paragraph describing", "*"),
    (1, "We enclose three emails", "[see Annex A]"),
    (1, "(iii) the names", "(iii)"),
    (2, "published on our website", "[1]"),
    (2, "www.carrowfield.example.gov.uk", "[1]"),
    (2, "Rules on direct awards", "Part IX"),
    (2, "handling of your request", "Section XX"),
    (2, "02/07/2024", "s.40(2)"),
    (2, "17/09/2024", "s.40(2), s.43(2)"),
    (2, "09/10/2024", "s.31(1)(a), s.40(2), s.43(2)"),
    (2, "16/01/2025", "s.40(2)"),
)

LETTER_TEXT = Sample(
    redactions=(
        mark(1, "[REDACTED]", "[REDACTED]", LABEL),
        mark(1, "***********************", "***********************", ASTERISKS),
        mark(1, "Dear ", "********", ASTERISKS),
        mark(1, "Tendered price", "[s.43(2)]", LABEL, MISSING, code="s.43(2)"),
        mark(1, "Contingency sum:", "£*****", MISSING, ASTERISKS),
        mark(
            1,
            "Fleet and Depot Manager (Council)",
            "[Redacted - Section 40(2)]",
            LABEL,
            code="s.40(2)",
        ),
        mark(1, "Graduate Surveyor", "* * * * * *", ASTERISKS, code="s.40(2)", source=NEARBY),
        mark(1, "Site Engineer", "[Redacted - Section 40(2)]", LABEL, code="s.40(2)"),
        mark(2, "the yard is covered by", "[REDACTED]", LABEL, code=S31, source=NEARBY),
        mark(2, "called in the order", "********", ASTERISKS, nth=1, code=S31, source=NEARBY),
        mark(2, "called in the order", "********", ASTERISKS, nth=2, code=S31, source=NEARBY),
        mark(2, "**************", "**************", ASTERISKS),
    ),
    cited=LETTER_CITED,
    negatives=LETTER_NEGATIVES,
)

LETTER_PDF = Sample(
    redactions=(
        mark(1, "[REDACTED]", "[REDACTED]", LABEL),
        shape(1, (59.0, 206.0, 223.3, 218.0), BOX),
        mark(1, "Dear ", "********", ASTERISKS),
        mark(1, "Tendered price", "[s.43(2)]", LABEL, MISSING, code="s.43(2)"),
        mark(1, "Contingency sum:", "£*****", MISSING, ASTERISKS),
        mark(
            1,
            "Fleet and Depot Manager (Council)",
            "[Redacted - Section 40(2)]",
            LABEL,
            code="s.40(2)",
        ),
        mark(1, "Graduate Surveyor", "* * * * * *", ASTERISKS, code="s.40(2)", source=NEARBY),
        shape(1, (64.6, 739.0, 148.2, 751.0), TEXT_UNDER_BOX, leaked="Nadia Ferrow-Ellis"),
        # No blank lines in the PDF's text: section 21, five lines up, is in reach too.
        mark(2, "the yard is covered by", "[REDACTED]", LABEL),
        shape(2, (146.8, 180.0, 207.2, 192.0), BOX),
        shape(2, (230.2, 180.0, 297.8, 192.0), BOX),
        shape(2, (59.0, 544.0, 130.5, 556.0), BOX),
    ),
    cited=LETTER_CITED,
    negatives=LETTER_NEGATIVES,
)

REGISTER_CITED = frozenset({"s.40(2)", "s.43(2)"})
REGISTER_NEGATIVES = (
    (1, "CDC-0233", "XXL"),
    (1, "CDC-0231", "Lot 2"),
    (1, "CDC-0237", "Lot 4"),
)

REGISTER_TEXT = Sample(
    redactions=(
        mark(1, "CDC-0232", "[WITHHELD]", MISSING, LABEL),
        mark(1, "CDC-0234", "", MISSING),
        mark(1, "CDC-0235", "[Redacted - s.40(2)]", LABEL, code="s.40(2)"),
        mark(1, "CDC-0236", "£*****", MISSING, ASTERISKS),
        mark(1, "CDC-0238", "[WITHHELD]", MISSING, LABEL),
        mark(1, "CDC-0239", "", MISSING),
        mark(1, "Total contract value", "£**********", MISSING, ASTERISKS),
    ),
    cited=REGISTER_CITED,
    negatives=REGISTER_NEGATIVES,
)

REGISTER_PDF = Sample(
    redactions=(
        mark(1, "CDC-0232", "[WITHHELD]", MISSING, LABEL),
        mark(1, "CDC-0234", "", MISSING),
        mark(1, "CDC-0235", "[Redacted - s.40(2)]", LABEL, code="s.40(2)"),
        shape(1, (500.0, 233.0, 578.0, 243.0), MISSING, BOX),
        shape(1, (500.0, 265.0, 578.0, 275.0), MISSING, BOX),
        mark(1, "CDC-0239", "", MISSING),
        mark(1, "Total contract value", "£**********", MISSING, ASTERISKS),
    ),
    cited=REGISTER_CITED,
    negatives=REGISTER_NEGATIVES,
)

EMAIL = Sample(
    redactions=(
        mark(1, "To: [", "[", TRUNCATION),
        mark(1, "Cc: [ ...", "[ ...", TRUNCATION),
        mark(1, "Hi [REDACTED]", "[REDACTED]", LABEL),
        mark(1, "groundworks price of", "[s.43(2)]", LABEL, MISSING, code="s.43(2)"),
        mark(
            1,
            "Out of hours the yard",
            "[Redacted - Section 31(1)(a)]",
            LABEL,
            code="s.31(1)(a)",
        ),
        mark(1, "called in the order", "[", TRUNCATION),
        mark(1, "Mobile:", "900XXX", X_MASK),
        mark(1, "From: [", "[", TRUNCATION),
        mark(1, "Cc: Harriet Vell", "; [", TRUNCATION),
        mark(2, "I have copied in", "********", ASTERISKS),
        mark(2, "The insurer's quote", "£*****", MISSING, ASTERISKS),
        mark(
            2,
            "[Redacted - Section 40(2)]",
            "[Redacted - Section 40(2)]",
            LABEL,
            code="s.40(2)",
        ),
        mark(2, "Direct dial:", "[|", TRUNCATION),
    ),
    cited=frozenset({"s.31(1)(a)", "s.40(2)", "s.43(2)"}),
    negatives=(
        (1, "revised site plan", "[v3]"),
        (1, "We will *not*", "*not*"),
        (2, "in writing [1]", "[1]"),
        (2, "[1] Contract Procedure Rules", "[1]"),
    ),
)

US_MEMO = Sample(
    redactions=(
        mark(1, "FROM:", "(b)(6)", LABEL, code="(b)(6)"),
        mark(1, "Special Agent", "(b)(7)(C)", LABEL, code="(b)(7)(C)"),
        mark(1, "Special Agent", "[b(6)]", LABEL, code="(b)(6)"),
        mark(1, "[[REDACTED-EX B6]]", "[[REDACTED-EX B6]]", LABEL, code="(b)(6)"),
        mark(1, "Social Security No.", "XXX-XX-4417", X_MASK),
        mark(1, "Telephone:", "(b)(6)", LABEL, code="(b)(6)"),
        mark(1, "An anonymous source", "(b)(7)(D)", LABEL, code="(b)(7)(D)"),
    ),
    cited=frozenset({"(b)(6)", "(b)(7)(C)", "(b)(7)(D)"}),
    negatives=(
        (1, "Section IX", "Section IX"),
        (1, "Lock and Dam No. 14", "No. 14"),
        (1, "5 U.S.C. 552", "552(b)(6)"),
        (1, "5 U.S.C. 552", "552(b)(7)(C)"),
        (1, "5 U.S.C. 552", "552(b)(7)(D)"),
    ),
)

MINUTES_1 = Sample(
    redactions=(
        mark(
            1,
            "(Democratic Services Officer)",
            "[Redacted - Section 40(2)]",
            LABEL,
            code="s.40(2)",
        ),
        mark(2, "The agreed purchase price", "[s.43(2)]", LABEL, MISSING, code="s.43(2)"),
        mark(
            2,
            "[Redacted - Section 42(1)]",
            "[Redacted - Section 42(1)]",
            LABEL,
            code="s.42(1)",
        ),
    ),
    cited=frozenset({"s.40(2)", "s.42(1)", "s.43(2)"}),
)

MINUTES_2 = Sample(
    redactions=(
        mark(1, "(Fleet and Depot", "█" * 12, BLOCKS),
        mark(2, "s.42(1)", "█" * 40, BLOCKS, code="s.42(1)", source="adjacent"),
        mark(
            2,
            "a year, which is within budget",
            "[Redacted - s.43(2)]",
            LABEL,
            MISSING,
            code="s.43(2)",
        ),
    ),
    cited=frozenset({"s.42(1)", "s.43(2)"}),
)

SCANNED_MEMO = Sample(
    redactions=(
        shape(1, (113.0, 130.0, 209.0, 143.0), SCAN_BOX),
        shape(1, (314.7, 258.0, 398.7, 271.0), SCAN_BOX),
        shape(1, (72.0, 300.0, 520.0, 336.0), SCAN_BOX),
        shape(1, (72.0, 402.0, 182.0, 415.0), SCAN_BOX),
    ),
    cited=frozenset(),
)

SCANNED_MEMO_OCR = Sample(
    redactions=(
        shape(1, (113.0, 130.0, 209.0, 143.0), TEXT_UNDER_BOX, leaked="Colm Brightwater"),
        shape(1, (314.7, 258.0, 398.7, 271.0), TEXT_UNDER_BOX, leaked="01632 960 418"),
        shape(1, (72.0, 300.0, 520.0, 336.0), SCAN_BOX),
        shape(1, (72.0, 402.0, 182.0, 415.0), SCAN_BOX),
    ),
    cited=frozenset({"s.40(2)", "s.31(1)(a)"}),
)

SAMPLES: dict[str, Sample] = {
    "foi_response_letter.txt": LETTER_TEXT,
    "foi_response_letter.pdf": LETTER_PDF,
    "contracts_register.txt": REGISTER_TEXT,
    "contracts_register.pdf": REGISTER_PDF,
    "email_chain_ocr.txt": EMAIL,
    "us_foia_memo_ocr.txt": US_MEMO,
    "minutes_release_1.txt": MINUTES_1,
    "minutes_release_1.pdf": MINUTES_1,
    "minutes_release_2.txt": MINUTES_2,
    "scanned_memo.pdf": SCANNED_MEMO,
    "scanned_memo_ocr.pdf": SCANNED_MEMO_OCR,
}
