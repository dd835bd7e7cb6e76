"""Tesseract through PyMuPDF: find its language data and read the text of one page image."""

from __future__ import annotations

import functools
import glob
import math
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pymupdf

from redactview.loaders.assemble import RawLine
from redactview.model import BBox

OCR_LANGUAGE = "eng"
_TEXT_FLAGS = pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_PRESERVE_WHITESPACE
_TESSDATA_PLACES = (
    "/usr/share/tesseract-ocr/*/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/usr/local/share/tesseract-ocr/*/tessdata",
    "/opt/homebrew/share/tessdata",
    "/opt/local/share/tessdata",
)
MAX_OCR_PIXELS = 10_000_000  # A4 or US Letter at 300 dpi; bigger pages are read at less
_BLANK_MARGIN_PT = 1.0  # past a box's sides, where scanning leaves a grey fringe
_BLANK_SHARE, _BLANK_MAX_PT = 0.25, 3.0  # above and below a bar: letters it did not quite hide
_RESIDUE_SHARE, _RESIDUE_MAX_PT = 0.4, 5.0  # words centred this near a bar are what is left of it


@functools.cache
def find_tessdata(language: str = OCR_LANGUAGE) -> str | None:
    """Tesseract's language-data folder holding `language`, or None when OCR cannot run."""
    for folder in _tessdata_candidates():
        if (Path(folder) / f"{language}.traineddata").is_file():
            return folder
    try:
        folder = pymupdf.get_tessdata()  # asks the tesseract command where its data is
    except RuntimeError:
        return None
    return folder if (Path(folder) / f"{language}.traineddata").is_file() else None


def _tessdata_candidates() -> list[str]:
    places = [os.environ.get("TESSDATA_PREFIX", "")]
    for pattern in _TESSDATA_PLACES:
        places.extend(sorted(glob.glob(pattern), reverse=True))  # newest Tesseract first
    return [place for place in places if place]


def read_page_text(
    page: pymupdf.Page,
    *,
    dpi: int,
    tessdata: str,
    language: str = OCR_LANGUAGE,
    blank: Sequence[BBox] = (),
) -> list[RawLine]:
    """OCR the page rendered at `dpi`, boxes in `blank` painted white first; lines in points.

    Tesseract reads a black box as a run of junk letters; painted white, it reads as the gap
    it is, and the text either side keeps its place.
    """
    zoom = _ocr_zoom(page.rect, dpi)
    pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csRGB, alpha=False)
    bars = [pymupdf.Rect(box) * page.rotation_matrix for box in blank]  # as shown, upright
    _paint_white(pix, zoom, bars)
    layer = pix.pdfocr_tobytes(compress=False, language=language, tessdata=tessdata)
    with pymupdf.open(stream=layer, filetype="pdf") as ocr_doc:
        ocr_page = ocr_doc[0]
        scale = page.rect.width / ocr_page.rect.width
        unzoom = pymupdf.Matrix(scale, scale)
        data = ocr_page.get_textpage(flags=_TEXT_FLAGS, matrix=unzoom).extractDICT()
    from redactview.loaders.pdf import merge_rows  # pdf.py imports this package's readers

    lines = merge_rows(_visible_word_spans(data, bars))  # rows as a reader sees them, upright
    return lines if not page.rotation else _unrotated(lines, page.derotation_matrix)


def _unrotated(lines: list[RawLine], matrix: pymupdf.Matrix) -> list[RawLine]:
    """Lines read upright, with bboxes moved to unrotated page points like PyMuPDF's text."""

    def move(box: BBox) -> BBox:
        return tuple(pymupdf.Rect(box).transform(matrix))  # type: ignore[return-value]

    return [
        RawLine(
            line.text,
            move(line.bbox) if line.bbox else None,
            tuple(replace(span, bbox=move(span.bbox)) for span in line.spans),
        )
        for line in lines
    ]


def _ocr_zoom(rect: pymupdf.Rect, dpi: int) -> float:
    """Zoom for `dpi`, held to MAX_OCR_PIXELS: a picture with no resolution of its own counts
    each pixel as a point, and at 300 dpi would be drawn 17 times over for nothing."""
    zoom = dpi / 72.0
    pixels = abs(rect) * zoom * zoom
    return zoom if pixels <= MAX_OCR_PIXELS else zoom * math.sqrt(MAX_OCR_PIXELS / pixels)


def _paint_white(pix: pymupdf.Pixmap, zoom: float, bars: Sequence[pymupdf.Rect]) -> None:
    """Paint bars (upright page points) white on the page image drawn at `zoom`."""
    for bar in bars:
        area = _with_residue(bar) * pymupdf.Matrix(zoom, zoom)
        pix.set_rect(area.round() & pix.irect, (255, 255, 255))


def _with_residue(box: pymupdf.Rect) -> pymupdf.Rect:
    """The box and what a bar leaves of the letters it crosses, which Tesseract reads as junk.

    ' ' ‘ ` '          <- tops of hidden letters above a bar that is not quite tall enough
    ██████████
    , ;  ,             <- and their tails below it
    """
    reach = min(_BLANK_SHARE * box.height, _BLANK_MAX_PT)
    side = _BLANK_MARGIN_PT
    return pymupdf.Rect(box.x0 - side, box.y0 - reach, box.x1 + side, box.y1 + reach)


def _visible_word_spans(
    data: dict[str, Any], bars: Sequence[pymupdf.Rect]
) -> list[list[dict[str, Any]]]:
    """The OCR layer's lines as lists of word spans, marked visible: the words are in the image.

    Tesseract's layer is invisible text (so it can sit over the picture); here it is the page's
    only text and stands for what is printed, so it must not read as hidden text. Words read
    from the remains of letters a bar crossed are dropped.
    """
    lines = []
    for block in data.get("blocks", ()):
        for line in block.get("lines", ()):
            spans = [
                {**span, "alpha": 255}
                for span in line.get("spans", ())
                if span.get("text", "").strip() and not _is_residue(span["bbox"], bars)
            ]
            if spans:
                lines.append(spans)
    return lines


def _is_residue(bbox: BBox, bars: Sequence[pymupdf.Rect]) -> bool:
    """A word mostly across a bar and centred just above, on or below it: letters it cut."""
    x0, y0, x1, y1 = bbox
    middle = (y0 + y1) / 2
    for bar in bars:
        across = min(x1, bar.x1) - max(x0, bar.x0)
        reach = min(_RESIDUE_SHARE * bar.height, _RESIDUE_MAX_PT)
        if across >= 0.5 * (x1 - x0) and bar.y0 - reach <= middle <= bar.y1 + reach:
            return True
    return False
