"""The compare screen: changes side by side, jumping between them, the withheld/revealed filter."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

from redactview.model import Change, ChangeType, Passage
from redactview.tui.app import RedactviewApp
from redactview.tui.comparing import build_blocks, build_groups
from redactview.tui.screens.compare import CompareScreen
from redactview.tui.widgets.compare_view import CompareView

from .conftest import control_characters, run, screen_lines, wait_for, write_text

FIRST = """\
Minutes of the depot working group, 3 March 2031.
Present: Councillor Ada Brennock and the Fleet Manager, Tobias Wren.
The contract was awarded for [REDACTED] after a short tender.
The chair asked officers to report back in April.
Any other business: none.
"""
SECOND = """\
Minutes of the depot working group, 3 March 2031.
Present: Councillor Ada Brennock and the Fleet Manager, [REDACTED].
The contract was awarded for £412,000 after a short tender.
The chair asked officers to report back in May.
Any other business: none.
"""


def _releases(folder: Path) -> tuple[Path, Path]:
    return write_text(folder, "first.txt", FIRST), write_text(folder, "second.txt", SECOND)


async def _compared(pilot, app: RedactviewApp) -> CompareScreen:  # type: ignore[no-untyped-def]
    await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
    screen = app.screen
    await wait_for(pilot, lambda: screen.result is not None, timeout=60)
    return screen


def test_compare_shows_both_releases_with_changes_facing(tmp_path: Path) -> None:
    a, b = _releases(tmp_path)

    async def scenario() -> None:
        app = RedactviewApp([str(a), str(b)], compare=(str(a), str(b)))
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _compared(pilot, app)
            changes = screen.result.comparison.changes
            types = [c.type for c in changes]
            assert ChangeType.WITHHELD in types and ChangeType.REVEALED in types
            view = screen.query_one(CompareView)
            lines = screen_lines(app)
            assert not control_characters(lines)
            withheld = next(i for i, c in enumerate(changes) if c.type == ChangeType.WITHHELD)
            row = view.rows[view.first_row[withheld]]
            assert "Tobias Wren" in FIRST[row.a[0] : row.a[1]]
            assert "[REDACTED]" in SECOND[row.b[0] : row.b[1]]
            summary = "\n".join(lines)
            assert "withheld 1" in summary and "revealed 1" in summary

    run(scenario())


def test_brackets_jump_between_changes_and_w_filters(tmp_path: Path) -> None:
    a, b = _releases(tmp_path)

    async def scenario() -> None:
        app = RedactviewApp([str(a), str(b)], compare=(str(a), str(b)))
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await _compared(pilot, app)
            view = screen.query_one(CompareView)
            changes = screen.result.comparison.changes
            assert len(changes) >= 3
            seen = []
            for _ in changes:
                await pilot.press("right_square_bracket")
                seen.append(view.current)
            assert seen == list(range(len(changes)))
            await pilot.press("left_square_bracket")
            assert view.current == len(changes) - 2
            await pilot.press("w")
            focus = [i for i, c in enumerate(changes) if c.type in ("withheld", "revealed")]
            assert screen.navigable == focus and view.coloured == set(focus)
            visited = set()
            for _ in range(len(focus) + 1):
                await pilot.press("right_square_bracket")
                visited.add(view.current)
            assert visited == set(focus)
            await pilot.press("w")
            assert screen.navigable == list(range(len(changes)))

    run(scenario())


def test_export_after_w_says_the_file_holds_every_change(tmp_path: Path) -> None:
    a, b = _releases(tmp_path)
    out = tmp_path / "comparison.json"

    async def scenario() -> None:
        app = RedactviewApp([str(a), str(b)], compare=(str(a), str(b)))
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _compared(pilot, app)
            changes = len(screen.result.comparison.changes)
            await pilot.press("w", "e")
            title = str(app.screen.query_one(".title").render())
            assert f"all {changes} changes, not only those shown" in title
            app.screen.query_one("#export-path").value = str(out)
            await pilot.press("enter")
            await wait_for(pilot, out.exists)
            data = json.loads(out.read_text(encoding="utf-8"))
            assert len(data["changes"]) == changes
            assert "withheld" in {change["type"] for change in data["changes"]}

    run(scenario())


def test_unrelated_files_say_so(tmp_path: Path) -> None:
    a = write_text(tmp_path, "a.txt", FIRST)
    b = write_text(tmp_path, "b.txt", "A shopping list: eggs, flour, [REDACTED], milk.\n")

    async def scenario() -> None:
        app = RedactviewApp([str(a), str(b)], compare=(str(a), str(b)))
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _compared(pilot, app)
            assert "share too little" in "\n".join(screen_lines(app))
            await pilot.press("right_square_bracket")
            assert screen.query_one(CompareView).current is None

    run(scenario())


def test_compare_of_a_missing_file_reports_the_error(tmp_path: Path) -> None:
    a = write_text(tmp_path, "a.txt", FIRST)
    missing = tmp_path / "gone.txt"

    async def scenario() -> None:
        app = RedactviewApp([str(a)], compare=(str(a), str(missing)))
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: any(n.severity == "error" for n in app._notifications))
            assert any("gone.txt" in n.message for n in app._notifications)
            await pilot.press("escape")
            assert type(app.screen).__name__ == "LibraryScreen"

    run(scenario())


def _passage(text: str, start: int, end: int) -> Passage:
    return Passage(page=1, start=start, end=end, text=text[start:end])


def test_blocks_cover_both_texts_in_order() -> None:
    a = "same one. GONE. same two. old. end"
    b = "same one. same two. new. NEW end"
    changes = (
        Change(ChangeType.REMOVED, _passage(a, 10, 15), None),
        Change(ChangeType.CHANGED, _passage(a, 26, 30), _passage(b, 20, 24)),
        Change(ChangeType.ADDED, None, _passage(b, 25, 28)),
    )
    blocks = build_blocks(changes, len(a), len(b))
    assert [block.change for block in blocks] == [None, 0, None, 1, None, 2, None]
    for text, side in ((a, "a"), (b, "b")):
        spans = [getattr(block, side) for block in blocks]
        assert spans[0][0] == 0 and spans[-1][1] == len(text)
        assert all(left[1] == right[0] for left, right in pairwise(spans))
    assert blocks[1].b[0] == blocks[1].b[1] == 10  # removed text faces an empty stretch
    assert a[slice(*blocks[2].a)] == " same two. " and b[slice(*blocks[2].b)] == "same two. "


def test_groups_keep_changes_inside_their_lines() -> None:
    a = "Name: Tobias Wren.\nSame line two.\nSame three.\nFee: [REDACTED] in all.\n"
    b = "Name: [REDACTED].\nSame line two.\nSame three.\nFee: £412,000 in all.\n"
    changes = (
        Change(ChangeType.WITHHELD, _passage(a, 6, 17), _passage(b, 6, 16)),
        Change(ChangeType.REVEALED, _passage(a, 51, 61), _passage(b, 50, 58)),
    )
    assert [c.a.text for c in changes] == ["Tobias Wren", "[REDACTED]"]
    assert [c.b.text for c in changes] == ["[REDACTED]", "£412,000"]
    groups = build_groups(build_blocks(changes, len(a), len(b)), a, b)
    assert [(a[slice(*g.a)], b[slice(*g.b)], g.changes) for g in groups] == [
        ("Name: Tobias Wren.\n", "Name: [REDACTED].\n", (0,)),
        ("Same line two.\nSame three.\n", "Same line two.\nSame three.\n", ()),
        ("Fee: [REDACTED] in all.\n", "Fee: £412,000 in all.\n", (1,)),
    ]
    for side, text in (("a", a), ("b", b)):
        spans = [getattr(g, side) for g in groups]
        assert spans[0][0] == 0 and spans[-1][1] == len(text)
        assert all(left[1] == right[0] for left, right in pairwise(spans))


def test_identical_redactions_are_counted_not_stepped_through(tmp_path: Path) -> None:
    a = write_text(tmp_path, "first.txt", FIRST)
    b = write_text(tmp_path, "again.txt", FIRST.replace("3 March", "3 March "))

    async def scenario() -> None:
        app = RedactviewApp([str(a), str(b)], compare=(str(a), str(b)))
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _compared(pilot, app)
            types = [c.type for c in screen.result.comparison.changes]
            assert types == [ChangeType.BOTH_REDACTED]
            assert screen.navigable == []
            assert "1 redacted the same way in both" in "\n".join(screen_lines(app))
            await pilot.press("right_square_bracket")
            assert screen.query_one(CompareView).current is None

    run(scenario())
