"""The page image view: placeholder until the renderer lands."""

from __future__ import annotations

from typing import Any


def open_page_image(screen: Any, state: Any, page: int, redactions: Any) -> None:
    """Show the page as an image."""
    screen.notify("Page images are not available yet.", severity="warning")
