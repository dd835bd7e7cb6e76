"""The two minutes releases in sample_docs/ diff into exactly the changes docs/sample_docs.md
lists for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactview.align import diff_files
from redactview.model import Change

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_docs"
TRUTH = ROOT / "docs" / "sample_docs.md"
SECTION = "## The two minutes releases compared"


def expected_changes() -> list[tuple[str, str | None, str | None]]:
    """(type, release 1 text, release 2 text) for each row of the documented comparison table."""
    readme = TRUTH.read_text(encoding="utf-8")
    section = readme[readme.index(SECTION) :].split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and line[2:3].isdigit()]
    out = []
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        first, second, kind = cells[2], cells[3], cells[4]
        out.append((kind, None if first == "—" else first, None if second == "—" else second))
    return out


def flat(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split())


def found(change: Change) -> tuple[str, str | None, str | None]:
    return (
        str(change.type),
        flat(change.a.text if change.a else None),
        flat(change.b.text if change.b else None),
    )


def test_the_readme_lists_eight_changes() -> None:
    assert len(expected_changes()) == 8


@pytest.mark.parametrize("first", ["minutes_release_1.txt", "minutes_release_1.pdf"])
def test_minutes_releases_diff_into_exactly_the_listed_changes(first: str) -> None:
    result = diff_files([SAMPLES / first, SAMPLES / "minutes_release_2.txt"])
    (comparison,) = result.comparisons
    assert [found(change) for change in comparison.changes] == expected_changes()
    for change in comparison.changes:  # offsets index each release's `redactview text` output
        for side, release in ((change.a, result.releases[0]), (change.b, result.releases[1])):
            if side is not None:
                assert release.text[side.start : side.end] == side.text
