"""Solid dark rectangles in a grayscale page image: the boxes a scanner burnt into a page.

The share of dark pixels in a small window tells a solid box from text: a letter's strokes
never fill a window, a box does.

    dark pixels            window share >= 0.9        share >= 0.5 near a core
    ██████████  Name        ········                  ██████████
    ██████████  of the      ········    (text gone)   ██████████   (the box's own outline)
    ██████████  person      ········                  ██████████

Each outline is then kept only if it is big enough, rectangular (allowing a slight skew),
flat in tone (not a photo) and clear of the page edge (not a scanner's shadow).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

DARK_LEVEL = 110  # grey levels below this are ink
CORE_SHARE = 0.9  # a window this dark is inside a solid area
EDGE_SHARE = 0.5  # a window half dark is centred on the area's edge
WINDOW_PT = 4.0  # wider than a text stroke at any body size
MIN_WIDTH_PT = 8.0  # narrower than this is a bullet or a bold stroke
MIN_HEIGHT_PT = 5.0  # thinner than this is a rule or an underline
MIN_AREA_PT2 = 100.0  # smaller than this is a piece of a bold headline letter
MAX_LETTER_AREA_PT2 = 900.0  # a solid piece of a heavy letter is smaller than this
MIN_FILL = 0.85  # share of the fitted rectangle the area fills
FRINGE_SHARE = 0.6  # outer rows (columns) fuller than this share of the fullest are the box's own
MAX_SKEW_DEGREES = 6.0
MAX_TONE_SPREAD = 24.0  # standard deviation of the box's dark grey levels: photos vary more
MIN_DARK_SHARE = 0.55  # a label printed on the box leaves holes; a frame leaves mostly holes

Pixels = NDArray[np.uint8]


@dataclass(frozen=True, slots=True)
class PixelBox:
    """A box found in a page image: pixel rows and columns (ends exclusive) and its look."""

    top: int
    left: int
    bottom: int
    right: int
    dark_share: float  # share of pixels inside the outline that are dark: 1.0 for a plain bar
    skew: float  # degrees from level

    def to_points(self, scale: float) -> tuple[float, float, float, float]:
        """The box in page points, for an image of `scale` points per pixel."""
        return (self.left * scale, self.top * scale, self.right * scale, self.bottom * scale)


@dataclass(frozen=True, slots=True)
class _Outline:
    box: PixelBox
    fill: float
    tone_spread: float


def find_dark_boxes(pixels: Pixels, scale: float) -> list[PixelBox]:
    """Every solid dark rectangle in a grayscale image of `scale` page points per pixel."""
    from scipy import ndimage  # a quarter second to import: only once a scan needs it

    dark = pixels < DARK_LEVEL
    window = window_pixels(scale)
    share = ndimage.uniform_filter(dark.astype(np.float32), size=window, mode="constant")
    labels, _count = ndimage.label(share >= CORE_SHARE)
    found: list[PixelBox] = []
    heavy: list[tuple[slice, slice]] = []  # solid areas that are not boxes: bold letters, pictures
    for number, core in enumerate(ndimage.find_objects(labels), start=1):
        if core is None:
            continue
        outline = None
        if _core_big_enough(core, window, scale):
            outline = _outline(number, core, labels, share, pixels, window)
        if outline is not None and _looks_like_box(outline, pixels.shape, scale):
            found.append(outline.box)
        elif max(core[0].stop - core[0].start, core[1].stop - core[1].start) >= window:
            heavy.append(core)  # not the specks of bar left between a label's letters
    boxes = [box for box in found if not _among_heavy_letters(box, heavy, scale)]
    return sorted(_join_labelled_bars(boxes, dark), key=lambda b: (b.top, b.left))


def window_pixels(scale: float) -> int:
    """The odd window size, in pixels, that spans WINDOW_PT points."""
    size = max(3, round(WINDOW_PT / scale))
    return size if size % 2 else size + 1


def dark_mask(pixels: Pixels) -> NDArray[np.bool_]:
    """Which pixels are ink."""
    return pixels < DARK_LEVEL


def _core_big_enough(core: tuple[slice, slice], window: int, scale: float) -> bool:
    rows, cols = core
    height = (rows.stop - rows.start + window - 1) * scale
    width = (cols.stop - cols.start + window - 1) * scale
    return height >= MIN_HEIGHT_PT and width >= MIN_WIDTH_PT


def _outline(
    number: int,
    core: tuple[slice, slice],
    labels: NDArray[np.int32],
    share: NDArray[np.float32],
    pixels: Pixels,
    window: int,
) -> _Outline | None:
    """Grow a core back out to its edges, fill its holes and measure it."""
    from scipy import ndimage  # a quarter second to import: only once a scan needs it

    region = _grown(core, 2 * window, pixels.shape)
    own = labels[region] == number
    square = np.ones((window, window), bool)
    reach = ndimage.binary_dilation(own, structure=square, iterations=2)
    edges = ndimage.binary_fill_holes(reach & (share[region] >= EDGE_SHARE))
    # Opening trims letters that touch the box without rounding the box's own corners.
    filled = ndimage.binary_opening(edges, structure=square)
    rows, cols = np.nonzero(filled)
    if rows.size == 0:
        return None
    fill, skew = rectangularity(cols, rows)
    if skew == 0.0:
        filled = _without_fringe(filled)
        rows, cols = np.nonzero(filled)
        fill = rows.size / ((np.ptp(rows) + 1) * (np.ptp(cols) + 1))
    inside = pixels[region][filled]
    core_tones = pixels[region][own]  # the core keeps clear of anti-aliased edges
    dark_core = core_tones[core_tones < DARK_LEVEL]
    top, left = region[0].start, region[1].start
    box = PixelBox(
        top=top + int(rows.min()),
        left=left + int(cols.min()),
        bottom=top + int(rows.max()) + 1,
        right=left + int(cols.max()) + 1,
        dark_share=float(np.count_nonzero(inside < DARK_LEVEL) / inside.size),
        skew=skew,
    )
    spread = float(dark_core.std()) if dark_core.size else 255.0
    return _Outline(box, fill, spread)


def _without_fringe(mask: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """Drop thin outer rows and columns: the tops of letters peeping out from under a bar.

    ▖▗ ▖▗▗ ▖      <- ascenders above the bar: a row far emptier than the bar's own rows
    ████████
    """
    kept = mask.copy()
    for axis in (0, 1):
        counts = np.count_nonzero(kept, axis=1 - axis)
        solid = np.flatnonzero(counts >= FRINGE_SHARE * counts.max())
        if axis == 0:
            kept[: solid[0]] = False
            kept[solid[-1] + 1 :] = False
        else:
            kept[:, : solid[0]] = False
            kept[:, solid[-1] + 1 :] = False
    return kept


def _grown(core: tuple[slice, slice], by: int, shape: tuple[int, ...]) -> tuple[slice, slice]:
    rows, cols = core
    return (
        slice(max(0, rows.start - by), min(shape[0], rows.stop + by)),
        slice(max(0, cols.start - by), min(shape[1], cols.stop + by)),
    )


def rectangularity(xs: NDArray[np.intp], ys: NDArray[np.intp]) -> tuple[float, float]:
    """How fully the points fill their best-fitting rectangle, and that rectangle's tilt.

    Tried level and along the points' main axis, so a slightly skewed bar still fills its
    rectangle; the tilt is 0.0 when the level rectangle fits as well.
    """
    area = xs.size
    level = area / ((np.ptp(xs) + 1) * (np.ptp(ys) + 1))
    cx = xs - xs.mean()
    cy = ys - ys.mean()
    angle = 0.5 * math.atan2(
        2 * float((cx * cy).mean()), float((cx * cx).mean() - (cy * cy).mean())
    )
    cos, sin = math.cos(angle), math.sin(angle)
    u = cx * cos + cy * sin
    v = cy * cos - cx * sin
    tilted = area / ((np.ptp(u) + 1) * (np.ptp(v) + 1))
    if level >= tilted:
        return float(level), 0.0
    degrees = math.degrees(angle)
    return float(tilted), (degrees + 45.0) % 90.0 - 45.0


def _looks_like_box(outline: _Outline, shape: tuple[int, ...], scale: float) -> bool:
    box = outline.box
    return (
        (box.right - box.left) * scale >= MIN_WIDTH_PT
        and (box.bottom - box.top) * scale >= MIN_HEIGHT_PT
        and (box.right - box.left) * (box.bottom - box.top) * scale * scale >= MIN_AREA_PT2
        and outline.fill >= MIN_FILL
        and abs(box.skew) <= MAX_SKEW_DEGREES
        and outline.tone_spread <= MAX_TONE_SPREAD
        and box.dark_share >= MIN_DARK_SHARE
        and not _touches_edge(box, shape)
    )


def _join_labelled_bars(boxes: list[PixelBox], dark: NDArray[np.bool_]) -> list[PixelBox]:
    """Join the pieces of one bar that a label printed across it cut apart.

    ████ REDACTED s.40 ████     <- three solid pieces, one bar: dark above and below
                                   the label, not paper, between the pieces
    """
    joined: list[PixelBox] = []
    for box in sorted(boxes, key=lambda b: b.left):
        for index, earlier in enumerate(joined):
            if _one_bar(earlier, box, dark):
                joined[index] = _union(earlier, box, dark)
                break
        else:
            joined.append(box)
    return joined


def _one_bar(left: PixelBox, right: PixelBox, dark: NDArray[np.bool_]) -> bool:
    height = max(left.bottom - left.top, right.bottom - right.top)
    level = abs(left.top - right.top) + abs(left.bottom - right.bottom) <= 0.3 * height
    if not level or right.left - left.right > 4 * height:
        return False
    top, bottom = min(left.top, right.top), max(left.bottom, right.bottom)
    between = dark[top:bottom, left.right : max(right.left, left.right + 1)]
    band = max(1, round(0.15 * height))
    edges = np.concatenate((between[:band], between[-band:]))
    return bool(edges.mean() >= 0.8 and between.mean() >= 0.5)


def _union(a: PixelBox, b: PixelBox, dark: NDArray[np.bool_]) -> PixelBox:
    top, left = min(a.top, b.top), min(a.left, b.left)
    bottom, right = max(a.bottom, b.bottom), max(a.right, b.right)
    share = float(dark[top:bottom, left:right].mean())
    return PixelBox(
        top, left, bottom, right, share, a.skew if abs(a.skew) > abs(b.skew) else b.skew
    )


def _among_heavy_letters(box: PixelBox, heavy: list[tuple[slice, slice]], scale: float) -> bool:
    """A small block with other solid, non-box shapes close by is a piece of something else.

        ▐█▌ █▀▀ ███ ▐█▌      <- the square middle of a heavy letter, next to its neighbours;
                                 or a dark patch of a photograph, among other dark patches

    Body text leaves no solid shapes at all, so a bar over it has no such neighbours.
    """
    height = box.bottom - box.top
    if (box.right - box.left) * height * scale * scale > MAX_LETTER_AREA_PT2:
        return False
    reach = max(2 * height, round(MIN_WIDTH_PT / scale))
    top, bottom = box.top - reach, box.bottom + reach
    left, right = box.left - reach, box.right + reach
    return any(
        rows.start < bottom and rows.stop > top and cols.start < right and cols.stop > left
        for rows, cols in heavy
    )


def _touches_edge(box: PixelBox, shape: tuple[int, ...]) -> bool:
    """Scanner shadows and black borders run off the page; redaction boxes sit inside it."""
    return box.top <= 0 or box.left <= 0 or box.bottom >= shape[0] or box.right >= shape[1]
