"""`redactview scan` writing the HTML inventory: chosen by `-o x.html` / `.htm` or `-f html`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redactview.cli import main
from tests.core.html_tree import parse

LETTER = """\
Dear Mr Okafor,

The report was prepared by ********** of the Planning Unit.
The supplier was [REDACTED] and the fee was withheld under section 43(2).
"""


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    return path


def ids_from_json(letter: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The redaction ids the JSON inventory lists for the letter."""
    assert main(["scan", "--jobs", "0", "-f", "json", str(letter)]) == 0
    (document,) = json.loads(capsys.readouterr().out)["documents"]
    return [r["id"] for r in document["redactions"]]


@pytest.mark.parametrize("name", ["inventory.html", "inventory.htm"])
def test_scan_writes_html_chosen_by_the_file_suffix(
    letter: Path, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = ids_from_json(letter, capsys)
    out = tmp_path / name
    code = main(["scan", "--jobs", "0", "-o", str(out), str(letter)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.out == ""
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    (section,) = parse(page).find_all("section", "document")
    assert section.find("h2").text() == str(letter)
    assert [c.text() for c in section.find_all("code", "rid")] == expected
    assert len(expected) == 2


def test_scan_format_html_goes_to_stdout(letter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scan", "--jobs", "0", "-f", "html", str(letter)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Commercial interests" in parse(captured.out).find("section").text()
