"""Scan every file in sample_docs/ and check it against what docs/sample_docs.md promises.

The expectations come from the README (mirrored in `sample_truth.py`), not from the tool's
output. A second group of tests checks the samples themselves: that each promised marker is where
the README says, that the PDFs are built from the current sources, and that the two minutes
releases differ by exactly the changes listed.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from redactview.loaders import LoadOptions, load_document
from redactview.model import DocumentReport, Line, Page, Redaction
from tests.core.sample_truth import SAMPLES, Expect

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DIR = ROOT / "sample_docs"
NO_OCR = LoadOptions(ocr=False)
BBOX_TOLERANCE = 3.0  # points


@functools.cache
def pages_of(name: str) -> tuple[Page, ...]:
    """The sample's pages as the loader reads them."""
    with load_document(SAMPLE_DIR / name, NO_OCR) as document:
        return tuple(document.iter_pages())


@functools.cache
def report_of(name: str) -> DocumentReport:
    """The sample scanned once per test session."""
    from redactview.scan import scan_file

    return scan_file(str(SAMPLE_DIR / name), NO_OCR)


def find_line(name: str, page: int, anchor: str) -> Line:
    """The first line on `page` that holds `anchor`."""
    for line in pages_of(name)[page - 1].lines:
        if anchor in line.text:
            return line
    raise AssertionError(f"{name}: no line holding {anchor!r} on page {page}")


def target(name: str, page: int, anchor: str, marker: str, nth: int = 1) -> tuple[int, int]:
    """Offsets of the `nth` `marker` on the anchored line; the whole line for an empty marker."""
    line = find_line(name, page, anchor)
    if not marker:
        return line.start, line.end
    at = -1
    for _ in range(nth):
        at = line.text.find(marker, at + 1)
        assert at >= 0, f"{name}: {marker!r} (#{nth}) not on page {page} line {line.text!r}"
    return line.start + at, line.start + at + len(marker)


def overlaps(redaction: Redaction, start: int, end: int) -> bool:
    """True when the redaction's text offsets touch [start, end)."""
    if redaction.start is None or redaction.end is None:
        return False
    return redaction.start < end and max(redaction.end, redaction.start + 1) > start


def is_match(name: str, redaction: Redaction, expect: Expect) -> bool:
    """Does this reported redaction stand for the promised one?"""
    if redaction.page != expect.page or str(redaction.kind) not in expect.kinds:
        return False
    if expect.bbox is not None:
        box = redaction.bbox
        return box is not None and all(
            abs(a - b) <= BBOX_TOLERANCE for a, b in zip(box, expect.bbox, strict=True)
        )
    start, end = target(name, expect.page, expect.anchor, expect.marker, expect.nth)
    if not expect.marker:
        line = find_line(name, expect.page, expect.anchor)
        return redaction.line == line.number or overlaps(redaction, start, end + 1)
    return overlaps(redaction, start, end)


def pair_up(name: str) -> tuple[list[tuple[Expect, Redaction]], list[Expect], list[Redaction]]:
    """Match promised to reported redactions one to one: pairs, unmatched promises, extras."""
    left = list(report_of(name).redactions)
    pairs, missing = [], []
    for expect in SAMPLES[name].redactions:
        found = next((r for r in left if is_match(name, r, expect)), None)
        if found is None:
            missing.append(expect)
        else:
            left.remove(found)
            pairs.append((expect, found))
    return pairs, missing, left


def describe(redaction: Redaction) -> str:
    """One line that says what a reported redaction is, for failure messages."""
    where = f"@{redaction.start}" if redaction.start is not None else str(redaction.bbox)
    return f"p{redaction.page} {redaction.kind} {redaction.marker!r} {where}"


NAMES = sorted(SAMPLES)
WITH_NEGATIVES = [name for name in NAMES if SAMPLES[name].negatives]


@pytest.mark.parametrize("name", NAMES)
def test_every_promised_redaction_is_found(name: str) -> None:
    """Each redaction the README lists is reported, with one of the kinds it allows."""
    _, missing, _ = pair_up(name)
    assert missing == []


@pytest.mark.parametrize("name", NAMES)
def test_nothing_else_is_reported(name: str) -> None:
    """Each hidden thing is reported once, and nothing that is not hidden is reported."""
    _, _, extra = pair_up(name)
    assert [describe(r) for r in extra] == []
    assert len(report_of(name).redactions) == len(SAMPLES[name].redactions)


@pytest.mark.parametrize("name", WITH_NEGATIVES)
def test_tricky_non_redactions_are_left_alone(name: str) -> None:
    """Bullets, footnotes, closed brackets, roman numerals, citations: none is a redaction."""
    flagged: list[str] = []
    for page, anchor, text in SAMPLES[name].negatives:
        start, end = target(name, page, anchor, text)
        hits = [r for r in report_of(name).redactions if overlaps(r, start, end)]
        flagged.extend(f"{text!r} on page {page}: {describe(r)}" for r in hits)
    assert flagged == []


@pytest.mark.parametrize("name", NAMES)
def test_exemptions_cited(name: str) -> None:
    """Exactly the exemptions the README names are cited: no procedural sections, no XX."""
    cited = {exemption.code for exemption in report_of(name).exemptions_cited}
    assert cited == set(SAMPLES[name].cited)


@pytest.mark.parametrize("name", NAMES)
def test_labelled_redactions_carry_their_exemption(name: str) -> None:
    """A marker that names its exemption (or has it printed beside it) is attributed to it."""
    pairs, _, _ = pair_up(name)
    wrong = [
        (expect.marker, redaction.exemption, str(redaction.exemption_source))
        for expect, redaction in pairs
        if expect.exemption is not None
        and (redaction.exemption, str(redaction.exemption_source))
        != (expect.exemption, expect.source)
    ]
    assert wrong == []


def test_leaky_box_gives_up_the_name() -> None:
    """The one leaky box in the letter PDF is flagged leaky, with the text under it."""
    pairs, _, _ = pair_up("foi_response_letter.pdf")
    leaks = [redaction for expect, redaction in pairs if expect.leaked]
    assert len(leaks) == 1
    assert leaks[0].leaky
    assert "Nadia Ferrow-Ellis" in (leaks[0].leaked_text or "")
    assert sum(r.leaky for r in report_of("foi_response_letter.pdf").redactions) == 1


def test_boxes_burnt_into_a_scan_after_its_text_layer_leak_what_they_hide() -> None:
    """The searchable memo's text layer still holds the two details boxed after it was made."""
    pairs, _, _ = pair_up("scanned_memo_ocr.pdf")
    leaked = [(redaction.leaked_text, expect.leaked) for expect, redaction in pairs]
    assert leaked == [
        ("Colm Brightwater", "Colm Brightwater"),
        ("01632 960 418", "01632 960 418"),
        (None, None),
        (None, None),
    ]
    assert [redaction.leaky for _, redaction in pairs] == [True, True, False, False]
