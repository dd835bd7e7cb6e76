"""Tesseract through PyMuPDF: find its language data and read the text of one page image."""

from __future__ import annotations

import functools
import glob
import os
from collections.abc import Sequence
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
_BLANK_MARGIN_PT = 1.0  # blank a little past a box's edge, where scanning leaves a grey fringe


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
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csRGB, alpha=False)
    _paint_white(pix, page.rect, blank)
    layer = pix.pdfocr_tobytes(compress=False, language=language, tessdata=tessdata)
    with pymupdf.open(stream=layer, filetype="pdf") as ocr_doc:
        ocr_page = ocr_doc[0]
        unzoom = page.rect.width / ocr_page.rect.width
        textpage = ocr_page.get_textpage(flags=_TEXT_FLAGS, matrix=pymupdf.Matrix(unzoom, unzoom))
        data = textpage.extractDICT()
    from redactview.loaders.pdf import merge_rows  # pdf.py imports this package's readers

    return merge_rows(_visible_word_spans(data))


def _paint_white(pix: pymupdf.Pixmap, rect: pymupdf.Rect, boxes: Sequence[BBox]) -> None:
    sx, sy = pix.width / rect.width, pix.height / rect.height
    for x0, y0, x1, y1 in boxes:
        m = _BLANK_MARGIN_PT
        area = pymupdf.IRect(
            int((x0 - m) * sx), int((y0 - m) * sy), int((x1 + m) * sx) + 1, int((y1 + m) * sy) + 1
        )
        pix.set_rect(area & pix.irect, (255, 255, 255))


def _visible_word_spans(data: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """The OCR layer's lines as lists of word spans, marked visible: the words are in the image.

    Tesseract's layer is invisible text (so it can sit over the picture); here it is the page's
    only text and stands for what is printed, so it must not read as hidden text.
    """
    lines = []
    for block in data.get("blocks", ()):
        for line in block.get("lines", ()):
            spans = [
                {**span, "alpha": 255}
                for span in line.get("spans", ())
                if span.get("text", "").strip()
            ]
            if spans:
                lines.append(spans)
    return lines
