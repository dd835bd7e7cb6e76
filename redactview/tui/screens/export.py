"""The export dialog: pick a path and a format, confirm an overwrite, write with the core."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from redactview.errors import RedactviewError
from redactview.export import format_for_path, suffix_for
from redactview.textsafe import printable_line
from redactview.tui.screens.dialogs import ConfirmDialog


@dataclass(frozen=True, slots=True)
class ExportJob:
    """What to export: a title, the formats offered and the core function that writes one."""

    title: str
    formats: tuple[str, ...]
    write: Callable[[str, str], None]  # (path, format)
    stem: str = "inventory"


class ExportDialog(ModalScreen[str | None]):
    """Ask where and how to export; dismiss with the path written, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [("escape", "dismiss(None)", "Cancel")]

    def __init__(self, job: ExportJob, folder: str = "") -> None:
        super().__init__()
        self.job = job
        self.folder = folder or str(Path.cwd())

    def compose(self) -> ComposeResult:
        """Path input, format choice, buttons."""
        fmt = self.job.formats[0]
        with Vertical(classes="dialog", id="export-dialog"):
            yield Label(Content(self.job.title), classes="title")
            yield Label("Save to:")
            name = f"{self.job.stem}.{suffix_for(fmt)}"
            yield Input(str(Path(self.folder) / name), id="export-path")
            with RadioSet(id="export-format"):
                for index, name in enumerate(self.job.formats):
                    yield RadioButton(name.upper(), value=index == 0, name=name)
            with Horizontal(classes="buttons"):
                yield Button("Export", variant="primary", id="export")
                yield Button("Cancel", id="cancel")

    @property
    def chosen_format(self) -> str:
        """The format picked in the radio set."""
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.name if pressed and pressed.name else self.job.formats[0]

    @on(RadioSet.Changed)
    def _follow_format(self) -> None:
        """Keep the file's suffix in step with the format chosen."""
        field = self.query_one("#export-path", Input)
        path = Path(field.value)
        fmt = format_for_path(path, default=None)
        if fmt in self.job.formats and fmt != self.chosen_format:
            field.value = str(path.with_suffix("." + suffix_for(self.chosen_format)))

    @on(Input.Changed, "#export-path")
    def _follow_suffix(self, event: Input.Changed) -> None:
        """Typing a known suffix (.csv, .md, .txt …) picks that format."""
        fmt = format_for_path(event.value, default=None)
        if fmt in self.job.formats and fmt != self.chosen_format:
            for button in self.query(RadioButton):
                if button.name == fmt:
                    button.value = True

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#export")
    @on(Input.Submitted, "#export-path")
    def _export(self) -> None:
        path = Path(self.query_one("#export-path", Input).value.strip()).expanduser()
        if not path.name:
            self.notify("Type a file name to export to.", severity="warning")
            return
        if path.exists():
            question = f"{printable_line(str(path))} exists. Overwrite it?"
            self.app.push_screen(ConfirmDialog(question), lambda yes: self._write(path, yes))
        else:
            self._write(path, True)

    def _write(self, path: Path, confirmed: bool | None) -> None:
        if not confirmed:
            return
        try:
            self.job.write(str(path), self.chosen_format)
        except RedactviewError as error:
            self.notify(printable_line(str(error)), severity="error", markup=False)
            return
        except OSError as error:
            message = f"{path}: cannot write there ({error.strerror})"
            self.notify(printable_line(message), severity="error", markup=False)
            return
        self.dismiss(str(path))
