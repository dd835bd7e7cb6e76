"""Checks on sample_docs/ itself: the files say what docs/sample_docs.md says they say.

These need no detector: they keep the samples, the PDF generator and the README's tables in step,
so the detector tests in `test_samples.py` test the tool and not a stale sample.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.sample_truth import SAMPLES
from tests.core.test_samples import SAMPLE_DIR, pages_of, target

ROOT = SAMPLE_DIR.parent
GENERATOR = ROOT / "scripts" / "make_sample_pdfs.py"
HIDDEN_BY_PROPER_BOXES = ("Sorrel Way", "Lena Quarrie", "Tamsin Okafor", "Imogen Saltash")


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_each_promised_marker_is_where_the_readme_says(name: str) -> None:
    """Every anchored marker of the truth table is on its page, as many times as promised."""
    for expect in SAMPLES[name].redactions:
        if expect.bbox is None:
            start, end = target(name, expect.page, expect.anchor, expect.marker, expect.nth)
            assert end >= start
    for page, anchor, text in SAMPLES[name].negatives:
        target(name, page, anchor, text)


def pdf_content(path: Path) -> list[tuple[str, list[tuple[float, ...]], list[str]]]:
    """What a PDF shows, page by page: its text, its filled shapes and its images' pixels.

    Compared instead of bytes, so a PyMuPDF release that writes files differently passes.
    """
    import pymupdf

    pages = []
    with pymupdf.open(path) as doc:
        for page in doc:
            shapes = [
                tuple(round(v, 1) for v in d["rect"]) for d in page.get_drawings() if d["fill"]
            ]
            images = [
                hashlib.sha256(pymupdf.Pixmap(doc, xref).samples).hexdigest()
                for xref, *_ in page.get_images()
            ]
            pages.append((page.get_text(), shapes, images))
    return pages


def test_pdfs_are_built_from_the_current_sources(tmp_path: Path) -> None:
    """Rebuilding the sample PDFs gives what is committed: same text, boxes and pixels."""
    subprocess.run(
        [sys.executable, str(GENERATOR), "--out", str(tmp_path)], check=True, capture_output=True
    )
    built = sorted(path.name for path in tmp_path.glob("*.pdf"))
    assert built == sorted(path.name for path in SAMPLE_DIR.glob("*.pdf"))
    for name in built:
        assert pdf_content(tmp_path / name) == pdf_content(SAMPLE_DIR / name), name


def test_proper_boxes_hide_nothing_and_the_leaky_one_leaks() -> None:
    """The letter PDF's proper boxes have no text under them; the leaky one still has its name."""
    text = "\f".join(page.text for page in pages_of("foi_response_letter.pdf"))
    assert [hidden for hidden in HIDDEN_BY_PROPER_BOXES if hidden in text] == []
    assert "Nadia Ferrow-Ellis, Site Engineer" in text


def test_scanned_memo_has_no_text_layer() -> None:
    """The scanned memo is an image only: without OCR there is no text at all."""
    assert [page.text.strip() for page in pages_of("scanned_memo.pdf")] == [""]


def tokens(text: str) -> list[str]:
    """Words without trailing punctuation (`[s.43(2)],` is `[s.43(2)]`); a dash cell is none."""
    stems = (word.rstrip(",.;:") for word in text.split())
    return [stem for stem in stems if stem and stem != "—"]


def words(name: str, *, drop_furniture: bool = True) -> list[str]:
    """A release's words in order, without each page's header (first line) and footer (last)."""
    kept = []
    for page in pages_of(name):
        lines = [line.text for line in page.lines if line.text.strip()]
        kept.extend(lines[1:-1] if drop_furniture else lines)
    return tokens(" ".join(kept))


def test_minutes_pdf_has_the_words_of_the_text_release() -> None:
    """minutes_release_1.pdf is release 1 page for page, so it compares the same way."""
    assert words("minutes_release_1.pdf", drop_furniture=False) == words(
        "minutes_release_1.txt", drop_furniture=False
    )


def readme_changes() -> list[tuple[str, str, str]]:
    """(release 1, release 2, change type) from the README's comparison table."""
    readme = (SAMPLE_DIR.parent / "docs" / "sample_docs.md").read_text(encoding="utf-8")
    section = readme.split("## The two minutes releases compared", 1)[1]
    rows = re.findall(r"^\| \d+ \| [^|]+ \| ([^|]+) \| ([^|]+) \| (\w+) \|$", section, re.M)
    return [(one.strip(), two.strip(), kind) for one, two, kind in rows]


def test_minutes_releases_differ_by_exactly_the_listed_changes() -> None:
    """A word diff of the two releases' bodies gives the README's table, row for row."""
    one, two = words("minutes_release_1.txt"), words("minutes_release_2.txt")
    matcher = difflib.SequenceMatcher(a=one, b=two, autojunk=False)
    found = [
        (one[i1:i2], two[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]
    expected = [(tokens(a), tokens(b)) for a, b, _ in readme_changes()]
    assert found == expected


def test_readme_change_types_fit_the_markers() -> None:
    """Withheld faces a marker in release 2, revealed one in release 1, and so on."""
    marker = re.compile(r"\[Redacted|\[s\.|█")
    for one, two, kind in readme_changes():
        redacted = (bool(marker.search(one)), bool(marker.search(two)))
        expected = {
            "withheld": (False, True),
            "revealed": (True, False),
            "both_redacted": (True, True),
        }.get(kind, (False, False))
        assert redacted == expected, (one, two, kind)
    assert [kind for _, _, kind in readme_changes()].count("both_redacted") == 1


def readme_counts() -> dict[str, int]:
    """File name to redaction count, from the README's section headings."""
    readme = (SAMPLE_DIR.parent / "docs" / "sample_docs.md").read_text(encoding="utf-8")
    counts = {}
    for names, count in re.findall(r"^## (.+) — (\d+) redactions", readme, re.M):
        for name in re.findall(r"`([^`]+)`", names):
            counts[name] = int(count)
    return counts


def test_readme_counts_match_the_truth_tables() -> None:
    """Each README heading's count is the number of rows the sample tests check."""
    truth = {name: len(sample.redactions) for name, sample in SAMPLES.items()}
    assert readme_counts() == truth
