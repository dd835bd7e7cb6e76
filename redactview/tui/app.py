"""The redactview terminal app: screens, global keys, and the session's documents."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from redactview.settings import Settings, load_settings, save_settings
from redactview.tui.commands import RedactviewCommands
from redactview.tui.jobs import warm_up
from redactview.tui.session import Session
from redactview.tui.state import DocumentState


class RedactviewApp(App[int]):
    """Browse, compare and export the redactions in disclosed documents."""

    CSS_PATH = "app.tcss"
    TITLE = "redactview"
    COMMANDS = App.COMMANDS | {RedactviewCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help"),
        Binding("e", "export", "Export"),
        Binding("o", "open", "Open"),
        Binding("t", "toggle_theme", "Theme", show=False),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self,
        paths: list[str],
        compare: tuple[str, str] | None = None,
        password: str | None = None,
    ) -> None:
        super().__init__()
        warm_up()
        self.initial_paths = list(paths)
        self.initial_compare = compare
        self.session = Session(self, password)
        if compare is None and len(paths) == 1:
            self.session.start_preview(paths[0])  # page 1 is read while the UI starts up
        self.settings: Settings = load_settings()

    @property
    def documents(self) -> dict[str, DocumentState]:
        """The documents opened in this session, by path, in the order opened."""
        return self.session.documents

    def on_mount(self) -> None:
        """Apply the saved theme, show the library and start loading what was asked for."""
        from redactview.tui.screens.library import LibraryScreen

        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        opened = [path for raw in self.initial_paths for path in self.session.open(raw)]
        if self.initial_compare:
            self.open_compare(*self.initial_compare)
        elif len(opened) == 1:
            self.open_document_screen(opened[0])  # the library is built when first needed
        else:
            self.push_screen(LibraryScreen())

    def show_library(self) -> None:
        """Go back to the library, building it if this session started on another screen."""
        from redactview.tui.screens.library import LibraryScreen

        if any(isinstance(screen, LibraryScreen) for screen in self.screen_stack):
            while not isinstance(self.screen, LibraryScreen):
                self.pop_screen()
        else:
            self.switch_screen(LibraryScreen())

    def watch_theme(self, theme: str) -> None:
        """Remember the theme for next time."""
        if getattr(self, "settings", None) and theme != self.settings.theme:
            self.remember(Settings(theme, self.settings.last_folder, self.settings.recent_files))

    def remember(self, settings: Settings) -> None:
        """Keep and save new settings; a failure to save is not worth stopping for."""
        self.settings = settings
        if not save_settings(settings):
            self.notify("Settings could not be saved.", severity="warning")

    def open_path(self, path: str) -> None:
        """Open a file or folder from the UI and remember it."""
        opened = self.session.open(path)
        if opened:
            self.remember(self.settings.with_recent(str(Path(opened[-1]).resolve())))
        if len(opened) == 1:
            self.open_document_screen(opened[0])

    def open_document_screen(self, path: str) -> None:
        """Show the document screen for an opened document."""
        from redactview.tui.screens.document import DocumentScreen

        self.push_screen(DocumentScreen(self.session.documents[path]))

    def open_compare(self, path_a: str, path_b: str) -> None:
        """Show two releases side by side."""
        from redactview.tui.screens.compare import CompareScreen

        self.push_screen(CompareScreen(path_a, path_b, self.session))

    def close_document(self, path: str) -> None:
        """Stop loading a document and forget it."""
        self.session.close(path)

    def action_help(self) -> None:
        """Show the help screen."""
        from redactview.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_open(self) -> None:
        """Ask for a file or folder to open."""
        from redactview.tui.screens.open import OpenDialog

        def chosen(path: str | None) -> None:
            if path:
                self.open_path(path)

        self.push_screen(OpenDialog(self.settings.last_folder), chosen)

    def action_export(self) -> None:
        """Export what the current screen shows."""
        from redactview.tui.exporting import export_from

        export_from(self, self.screen)

    def action_toggle_theme(self) -> None:
        """Switch between the light and the dark theme."""
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def on_unmount(self) -> None:
        """Stop every child process still working."""
        self.session.cancel_all()


def run_app(
    paths: list[str], compare: tuple[str, str] | None = None, password: str | None = None
) -> int:
    """Run the UI on `paths` (or comparing `compare`) and return the exit status."""
    app = RedactviewApp(paths, compare=compare, password=password)
    result = app.run()
    return result if isinstance(result, int) else 0
