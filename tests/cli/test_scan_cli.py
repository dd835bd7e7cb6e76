"""`redactview scan` and `redactview text` as a user runs them: output, files, exit codes."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from redactview.cli import main

LETTER = """\
Dear Mr Okafor,

Re: request FOI-2026-0412

The report was prepared by ********** of the Planning Unit.
The supplier was [REDACTED] and the fee was agreed in March.
"""


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_scan_json_follows_the_contract(letter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["scan", "--jobs", "0", "--format", "json", str(letter)], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["schema"] == "redactview.inventory/1"
    assert data["errors"] == []
    (doc,) = data["documents"]
    assert doc["path"] == str(letter)
    assert doc["sha256"] == hashlib.sha256(letter.read_bytes()).hexdigest()
    assert doc["format"] == "text"
    assert doc["pages"] == 1
    kinds = {r["kind"]: r for r in doc["redactions"]}
    assert {"asterisks", "label"} <= set(kinds)
    for record in doc["redactions"]:
        assert LETTER[record["start"] : record["end"]] == record["marker"]
        assert record["page"] == 1 and record["bbox"] is None
        assert LETTER.splitlines()[record["line"] - 1].find(record["marker"]) >= 0
    assert kinds["asterisks"]["est_chars"] == 10
    assert doc["summary"]["total"] == len(doc["redactions"])


def test_offsets_index_the_text_command_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "two-pages.pdf"
    doc = pymupdf.open()
    for text in ("Page one says nothing.", "Signed: ******** (Head of Finance)"):
        doc.new_page().insert_text((72, 90), text, fontsize=11)
    doc.save(path)
    code, text_out, _ = run(["text", str(path)], capsys)
    assert code == 0
    assert text_out == "Page one says nothing.\fSigned: ******** (Head of Finance)"
    code, out, _ = run(["scan", "-j", "0", "-f", "json", str(path)], capsys)
    (record,) = [
        r for r in json.loads(out)["documents"][0]["redactions"] if r["kind"] == "asterisks"
    ]
    assert text_out[record["start"] : record["end"]] == "********"
    assert record["page"] == 2


def test_ids_are_stable_across_scans(letter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = json.loads(run(["scan", "-j", "0", "-f", "json", str(letter)], capsys)[1])
    second = json.loads(run(["scan", "-j", "0", "-f", "json", str(letter)], capsys)[1])
    ids = [r["id"] for r in first["documents"][0]["redactions"]]
    assert ids == [r["id"] for r in second["documents"][0]["redactions"]]
    assert len(set(ids)) == len(ids)


def test_csv_export_has_a_row_per_redaction_and_no_formulas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text('=HYPERLINK("http://x") [REDACTED]\n@SUM(A1) *****\n', encoding="utf-8")
    out_file = tmp_path / "inventory.csv"
    code, out, err = run(["scan", "-j", "0", "-o", str(out_file), str(path)], capsys)
    assert code == 0, err
    assert out == ""
    assert out_file.read_bytes().startswith(b"\xef\xbb\xbfpath,")  # a BOM, for Excel
    with out_file.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 2
    assert {row["kind"] for row in rows} >= {"label", "asterisks"}
    for row in rows:
        assert row["path"] == str(path)
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    assert any(row["context_before"].startswith("'=HYPERLINK") for row in rows)


def test_markdown_report_has_summary_and_literal_text(
    letter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["scan", "-j", "0", "-f", "md", str(letter)], capsys)
    assert code == 0
    assert out.startswith("# Redaction inventory")
    assert "| asterisks | 1 |" in out
    assert "\\[REDACTED\\]" in out  # escaped, so a Markdown viewer shows the brackets


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("report.txt", "{path}  (text,"),
        ("report.markdown", "# Redaction inventory"),
        ("report.htm", "<!DOCTYPE html>"),
        ("report.CSV", "\ufeffpath,"),
    ],
)
def test_output_suffix_picks_the_format(
    letter: Path, name: str, start: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = letter.parent / name
    code, printed, _ = run(["scan", "-j", "0", "-o", str(out), str(letter)], capsys)
    assert code == 0
    assert printed == ""
    assert out.read_text(encoding="utf-8").startswith(start.format(path=letter))


def test_one_bad_file_fails_the_run_but_not_the_others(
    letter: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.pdf"
    code, out, err = run(["scan", "-j", "0", "-f", "json", str(letter), str(missing)], capsys)
    assert code == 1
    data = json.loads(out)
    assert [d["path"] for d in data["documents"]] == [str(letter)]
    assert data["errors"] == [{"path": str(missing), "error": f"{missing}: no such file"}]
    assert err.strip() == f"redactview: {missing}: no such file"


def test_folder_scan_walks_regular_files_only(
    letter: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nested = tmp_path / "sub"
    nested.mkdir()
    (nested / "inner.txt").write_text("Name: [REDACTED]\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "elsewhere.txt").write_text("*****\n", encoding="utf-8")
    (tmp_path / "link").symlink_to(outside)
    code, out, _ = run(["scan", "-j", "0", "-f", "json", str(tmp_path)], capsys)
    assert code == 0
    assert [Path(d["path"]).name for d in json.loads(out)["documents"]] == ["letter.txt"]
    code, out, _ = run(["scan", "-j", "0", "-r", "-f", "json", str(tmp_path)], capsys)
    names = [Path(d["path"]).name for d in json.loads(out)["documents"]]
    assert names == ["letter.txt", "inner.txt"]


def test_worker_processes_give_the_same_inventory(
    letter: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Contact: [WITHHELD]\n", encoding="utf-8")
    args = ["scan", "-f", "json", str(letter), str(other), str(tmp_path / "gone.txt")]
    in_process = json.loads(run([*args, "-j", "0"], capsys)[1])
    code, out, _ = run([*args, "-j", "2"], capsys)
    assert code == 1
    assert json.loads(out) == in_process


@pytest.mark.parametrize("command", ["scan", "text", "open", "compare"])
def test_every_command_has_help_with_an_example(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run([command, "--help"], capsys)
    assert code == 0
    assert "example" in out


@pytest.mark.parametrize(
    "argv",
    [["scan"], ["scan", "--format", "xml", "x.txt"], ["text"], ["scan", "--jobs", "many", "x"]],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(argv, capsys)
    assert code == 2
    assert "usage:" in err


@pytest.mark.parametrize(
    "content",
    [b"", b"%PDF-1.4\n%garbage", b"\x00\x01" * 300],
    ids=["empty", "truncated-pdf", "binary"],
)
def test_installed_command_reports_bad_files_without_traceback(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "redactview", "scan", "-f", "json", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0]
    assert json.loads(result.stdout)["errors"][0]["path"] == str(path)


def test_text_to_a_terminal_shows_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "escape.txt"
    path.write_bytes(b"before \x1b]52;c;ZXZpbA==\x07 after\n")
    import pty

    leader, follower = pty.openpty()
    result = subprocess.run(
        [sys.executable, "-m", "redactview", "text", str(path)],
        stdout=follower,
        stderr=subprocess.PIPE,
        timeout=120,
    )
    os.close(follower)
    shown = os.read(leader, 4096).decode("utf-8")
    os.close(leader)
    assert result.returncode == 0
    assert "\x1b" not in shown and "\x07" not in shown
    assert "\u241b]52;c;ZXZpbA==\u2407" in shown


def test_long_pdf_split_across_workers_matches_one_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "long.pdf"
    doc = pymupdf.open()
    for number in range(230):
        page = doc.new_page()
        page.insert_text(
            (72, 90), f"Minute {number}: the officer ({'*' * (3 + number % 5)}) spoke."
        )
        if number % 40 == 0:
            page.insert_text((72, 120), "Withheld under section 40(2): [REDACTED]")
    doc.save(path)
    one_pass = json.loads(run(["scan", "-j", "0", "-f", "json", str(path)], capsys)[1])
    split = json.loads(run(["scan", "-j", "2", "-f", "json", str(path)], capsys)[1])
    assert split == one_pass
    text = run(["text", str(path)], capsys)[1]
    redactions = one_pass["documents"][0]["redactions"]
    assert len(redactions) >= 230
    for record in redactions:
        assert text[record["start"] : record["end"]] == record["marker"]


def test_a_file_over_its_time_limit_is_reported_and_the_scan_goes_on(
    letter: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from redactview import workers

    slow = tmp_path / "slow.txt"
    slow.write_text("Name: [REDACTED] ***** \n" * 200_000, encoding="utf-8")
    monkeypatch.setattr(workers, "TASK_ALLOWANCE", 0.05)
    code, out, err = run(["scan", "-j", "2", "--timeout", "0", "-f", "json", str(slow)], capsys)
    assert code == 1
    assert json.loads(out)["errors"][0]["path"] == str(slow)
    assert "took too long" in err
    monkeypatch.setattr(workers, "TASK_ALLOWANCE", 60.0)
    code, out, _ = run(["scan", "-j", "2", "--timeout", "0", "-f", "json", str(letter)], capsys)
    assert code == 0 and json.loads(out)["documents"]


def test_damaged_page_content_is_a_warning_and_json_stays_clean(tmp_path: Path) -> None:
    good = tmp_path / "good.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Signed: [REDACTED]")
    doc.save(good)
    data = good.read_bytes()
    cut = data.find(b"stream")
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(data[: cut + 10] + b"\x00\xff" * 20 + data[cut + 50 :])
    result = subprocess.run(
        [sys.executable, "-m", "redactview", "scan", "-j", "0", "-f", "json", str(damaged)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(result.stdout)["documents"][0]  # MuPDF's own messages kept off stdout
    assert any("page 1 unreadable" in warning for warning in report["warnings"])
    assert "MuPDF error" not in result.stderr
    assert f"warning: {damaged}: page 1 unreadable" in result.stderr


def test_default_workers_read_a_large_text_file_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Name: [REDACTED] of the council, ring *****\n" * 20_000, encoding="utf-8")
    code, out, err = run(["scan", "-f", "json", str(path)], capsys)
    assert code == 0, err
    assert json.loads(out)["documents"][0]["summary"]["by_kind"] == {
        "asterisks": 20_000,
        "label": 20_000,
    }


def test_a_pipe_named_directly_is_refused_not_waited_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    code, _, err = run(["scan", "-f", "json", str(pipe)], capsys)
    assert code == 1
    assert err.strip() == f"redactview: {pipe}: not a regular file (a pipe, socket or device)"


def test_symbolic_link_loops_are_walked_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "up").symlink_to(tmp_path)
    (sub / "note.txt").write_text("To: [REDACTED]\n", encoding="utf-8")
    argv = ["scan", "-j", "0", "-r", "--follow-symlinks", "-f", "json", str(tmp_path)]
    code, out, _ = run(argv, capsys)
    assert code == 0
    assert [d["path"] for d in json.loads(out)["documents"]] == [str(sub / "note.txt")]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["scan", "-o", "inventory.xlsx", "x.txt"], "cannot tell the format"),
        (["scan", "--timeout", "-5", "x.txt"], "must not be negative"),
    ],
)
def test_unusable_options_exit_2(
    argv: list[str],
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(argv, capsys)
    assert code == 2
    assert message in err
    assert not (tmp_path / "inventory.xlsx").exists()


def test_an_empty_folder_says_nothing_was_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["scan", "-j", "0", "-f", "json", str(tmp_path)], capsys)
    assert code == 0
    assert json.loads(out)["documents"] == []
    assert "no documents found" in err


@pytest.mark.parametrize("argv", [["open"], ["compare", "a.txt", "b.txt"], ["missing.pdf"]])
def test_the_terminal_ui_is_not_started_without_a_terminal_or_files(
    argv: list[str], tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("[REDACTED]\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Ada\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "redactview", *argv],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout == ""
    if argv == ["missing.pdf"]:
        assert (result.returncode, result.stderr.strip()) == (
            1,
            "redactview: missing.pdf: no such file or folder",
        )
    else:
        assert result.returncode == 2
        assert "needs a terminal" in result.stderr


def test_a_rule_stopped_at_its_limit_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "brackets.txt"
    path.write_text("From: [\n" * 100_003, encoding="utf-8")
    code, out, err = run(["scan", "-j", "0", "-f", "json", str(path)], capsys)
    assert code == 0, err
    report = json.loads(out)["documents"][0]
    assert report["summary"]["by_kind"] == {"truncation": 100_000}
    assert report["warnings"] == [
        "page 1: marks.truncation stopped after 100,000 findings; more may follow"
    ]
    assert "stopped after 100,000 findings" in err


@pytest.mark.parametrize("suffix", ["json", "csv", "md", "html"])
def test_a_file_name_that_is_not_utf8_is_written_out_not_a_crash(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "release"
    folder.mkdir()
    raw_name = os.path.join(os.fsencode(folder), b"bad\xff name.txt")
    with open(raw_name, "wb") as handle:
        handle.write(b"Name: [REDACTED]\n")
    out = tmp_path / f"inventory.{suffix}"
    code, _, err = run(["scan", "-j", "0", "-o", str(out), str(folder)], capsys)
    assert (code, err) == (0, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["release", out.name])
    if suffix == "json":
        (document,) = json.loads(out.read_text(encoding="utf-8"))["documents"]
        assert document["path"] == os.fsdecode(raw_name)
        assert document["summary"]["total"] == 1


@pytest.mark.parametrize("command", ["scan", "diff"])
def test_an_output_file_that_is_an_input_is_refused(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    release = tmp_path / "release.txt"
    release.write_text("Name: [REDACTED]\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Name: Jane Doe\n", encoding="utf-8")
    inputs = [str(release), str(other)] if command == "diff" else [str(tmp_path)]
    code, _, err = run([command, "-o", str(release), *inputs], capsys)
    assert code == 2
    assert "that file is being" in err and str(release) in err
    assert release.read_text(encoding="utf-8") == "Name: [REDACTED]\n"


def test_reports_saved_among_the_releases_are_not_scanned_as_releases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "minutes-1.txt"
    first.write_text("Present: [REDACTED]\nThe fee was £*****.\n", encoding="utf-8")
    second = tmp_path / "minutes-2.txt"
    second.write_text("Present: Jane Doe\nThe fee was £*****.\n", encoding="utf-8")
    code, before, _ = run(["scan", "-j", "0", "-f", "json", str(tmp_path)], capsys)
    assert code == 0
    for suffix in ("json", "csv", "md", "txt", "html"):
        run(["scan", "-j", "0", "-o", str(tmp_path / f"inventory.{suffix}"), str(tmp_path)], capsys)
    for suffix in ("json", "txt", "html"):
        out = tmp_path / f"comparison.{suffix}"
        assert run(["diff", "-o", str(out), str(first), str(second)], capsys)[0] == 0
    assert len(list(tmp_path.iterdir())) == 10
    code, after, err = run(["scan", "-j", "0", "-f", "json", str(tmp_path)], capsys)
    assert code == 0
    assert [d["path"] for d in json.loads(after)["documents"]] == [str(first), str(second)]
    assert json.loads(after)["documents"] == json.loads(before)["documents"]
    assert len(json.loads(after)["skipped"]) == 8
    assert err.count("note: skipped") == 8
    # Releases that only open like a report are read.
    (tmp_path / "log.md").write_text("# Redaction inventory\n\nBy [REDACTED].\n", "utf-8")
    (tmp_path / "z.csv").write_text("path,sha256,id,kind,page,owner\nx,y,z,k,1,[REDACTED]\n")
    code, again, _ = run(["scan", "-j", "0", "-f", "json", str(tmp_path)], capsys)
    paths = [d["path"] for d in json.loads(again)["documents"]]
    assert paths == [str(tmp_path / "log.md"), str(first), str(second), str(tmp_path / "z.csv")]
    code, _, err = run(["scan", "-j", "0", str(tmp_path / "inventory.csv")], capsys)
    assert code == 1 and "a report written by redactview" in err
