"""A footer that shows only the key bindings that fit, so nothing is cut off on a narrow screen."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# Dropped first when the screen is narrow; each is still in the help screen and the palette.
# Export goes last of these: writing the inventory is what most sessions are for.
DROP_ORDER = (
    "command_palette",
    "open",
    "go_to_page",
    "image",
    "close_document",
    "focus_filter",
    "export",
    "toggle_theme",
)
KEEP = ("quit", "help")


def key_width(key: FooterKey) -> int:
    """Cells a footer key takes: the key and its description, each padded."""
    palette = 2 if key.has_class("-command-palette") else 0
    return len(key.key_display) + len(key.description) + 3 + palette


def _drop_rank(key: FooterKey, index: int) -> tuple[int, int]:
    action = "command_palette" if key.has_class("-command-palette") else key.action
    if action in DROP_ORDER:
        return 0, DROP_ORDER.index(action)
    return 1, -index  # then from the right


def fitting(keys: list[FooterKey], width: int) -> list[FooterKey]:
    """The keys to show, dropping the least needed until they fit in `width` cells."""
    shown = list(keys)
    ranked = sorted(
        (k for k in keys if k.action not in KEEP), key=lambda k: _drop_rank(k, keys.index(k))
    )
    for key in ranked:
        if sum(key_width(k) for k in shown) <= width:
            break
        shown.remove(key)
    return shown


class FittingFooter(Footer):
    """The usual footer, less the bindings that would not fit the screen's width."""

    def __init__(self) -> None:
        super().__init__()
        self._width = 0

    def compose(self) -> ComposeResult:
        """The footer's keys, as many as fit."""
        widgets: list[Widget] = list(super().compose())
        keys = [w for w in widgets if isinstance(w, FooterKey)]
        self._width = self.app.size.width
        if not keys or len(keys) != len(widgets):
            yield from widgets  # grouped bindings: leave the layout to the footer
            return
        yield from fitting(keys, self._width)

    def on_resize(self, event: events.Resize) -> None:
        """Choose the keys again when the width changes."""
        if self._width and self.app.size.width != self._width:
            self.call_after_refresh(self.recompose)
