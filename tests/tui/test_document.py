"""The document screen: moving between redactions, pages, search, filter and the detail panel."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from redactview.tui.app import RedactviewApp
from redactview.tui.screens.document import DocumentScreen
from redactview.tui.widgets.detail import RedactionDetail
from redactview.tui.widgets.page_view import PageView
from redactview.tui.widgets.redaction_table import RedactionTable

from .conftest import run, wait_for, wait_scanned


async def _open(pilot, app: RedactviewApp) -> DocumentScreen:  # type: ignore[no-untyped-def]
    await wait_scanned(pilot, app)
    await wait_for(pilot, lambda: isinstance(app.screen, DocumentScreen))
    screen = app.screen
    assert isinstance(screen, DocumentScreen)
    await wait_for(pilot, lambda: bool(screen.query_one(RedactionTable).shown))
    return screen


def test_one_file_opens_on_its_document_screen(letter: Path) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(letter)])
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _open(pilot, app)
            state = app.documents[str(letter)]
            table = screen.query_one(RedactionTable)
            assert [r.id for r in table.shown] == [r.id for r in state.redactions]
            assert table.row_count == len(state.redactions) >= 4
            view = screen.query_one(PageView)
            assert view.page is not None and view.page.number == 1
            assert view.text == state.pages[0].text

    run(scenario())


def test_n_and_p_select_and_show_each_redaction_in_turn(letter: Path) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(letter)])
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _open(pilot, app)
            redactions = screen.shown
            assert screen.selected == redactions[0]  # the highlighted first row is selected
            visited = []
            for _ in redactions:
                await pilot.press("n")
                visited.append(screen.selected)
                assert screen.page_number == screen.selected.page
                assert screen.query_one(PageView).page.number == screen.selected.page
            assert visited == [*redactions[1:], redactions[0]]  # wrapping round to the first
            await pilot.press("p")
            assert screen.selected == redactions[-1]
            assert screen.page_number == 2

    run(scenario())


def test_enter_in_the_list_jumps_and_the_detail_explains(letter: Path) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(letter)])
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _open(pilot, app)
            table = screen.query_one(RedactionTable)
            table.focus()
            last = len(table.shown) - 1
            for _ in range(last):
                await pilot.press("down")
            await pilot.press("enter")
            target = table.shown[last]
            assert screen.selected == target
            assert screen.page_number == target.page == 2
            detail = str(screen.query_one(RedactionDetail).render())
            assert target.marker in detail
            assert "Exemption:" in detail and "Sure it is one:" in detail
            view = screen.query_one(PageView)
            row = view.row_of_offset(target.start)
            assert target.marker[:10] in view.row_text(row)

    run(scenario())


def test_selected_redaction_is_marked_on_the_page(letter: Path) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(letter)])
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _open(pilot, app)
            await pilot.press("n")
            view = screen.query_one(PageView)
            marks = [m for m in screen._marks() if m.role == "selected"]
            assert [(m.start, m.end) for m in marks] == [
                (screen.selected.start, screen.selected.end)
            ]
            assert all(m.key for m in marks)
            assert view.page.start <= marks[0].start < view.page.end

    run(scenario())


def test_g_goes_to_a_page_and_arrows_turn_pages(letter: Path) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(letter)])
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _open(pilot, app)
            await pilot.press("g")
            page_input = app.screen.query_one("#page-number", Input)
            page_input.value = ""
            await pilot.press("2", "enter")
            assert screen.page_number == 2
            assert screen.query_one(PageView).text.startswith("Annex A")
            screen.query_one(PageView).focus()
            await pilot.press("left")
            assert screen.page_number == 1
            await pilot.press("right", "right")
            assert screen.page_number == 2  # no page 3: stays on the last

    run(scenario())


def test_go_to_page_refuses_a_page_out_of_range(letter: Path) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(letter)])
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _open(pilot, app)
            await pilot.press("g")
            app.screen.query_one("#page-number", Input).value = ""
            await pilot.press("9", "enter")
            assert app.screen is not screen  # the dialog stays open
            await pilot.press("escape")
            assert app.screen is screen and screen.page_number == 1

    run(scenario())


def test_search_finds_matches_across_pages_and_steps_through_them(letter: Path) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(letter)])
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _open(pilot, app)
            await pilot.press("slash")
            box = screen.query_one("#search", Input)
            assert box.display and box.has_focus
            await pilot.press(*"section", "enter")
            text = app.documents[str(letter)].pages
            expected = sum(p.text.lower().count("section") for p in text)
            assert len(screen.matches) == expected == 3
            assert not box.display
            first = screen.matches[screen.match_index]
            assert screen.page_number == first.page
            await pilot.press("m")
            await pilot.press("m")
            assert screen.page_number == 2
            assert screen.matches[screen.match_index].page == 2
            await pilot.press("M")
            assert screen.match_index == 1

    run(scenario())


def test_filter_by_kind_keeps_only_that_kind(letter: Path) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(letter)])
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _open(pilot, app)
            state = app.documents[str(letter)]
            kinds = {str(r.kind) for r in state.redactions}
            assert "label" in kinds and len(kinds) > 1
            screen.query_one("#filter", Select).value = "kind:label"
            await pilot.pause()
            shown = screen.query_one(RedactionTable).shown
            assert shown and all(str(r.kind) == "label" for r in shown)
            assert len(shown) == sum(str(r.kind) == "label" for r in state.redactions)
            await pilot.press("n")
            assert str(screen.selected.kind) == "label"

    run(scenario())


def test_f_opens_the_filter_choices_and_a_key_picks_one(letter: Path) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(letter)])
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await _open(pilot, app)
            choices = screen.query_one("#filter", Select)
            before = choices.value
            await pilot.press("f")
            await pilot.pause()
            assert choices.expanded  # the list is open: the key did something visible
            await pilot.press("down", "enter")
            await pilot.pause()
            assert not choices.expanded and choices.value != before
            shown = screen.query_one(RedactionTable).shown
            assert len(shown) < len(app.documents[str(letter)].redactions)

    run(scenario())


def test_escape_closes_search_then_goes_back(letter: Path) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(letter)])
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await _open(pilot, app)
            await pilot.press("slash")
            await pilot.press("escape")
            assert app.screen is screen and not screen.query_one("#search").display
            await pilot.press("escape")
            assert type(app.screen).__name__ == "LibraryScreen"

    run(scenario())


def test_clicking_a_highlighted_redaction_selects_it(letter: Path) -> None:
    async def scenario() -> None:
        app = RedactviewApp([str(letter)])
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await _open(pilot, app)
            view = screen.query_one(PageView)
            target = next(r for r in screen.shown if r.page == 1 and "Section" in r.marker)
            row = view.row_of_offset(target.start)
            column = target.start - view.page.start - view._rows[row][0]
            padding = view.styles.padding.left
            await pilot.click(PageView, offset=(column + padding + 2, row))
            assert screen.selected is target
            assert screen.query_one(RedactionTable).current is target
            assert target.marker in str(screen.query_one(RedactionDetail).render())
            await pilot.click(PageView, offset=(padding, view.row_count + 2))  # below the text
            assert screen.selected is target

    run(scenario())
