"""A page drawn with half-block characters, with the redaction boxes outlined.

Each terminal cell shows two pixels, one above the other: the upper as the foreground colour of
"▀", the lower as the background. That works on every colour terminal, over SSH too, with no
graphics protocol to ask the terminal about.

    pixels (x, 2y) and (x, 2y+1)  ->  cell (x, y) = "▀" in colour (x, 2y) on colour (x, 2y+1)
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from redactview.loaders.preview import PagePixels
from redactview.model import BBox

RGBBytes = tuple[int, int, int]
UPPER_HALF = "▀"
BOX_COLOUR: RGBBytes = (255, 140, 0)
LEAK_COLOUR: RGBBytes = (230, 0, 40)


class PageImage(Widget):
    """Pixels of one page, two to a cell, with boxes outlined in colour."""

    DEFAULT_CSS = """
    PageImage { width: 1fr; height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pixels: PagePixels | None = None
        self._rgb = bytearray()
        self._strips: dict[int, Strip] = {}

    def show(self, pixels: PagePixels, boxes: list[tuple[BBox, bool]]) -> None:
        """Show the page; each box (in PDF points) is outlined, in red when it leaks."""
        self.pixels = pixels
        self._rgb = bytearray(pixels.samples)
        for bbox, leaky in boxes:
            self._outline(bbox, LEAK_COLOUR if leaky else BOX_COLOUR)
        self._strips = {}
        self.refresh()

    def _outline(self, bbox: BBox, colour: RGBBytes) -> None:
        pixels = self.pixels
        if pixels is None:
            return
        x0, y0 = (max(0, int(v * pixels.scale)) for v in bbox[:2])
        x1 = min(pixels.width - 1, int(bbox[2] * pixels.scale))
        y1 = min(pixels.height - 1, int(bbox[3] * pixels.scale))
        for x in range(x0, x1 + 1):
            self._paint(pixels, x, y0, colour)
            self._paint(pixels, x, y1, colour)
        for y in range(y0, y1 + 1):
            self._paint(pixels, x0, y, colour)
            self._paint(pixels, x1, y, colour)

    def _paint(self, pixels: PagePixels, x: int, y: int, colour: RGBBytes) -> None:
        if 0 <= x < pixels.width and 0 <= y < pixels.height:
            index = (y * pixels.width + x) * 3
            self._rgb[index : index + 3] = bytes(colour)

    def pixel(self, x: int, y: int) -> RGBBytes:
        """The colour drawn at pixel (x, y), outlines included."""
        width = self.pixels.width if self.pixels else 0
        index = (y * width + x) * 3
        red, green, blue = self._rgb[index : index + 3]
        return red, green, blue

    def _colour(self, pixels: PagePixels, x: int, y: int) -> Color | None:
        if y >= pixels.height:
            return None
        return Color.from_rgb(*self.pixel(x, y))

    def render_line(self, y: int) -> Strip:
        """Draw cell row `y`: pixel rows 2y and 2y+1."""
        width = self.size.width
        pixels = self.pixels
        if pixels is None or 2 * y >= pixels.height:
            return Strip.blank(width, self.rich_style)
        if y not in self._strips:
            segments = [
                Segment(
                    UPPER_HALF,
                    Style(
                        color=self._colour(pixels, x, 2 * y),
                        bgcolor=self._colour(pixels, x, 2 * y + 1),
                    ),
                )
                for x in range(pixels.width)
            ]
            self._strips[y] = Strip(segments).extend_cell_length(width, self.rich_style)
        return self._strips[y].crop(0, width)
