"""Keys shared by the text views that scroll but keep left and right for their screen."""

from textual.binding import Binding

SCROLL_BINDINGS = (
    Binding("up", "scroll_up", show=False),
    Binding("down", "scroll_down", show=False),
    Binding("pageup", "page_up", show=False),
    Binding("pagedown,space", "page_down", show=False),
    Binding("home", "scroll_home", show=False),
    Binding("end", "scroll_end", show=False),
)
