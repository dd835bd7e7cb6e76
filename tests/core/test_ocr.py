"""OCR of scanned pages: real Tesseract where installed, the cache, and life without Tesseract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redactview.loaders import LoadOptions, load_document, ocr
from redactview.loaders.assemble import RawLine
from redactview.loaders.ocr_cache import cache_file, load_cached_lines, save_cached_lines
from redactview.loaders.scanned import NO_TESSERACT, ScanSettings
from redactview.model import BBox, Kind, Span
from redactview.paths import cache_dir
from redactview.scan import scan_file
from tests.core.scan_support import (
    assert_near,
    baseline,
    image_pdf,
    noisy,
    render,
    row_box,
    save_image,
    sideways_pdf,
    text_page,
)

TESSDATA = ocr.find_tessdata()
needs_tesseract = pytest.mark.skipif(
    TESSDATA is None, reason="Tesseract OCR (tesseract-ocr with English data) is not installed"
)
SIZE = 13.0
LINES = (
    "Minutes of the project board meeting held on 4 March.",
    "From: [",
    "To: Jane Doe <jane.doe@example.org> and the board secretary.",
    "The supplier was paid [REDACTED] for the annual review.",
    "Withheld under section 40(2) of the Freedom of Information Act.",
)
# Over the name and address on the "To:" line, not quite as tall as the letters: their tops
# and tails show above and below it, as on many scanned releases.
BAR = (120.0, baseline(2) - 0.55 * SIZE, 300.0, baseline(2) + 0.1 * SIZE)
FAKE_LINE = RawLine(
    "Faked OCR text",
    (72.0, 80.0, 200.0, 92.0),
    (Span("Faked OCR text", 0, (72.0, 80.0, 200.0, 92.0), 11.0),),
)


def scanned_file(tmp_path: Path, name: str = "letter.png", dpi: int = 200) -> Path:
    """The letter above, scanned at `dpi`, cropped to its top third to keep OCR quick."""
    pixels = noisy(render(text_page(LINES, [BAR], size=SIZE), dpi), sigma=8)
    return save_image(pixels[: int(300 * dpi / 72)], tmp_path / name, dpi)


class FakeOcr:
    """Stands in for Tesseract: counts the pages it is asked to read."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, page: object, **options: object) -> list[RawLine]:
        self.calls += 1
        return [FAKE_LINE]


@pytest.fixture
def fake_ocr(monkeypatch: pytest.MonkeyPatch) -> FakeOcr:
    fake = FakeOcr()
    monkeypatch.setattr(ocr, "find_tessdata", lambda language="eng": "/no/such/tessdata")
    monkeypatch.setattr(ocr, "read_page_text", fake)
    return fake


def page_text(path: Path) -> str:
    with load_document(path) as document:
        return document.text()


@needs_tesseract
def test_tesseract_reads_the_scan_and_the_text_detectors_see_it(tmp_path: Path) -> None:
    path = scanned_file(tmp_path)
    with load_document(path) as document:
        (page,) = list(document.iter_pages())
    assert page.scanned and page.ocr
    for word in ("Minutes", "supplier", "REDACTED", "Freedom"):
        assert word in page.text
    first = page.lines[0]
    assert first.text.startswith("Minutes") and first.bbox is not None
    assert_near(first.bbox[1:2] + first.bbox[3:4], (baseline(0) - SIZE, baseline(0) + 4), 4.0)
    to_line = next(line for line in page.lines if line.text.startswith("To:"))
    # The bar was blanked before OCR: no junk letters are read inside it.
    assert all(span.bbox[2] <= BAR[0] + 2 or span.bbox[0] >= BAR[2] - 2 for span in to_line.spans)
    assert "board secretary" in to_line.text

    report = scan_file(str(path))
    kinds = {r.kind for r in report.redactions}
    assert {Kind.SCAN_BOX, Kind.TRUNCATION} <= kinds
    assert any(
        r.kind in (Kind.LABEL, Kind.BLOCKS) and "REDACTED" in r.marker for r in report.redactions
    )
    assert "s.40(2)" in {e.code for e in report.exemptions_cited}
    bar = next(r for r in report.redactions if r.kind is Kind.SCAN_BOX)
    assert_near(bar.bbox, BAR)
    assert bar.context_before.startswith("To:") and "secretary" in bar.context_after
    assert not report.warnings


@needs_tesseract
def test_a_sideways_scan_is_read_upright_line_by_line(tmp_path: Path) -> None:
    pixels = noisy(render(text_page(LINES, size=SIZE), 150), sigma=8)[: int(300 * 150 / 72)]
    text = page_text(sideways_pdf(tmp_path / "rotated.pdf", pixels, 150))
    assert text.splitlines()[0].startswith("Minutes of the project board")
    assert "Freedom of Information" in text.splitlines()[-1]


@needs_tesseract
def test_a_second_scan_reads_the_cache_not_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = scanned_file(tmp_path, dpi=150)
    first = page_text(path)
    assert "Minutes" in first

    def no_ocr(*args: object, **kwargs: object) -> list[RawLine]:
        raise AssertionError("OCR ran although the page was cached")

    monkeypatch.setattr(ocr, "read_page_text", no_ocr)
    assert page_text(path) == first


def test_ocr_results_are_cached_per_file_and_page(tmp_path: Path, fake_ocr: FakeOcr) -> None:
    frames = [noisy(render(text_page(), 72)) for _ in range(2)]
    path = image_pdf(tmp_path / "two.pdf", frames, 72)
    assert page_text(path) == "Faked OCR text\fFaked OCR text"
    assert fake_ocr.calls == 2
    assert page_text(path) == "Faked OCR text\fFaked OCR text"
    assert fake_ocr.calls == 2
    files = sorted((cache_dir()).rglob("*.json"))
    assert len(files) == 2 and all("ocr-v" in str(f) for f in files)
    assert not list(cache_dir().rglob("*.tmp"))  # written atomically, nothing left behind


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:40])


def _garble(path: Path) -> None:
    path.write_bytes(b"\xff\xfe\x00 not json")


def _tamper_text(path: Path) -> None:
    entry = json.loads(path.read_text())
    entry["lines"][0]["text"] = "Tampered"
    path.write_text(json.dumps(entry))


def _other_file(path: Path) -> None:
    entry = json.loads(path.read_text())
    entry["key"]["sha256"] = "0" * 64
    path.write_text(json.dumps(entry))


def _wrong_shape(path: Path) -> None:
    entry = json.loads(path.read_text())
    entry["lines"] = [{"text": 7, "bbox": "x", "spans": None}]
    path.write_text(json.dumps(entry))


@pytest.mark.parametrize(
    "damage",
    [_truncate, _garble, _tamper_text, _other_file, _wrong_shape],
    ids=["truncated", "garbled", "tampered", "other-file", "wrong-shape"],
)
def test_a_damaged_cache_entry_is_read_again_never_trusted(
    tmp_path: Path, fake_ocr: FakeOcr, damage
) -> None:  # type: ignore[no-untyped-def]
    path = save_image(noisy(render(text_page(), 72)), tmp_path / "page.png", 72)
    page_text(path)
    (entry,) = cache_dir().rglob("*.json")
    damage(entry)
    assert page_text(path) == "Faked OCR text"
    assert fake_ocr.calls == 2
    assert page_text(path) == "Faked OCR text"  # the entry was rewritten whole
    assert fake_ocr.calls == 2


def test_cache_entries_depend_on_the_settings() -> None:
    sha = "ab" * 32
    lines = [FAKE_LINE]
    low, high = ScanSettings(ocr_dpi=150).cache_tag(), ScanSettings(ocr_dpi=300).cache_tag()
    assert save_cached_lines(sha, 3, low, lines)
    assert load_cached_lines(sha, 3, low) == lines
    assert load_cached_lines(sha, 3, high) is None
    assert load_cached_lines(sha, 4, low) is None
    assert cache_file(sha, 3, low).parent.parent.name == "ocr-v1"


def test_an_unwritable_cache_costs_speed_not_the_scan(
    tmp_path: Path, fake_ocr: FakeOcr, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("REDACTVIEW_HOME", str(blocker))
    path = save_image(noisy(render(text_page(), 72)), tmp_path / "page.png", 72)
    assert page_text(path) == "Faked OCR text"
    assert page_text(path) == "Faked OCR text"
    assert fake_ocr.calls == 2


def test_without_tesseract_boxes_are_still_found_and_the_scan_says_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "find_tessdata", lambda language="eng": None)
    bars: list[BBox] = [row_box(1, 150, 260), row_box(3, 100, 200)]
    frames = [noisy(render(text_page(boxes=[bar]), 100)) for bar in bars] * 2
    path = image_pdf(tmp_path / "four.pdf", frames, 100)
    report = scan_file(str(path), LoadOptions(ocr=True))
    assert [(r.kind, r.page) for r in report.redactions] == [
        (Kind.SCAN_BOX, n) for n in range(1, 5)
    ]
    assert_near(report.redactions[1].bbox, bars[1])
    assert report.warnings == (NO_TESSERACT,)
    with load_document(path) as document:
        pages = list(document.iter_pages())
    assert [p.warnings for p in pages] == [(NO_TESSERACT,), (), (), ()]
    assert not any(p.ocr for p in pages) and all(p.scanned for p in pages)


def test_find_tessdata_honours_tessdata_prefix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "xyz.traineddata").write_bytes(b"model")
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    ocr.find_tessdata.cache_clear()
    try:
        assert ocr.find_tessdata("xyz") == str(tmp_path)
    finally:
        ocr.find_tessdata.cache_clear()
