"""Open another file or folder: type a path, or pick one in the directory tree."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from rich.text import Text, TextType
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, Label

from redactview.textsafe import printable_line


class SafeDirectoryTree(DirectoryTree):
    """A directory tree whose file names show control characters as visible symbols."""

    def process_label(self, label: TextType) -> Text:
        """The label as plain text, never markup, with control characters made visible."""
        plain = label.plain if isinstance(label, Text) else str(label)
        return Text(printable_line(plain))


class OpenDialog(ModalScreen[str | None]):
    """Dismiss with the path chosen, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [("escape", "dismiss(None)", "Cancel")]

    def __init__(self, folder: str = "") -> None:
        super().__init__()
        start = Path(folder) if folder and Path(folder).is_dir() else Path.cwd()
        self.folder = start

    def compose(self) -> ComposeResult:
        """Path input above a directory tree."""
        with Vertical(classes="dialog", id="open-dialog"):
            yield Label("Open a file or folder (Enter); or pick one below:")
            yield Input(str(self.folder) + "/", id="open-path")
            yield SafeDirectoryTree(self.folder, id="open-tree")

    @on(Input.Submitted, "#open-path")
    def _typed(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            return
        path = Path(value).expanduser()
        if not os.path.lexists(path):  # a mistyped name: say so here, add nothing to the library
            message = f"No such file or folder: {printable_line(str(path))}"
            self.notify(message, severity="warning", markup=False)
            return
        self.dismiss(str(path))

    @on(DirectoryTree.FileSelected)
    def _picked(self, event: DirectoryTree.FileSelected) -> None:
        self.dismiss(str(event.path))

    @on(DirectoryTree.DirectorySelected)
    def _folder(self, event: DirectoryTree.DirectorySelected) -> None:
        self.query_one("#open-path", Input).value = str(event.path) + "/"
