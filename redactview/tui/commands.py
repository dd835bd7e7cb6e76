"""Commands for the palette (ctrl+p): everything the keys do, findable by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from redactview.textsafe import printable_line

_COMMANDS = (
    ("Open a file or folder", "open", "Add documents to the library"),
    ("Export", "export", "Write the inventory or comparison of this screen"),
    ("Toggle light/dark theme", "toggle_theme", "Switch the colour theme (saved)"),
    ("Help", "help", "Keys and a short guide"),
    ("Quit", "quit", "Leave redactview"),
)


class RedactviewCommands(Provider):
    """The app's actions, and each opened document to jump to."""

    def _entries(self) -> list[tuple[str, object, str]]:
        app = self.app
        entries: list[tuple[str, object, str]] = [
            (name, partial(app.run_action, action), help_) for name, action, help_ in _COMMANDS
        ]
        for path, state in app.documents.items():  # type: ignore[attr-defined]
            title = f"Read {printable_line(state.name)}"
            entries.append((title, partial(app.open_document_screen, path), "Document screen"))  # type: ignore[attr-defined]
        return entries

    async def discover(self) -> Hits:
        """Every command, before anything is typed."""
        for name, callback, help_ in self._entries():
            yield DiscoveryHit(Content(name), callback, text=name, help=help_)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        """Commands whose names match what was typed."""
        matcher = self.matcher(query)
        for name, callback, help_ in self._entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _highlight(matcher, name), callback, text=name, help=help_)  # type: ignore[arg-type]


def _highlight(matcher: Matcher, name: str) -> Content:
    """The name with the letters matched picked out, read as plain text: a file name such as
    "[b]x.txt" is not markup (Matcher.highlight would read it as markup)."""
    content = Content(name)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
