"""Exports: rows that reopen to the same data, atomic writes, and format choice by file name."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from redactview.errors import ExportError
from redactview.export import format_for_path, render_inventory, write_atomic, write_inventory
from redactview.model import (
    DocumentReport,
    ExemptionSource,
    Format,
    Inventory,
    Kind,
    Redaction,
    ScanError,
)


def sample_inventory() -> Inventory:
    redactions = (
        Redaction(
            kind=Kind.BOX, page=2, detector="boxes", marker="", bbox=(72.0, 100.5, 180.25, 112.0),
            exemption="s.40(2)", exemption_source=ExemptionSource.ADJACENT, est_chars=18,
            confidence=0.8, line=4,
        ),
        Redaction(
            kind=Kind.TEXT_UNDER_BOX, page=3, detector="boxes", leaky=True,
            leaked_text="Dr Imogen Vale | 07700 900123", context_before="-2+3",
        ),
    )  # fmt: skip
    report = DocumentReport("dir/release.pdf", "ab" * 32, Format.PDF, 3, redactions=redactions)
    return Inventory(documents=(report,), errors=(ScanError("bad.pdf", "bad.pdf: empty file"),))


def test_json_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "inventory.json"
    write_inventory(sample_inventory(), path, "json")
    data = json.loads(path.read_text(encoding="utf-8"))
    box, leak = data["documents"][0]["redactions"]
    assert box["bbox"] == [72.0, 100.5, 180.25, 112.0]
    assert box["exemption_source"] == "adjacent"
    assert box["start"] is None and box["line"] == 4
    assert leak["leaky"] is True and leak["leaked_text"] == "Dr Imogen Vale | 07700 900123"
    summary = data["documents"][0]["summary"]
    assert summary == {
        "total": 2,
        "leaky": 1,
        "by_kind": {"box": 1, "text_under_box": 1},
        "by_exemption": {"s.40(2)": 1, "unknown": 1},
    }
    assert data["errors"] == [{"path": "bad.pdf", "error": "bad.pdf: empty file"}]


def test_a_csv_cell_too_long_for_a_spreadsheet_is_cut_and_says_so(tmp_path: Path) -> None:
    run = "*" * 5_000_000
    redaction = Redaction(kind=Kind.ASTERISKS, page=1, detector="marks", marker=run, line=1)
    report = DocumentReport("huge.txt", "cd" * 32, Format.TEXT, 1, redactions=(redaction,))
    path = tmp_path / "huge.csv"
    write_inventory(Inventory(documents=(report,)), path, "csv")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        (row,) = list(csv.DictReader(handle))
    assert len(row["marker"]) <= 32_767  # what one spreadsheet cell can hold
    assert row["marker"].startswith("*" * 1000)
    assert row["marker"].endswith("… [4,968,000 more characters: see the JSON]")


def test_csv_rows(tmp_path: Path) -> None:
    path = tmp_path / "inventory.csv"
    write_inventory(sample_inventory(), path, "csv")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["kind"] for row in rows] == ["box", "text_under_box"]
    assert rows[0]["bbox"] == "72.0 100.5 180.25 112.0"
    assert rows[1]["context_before"] == "'-2+3"  # would be a formula in a spreadsheet
    assert rows[0]["path"] == "dir/release.pdf"


def test_markdown_escapes_pipes_from_documents() -> None:
    text = render_inventory(sample_inventory(), "md")
    assert "Dr Imogen Vale \\| 07700 900123" in text
    assert "## Files that could not be read" in text


def test_atomic_write_replaces_whole_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")
    write_atomic(path, "new contents")
    assert path.read_text(encoding="utf-8") == "new contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_write_into_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot write"):
        write_atomic(tmp_path / "no-such-folder" / "out.csv", "x")


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(ExportError, match="unknown inventory format"):
        render_inventory(sample_inventory(), "xlsx")


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.csv", "csv"), ("a.MD", "md"), ("a.markdown", "md"), ("a.txt", "text"), ("a.pdf", "json")],
)
def test_format_for_path(name: str, fmt: str) -> None:
    assert format_for_path(name) == fmt


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    import os

    fresh = tmp_path / "fresh.csv"
    old_umask = os.umask(0o022)
    try:
        write_atomic(fresh, "a,b\n")
    finally:
        os.umask(old_umask)
    assert fresh.stat().st_mode & 0o777 == 0o644
    kept = tmp_path / "kept.csv"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    write_atomic(kept, "new")
    assert kept.stat().st_mode & 0o777 == 0o640


def test_text_report_is_plain_and_shows_leaks_and_fields() -> None:
    text = render_inventory(sample_inventory(), "text")
    lines = text.splitlines()
    assert lines[0] == "dir/release.pdf  (pdf, 3 page(s))"
    assert "2 redaction(s), 1 leaky: box 1, text_under_box 1" in lines[1]
    assert any("LEAKS: Dr Imogen Vale | 07700 900123" in line for line in lines)
    assert "could not read bad.pdf: empty file" in text
    assert "\\" not in text  # no Markdown escapes


def test_markdown_rows_have_as_many_cells_as_the_header() -> None:
    text = render_inventory(sample_inventory(), "md")
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("| Page |"))
    widths = set()
    for line in lines[header:]:
        if not line.startswith("|"):
            break
        widths.add(len(re.split(r"(?<!\\)\|", line)) - 2)  # cells between the outer pipes
    assert widths == {9}
    assert lines[header].split(" | ")[4] == "Field"
