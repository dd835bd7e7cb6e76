"""Small modal questions: go to a page, confirm an overwrite, type a password."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.validation import Integer
from textual.widgets import Button, Input, Label

WRONG_PASSWORD = "That password is wrong: try again, or Escape to cancel."


class GoToPageDialog(ModalScreen[int | None]):
    """Ask for a page number between 1 and the page count."""

    BINDINGS: ClassVar[list[BindingType]] = [("escape", "dismiss(None)", "Cancel")]

    def __init__(self, page_count: int | None, current: int) -> None:
        super().__init__()
        self.page_count = page_count  # None while the document is still opening
        self.current = current

    def compose(self) -> ComposeResult:
        """A prompt and a number input."""
        known = self.page_count is not None
        with Vertical(classes="dialog"):
            yield Label(f"Go to page (1–{self.page_count}):" if known else "Go to page:")
            yield Input(
                str(self.current),
                type="integer",
                validators=[Integer(minimum=1, maximum=self.page_count)],
                id="page-number",
                select_on_focus=True,
            )

    @on(Input.Submitted)
    def _go(self, event: Input.Submitted) -> None:
        if event.validation_result is not None and not event.validation_result.is_valid:
            last = self.page_count or "the last page"
            self.notify(f"Pages run from 1 to {last}.", severity="warning")
            return
        self.dismiss(int(event.value))


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; y or Enter on Yes confirms, n or Escape declines."""

    BINDINGS: ClassVar[list[BindingType]] = [
        ("escape,n", "dismiss(False)", "No"),
        ("y", "dismiss(True)", "Yes"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        """The question and two buttons."""
        with Vertical(classes="dialog"):
            yield Label(Content(self.question))
            with Horizontal(classes="buttons"):
                yield Button("Yes (y)", variant="warning", id="yes")
                yield Button("No (n)", id="no")

    def on_mount(self) -> None:
        """Start on No: overwriting is the choice that needs a deliberate key."""
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class PasswordDialog(ModalScreen[str | None]):
    """Ask for an encrypted document's password: dismiss with it, or None to cancel.

    The input is masked and the password goes nowhere but back to the caller.
    """

    BINDINGS: ClassVar[list[BindingType]] = [("escape", "dismiss(None)", "Cancel")]

    def __init__(self, name: str, wrong: bool = False) -> None:
        super().__init__()
        self.document_name = name
        self.wrong = wrong

    def compose(self) -> ComposeResult:
        """What is asked, a masked input, a note and two buttons."""
        with Vertical(classes="dialog", id="password-dialog"):
            yield Label(Content(f"{self.document_name} is encrypted."), classes="title")
            yield Label("Password (Enter to open, Escape to cancel):")
            yield Input(password=True, id="password")
            note = WRONG_PASSWORD if self.wrong else ""
            yield Label(note, id="password-note", classes="-wrong" if self.wrong else "")
            with Horizontal(classes="buttons"):
                yield Button("Open", variant="primary", id="unlock")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted, "#password")
    def _typed(self) -> None:
        self._submit()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "unlock":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        password = self.query_one("#password", Input).value
        if not password:
            note = self.query_one("#password-note", Label)
            note.update("Type the password, or press Escape to cancel.")
            return
        self.dismiss(password)
