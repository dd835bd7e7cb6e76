"""`redactview diff` as a user runs it: outputs, files written, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redactview.cli import main

FIRST = """\
Minutes of the Glenhollow Water Board, 3 March 2025.

The panel recommended the lower bid from Corrie Civil Works. The board
resolved to award the aqueduct contract subject to a safety review.

The clerk reported that the reservoir at [REDACTED] stood at sixty per cent.
"""
SECOND = """\
Minutes of the Glenhollow Water Board, 3 March 2025.

The panel recommended the lower bid from [REDACTED]. The board resolved to
award the aqueduct contract subject to a safety review.

The clerk reported that the reservoir at Tarn Moss stood at sixty per cent.
"""


@pytest.fixture
def releases(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    return first, second


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_the_withheld_and_revealed_passages(
    releases: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["diff", "--format", "json", *map(str, releases)], capsys)
    assert (code, err) == (0, "")
    data = json.loads(out)
    rows = [(c["type"], c["a"]["text"], c["b"]["text"]) for c in data["changes"]]
    assert rows == [
        ("withheld", "Corrie Civil Works", "[REDACTED]"),
        ("revealed", "[REDACTED]", "Tarn Moss"),
    ]
    start = FIRST.index("Corrie")
    assert (data["changes"][0]["a"]["start"], data["changes"][0]["a"]["end"]) == (start, start + 18)


def test_output_file_format_follows_its_suffix(
    releases: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "appeal.html"
    code, out, _ = run(["diff", "-o", str(page), *map(str, releases)], capsys)
    assert (code, out) == (0, "")
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Corrie Civil Works" in html
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


@pytest.mark.parametrize("name", ["changes.csv", "changes.md"])
def test_an_output_suffix_diff_cannot_write_is_a_usage_error(
    releases: tuple[Path, Path], tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / name
    code, _, err = run(["diff", "-o", str(target), *map(str, releases)], capsys)
    assert code == 2
    assert "use .txt, .json or .html" in err
    assert not target.exists()


def test_text_output_in_a_pipe_has_no_colour(
    releases: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["diff", *map(str, releases)], capsys)
    assert code == 0 and "\x1b" not in out
    assert "withheld" in out and "- Corrie Civil Works" in out and "+ Tarn Moss" in out


def test_reconstruct_writes_the_best_known_text(
    releases: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "best.txt"
    code, _, _ = run(["diff", "--reconstruct", "-o", str(target), *map(str, releases)], capsys)
    assert code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith(FIRST.replace("[REDACTED]", "⟦Tarn Moss⟧{R2}"))


def test_three_releases_report_passages(
    releases: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    third = tmp_path / "third.txt"
    third.write_text(FIRST, encoding="utf-8")
    code, out, _ = run(["diff", "-f", "json", *map(str, releases), str(third)], capsys)
    assert code == 0
    statuses = [p["status"] for p in json.loads(out)["passages"]]
    assert statuses == [
        ["disclosed", "redacted", "disclosed"],
        ["redacted", "disclosed", "redacted"],
    ]


def test_a_missing_file_is_exit_1_with_one_line(
    releases: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["diff", str(releases[0]), "/nonexistent/nope.pdf"], capsys)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "nope.pdf" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "argv", [["diff"], ["diff", "only.txt"], ["diff", "--format", "docx", "a", "b"]]
)
def test_usage_errors_are_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(argv, capsys)
    assert code == 2 and err


def test_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["diff", "--help"], capsys)
    assert code == 0 and "examples:" in out and "redactview diff" in out


def test_unrelated_documents_with_markers_list_no_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    memo = tmp_path / "memo.txt"
    memo.write_text(
        "Memorandum on the Hadley Fork lock. On March 3 the operator, (b)(6), reported that\n"
        "the upstream gate alarm sounded twice during the night shift. [REDACTED] attended\n"
        "at dawn and found the float switch fouled by debris from the spillway.\n",
        encoding="utf-8",
    )
    first = tmp_path / "first.txt"
    first.write_text(FIRST, encoding="utf-8")
    code, out, err = run(["diff", "-f", "json", str(first), str(memo)], capsys)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["changes"] == []
    assert data["summary"]["related"] is False
    assert data["summary"]["similarity"] < 0.3
    code, out, _ = run(["diff", str(memo), str(first)], capsys)
    assert code == 0 and "unrelated" in out


def test_the_same_marker_in_both_is_counted_and_listed_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(FIRST, encoding="utf-8")  # "[REDACTED]" over the reservoir's name
    second.write_text(FIRST.replace("Corrie Civil Works", "[s.43(2)]"), encoding="utf-8")
    code, out, _ = run(["diff", "-f", "json", str(first), str(second)], capsys)
    data = json.loads(out)
    assert code == 0 and data["summary"]["both_redacted"] == 1
    rows = [
        (c["type"], c["a"]["text"], c["b"]["text"], c.get("unchanged")) for c in data["changes"]
    ]
    assert rows == [
        ("withheld", "Corrie Civil Works", "[s.43(2)]", None),
        ("both_redacted", "[REDACTED]", "[REDACTED]", True),
    ]
    code, out, _ = run(["diff", str(first), str(second)], capsys)
    assert code == 0 and "1 both_redacted" in out
    assert "withheld" in out.split("not listed")[-1]
    assert "both_redacted  A" not in out and "[REDACTED]" not in out
    code, out, _ = run(["diff", "-f", "html", str(first), str(second)], capsys)
    changes, still = out.split("<h3>Still redacted: the same way in both releases</h3>")
    assert "Corrie Civil Works" in changes and "[REDACTED]" not in changes
    assert still.count("[REDACTED]") == 2  # an appeal lists what is still withheld, both sides


def test_different_markers_over_the_same_words_are_still_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(FIRST.replace("[REDACTED]", "[Redacted - s.40(2)]"), encoding="utf-8")
    code, out, _ = run(["diff", "-f", "json", str(first), str(second)], capsys)
    data = json.loads(out)
    assert [(c["type"], c["unchanged"]) for c in data["changes"]] == [("both_redacted", False)]
    code, out, _ = run(["diff", str(first), str(second)], capsys)
    assert code == 0 and "not listed" not in out and "[Redacted - s.40(2)]" in out
