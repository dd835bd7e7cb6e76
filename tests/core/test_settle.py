"""Overlap settling: one hidden thing is reported once, keeping what each finder knew."""

from __future__ import annotations

from redactview.detectors import detect_page
from redactview.detectors.settle import settle
from redactview.model import ExemptionSource, Kind, Redaction
from tests.core.text_pages import text_page


def _text(kind: Kind, start: int, end: int, detector: str, **extra: object) -> Redaction:
    return Redaction(kind, 1, detector, "m" * (end - start), start, end, 1, **extra)  # type: ignore[arg-type]


def test_currency_mask_is_one_missing_value() -> None:
    found = detect_page(text_page("Contingency sum: £*****"))
    assert [(r.kind, r.marker, r.field) for r in found] == [
        (Kind.MISSING_VALUE, "*****", "Contingency sum")
    ]


def test_missing_value_takes_the_label_exemption() -> None:
    label = _text(
        Kind.LABEL,
        5,
        15,
        "marks.label",
        exemption="s.43(2)",
        exemption_source=ExemptionSource.LABEL,
    )
    money = _text(Kind.MISSING_VALUE, 5, 15, "missing_values.currency", field="Fee")
    (kept,) = settle([label, money])
    assert (kept.kind, kept.field, kept.exemption) == (Kind.MISSING_VALUE, "Fee", "s.43(2)")
    assert kept.exemption_source is ExemptionSource.LABEL


def test_separate_markers_stay_separate() -> None:
    first = _text(Kind.ASTERISKS, 0, 5, "marks.asterisks")
    touching = _text(Kind.BLOCKS, 5, 9, "marks.blocks")
    assert len(settle([first, touching])) == 2


def test_a_box_over_a_text_mark_is_one_finding_with_the_box_kept() -> None:
    mark = Redaction(Kind.LABEL, 1, "marks.label", "s.40(2)", 10, 17, 3, bbox=(100, 50, 140, 60))
    box = Redaction(Kind.BOX, 1, "boxes", line=3, bbox=(98, 48, 142, 62), confidence=0.9)
    (kept,) = settle([mark, box])
    assert kept.kind is Kind.BOX and kept.bbox == (98, 48, 142, 62)


def test_a_box_elsewhere_on_the_line_is_kept_apart() -> None:
    mark = Redaction(Kind.LABEL, 1, "marks.label", "x", 10, 11, 3, bbox=(100, 50, 140, 60))
    box = Redaction(Kind.BOX, 1, "boxes", line=3, bbox=(300, 48, 340, 62))
    assert len(settle([mark, box])) == 2


def test_overlapping_geometry_findings_are_left_to_their_detectors() -> None:
    a = Redaction(Kind.BOX, 1, "boxes", start=0, end=10, bbox=(0, 0, 10, 10))
    b = Redaction(Kind.ANNOTATION, 1, "boxes", start=0, end=10, bbox=(0, 0, 10, 10))
    assert len(settle([a, b])) == 2


def test_settling_many_findings_keeps_them_all_when_apart() -> None:
    marks = [_text(Kind.ASTERISKS, i * 10, i * 10 + 3, "marks.asterisks") for i in range(5000)]
    assert len(settle(marks)) == 5000


def test_a_box_in_a_money_column_keeps_the_row_and_column() -> None:
    text = Redaction(
        Kind.MISSING_VALUE,
        1,
        "missing_values.table",
        "",
        40,
        40,
        5,
        bbox=(500, 100, 560, 110),
        field="row CDC-0236, column Value",
        confidence=0.7,
    )
    box = Redaction(
        Kind.MISSING_VALUE, 1, "boxes", "", 44, 60, 5, (498, 99, 562, 111), field="CDC-0236"
    )
    (kept,) = settle([text, box])
    assert kept.detector == "boxes" and kept.field == "row CDC-0236, column Value"
