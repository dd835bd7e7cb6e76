"""The content-stream shortcut: a page said to draw nothing really has no drawing to read.

`may_draw` lets the loader skip MuPDF's second pass over a page (its drawings). It may say
"may draw" too often (that only costs time), never too rarely (that would hide a box). Each
page below is built in code; when `may_draw` says no, PyMuPDF must find no drawing, image or
annotation on it either.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest

from redactview.loaders.pdf_content import has_drawing_operators, may_draw
from redactview.model import Kind
from redactview.scan import scan_file
from tests.fixtures.pdfs import box_over, draw_box, draw_rule, place_image, write_line

LINE = "Name: Jane Doe was paid"
Draw = Callable[[pymupdf.Page], None]


@pytest.mark.parametrize(
    ("content", "draws"),
    [
        (b"BT /F1 9 Tf 50 792 Td (Contract value: ***) Tj ET", False),
        (b"BT /F1 9 Tf [<464f49>]TJ T* [<6162>] TJ ET", False),
        (b"BT /F1 9 Tf (the re f and m l S words) Tj ET", False),  # words inside a string
        (b"BT [(Coun)-20(cil s)]TJ ET", False),
        (b"BT (a \\) re f) Tj ET", False),  # an escaped parenthesis does not end the string
        (b"BT (a (nested) re f) Tj ET", False),
        (b"% 0 0 m 10 10 l S\nBT (x) Tj ET", False),  # a comment
        (b"BT /Span <</ActualText (re f)>> BDC (x) Tj EMC ET", False),
        (b"0 0 0 scn BT (x) Tj ET", False),  # a plain colour
        (b"", False),
        (b"q 0 0 0 rg 120 700 80 12 re f Q", True),
        (b"120 700 80 12 re\nf*", True),
        (b"0 0 1 1 re\x00f", True),  # NUL is white space in PDF
        (b"10 10 m 20 20 l S", True),
        (b"10 10 m 20 20 l S(x)Tj", True),
        (b"0 0 612 792 re W n BT (x) Tj ET", True),  # a clip path
        (b"BT (a \\\\) Tj ET 1 1 m 2 2 l S", True),  # an escaped backslash ends the string
        (b"BT (a (b) c) Tj ET 0 0 m 5 5 l S", True),
        (b"BT (a (b (c) d) 50% e) Tj 0 0 m 5 5 l S", True),  # nested too deep: no guessing
        (b"% note (x\n0 0 m 10 10 l S (abc) Tj", True),
        (b"q 100 0 0 50 0 0 cm /Im1 Do Q", True),  # an image or a form
        (b"BI /W 1 /H 1 /CS /G /BPC 8 ID \x00 EI", True),  # an inline image
        (b"/Sh1 sh", True),
        (b"/GS1 gs BT (x) Tj ET", True),  # a soft mask has paths of its own
        (b"/Pattern cs /P1 scn BT (x) Tj ET", True),  # text filled with a pattern
        (b"/P1 SCN", True),
        (b"q 0 0 0 rg <%> 150 738 150 16 re f Q", True),  # a bad hex string, not a comment
        (b"BT <4a 6f> Tj ET", False),
    ],
)
def test_drawing_operators_are_found_outside_strings_only(content: bytes, draws: bool) -> None:
    assert has_drawing_operators(content) is draws


def _text(page: pymupdf.Page) -> None:
    write_line(page, LINE, y=100)
    write_line(page, "Contract value: £***** [REDACTED] s.43(2)", y=120)


def _box(page: pymupdf.Page) -> None:
    _text(page)
    draw_box(page, box_over(LINE, "Jane Doe", 100))


def _rule(page: pymupdf.Page) -> None:
    _text(page)
    draw_rule(page, (72, 130), (300, 130))


def _image(page: pymupdf.Page) -> None:
    _text(page)
    place_image(page, box_over(LINE, "Jane Doe", 100))


def _annotation(page: pymupdf.Page) -> None:
    _text(page)
    page.add_redact_annot(box_over(LINE, "Jane Doe", 100))


def _highlight(page: pymupdf.Page) -> None:
    _text(page)
    page.add_highlight_annot(box_over(LINE, "Jane Doe", 100))


def _widget(page: pymupdf.Page) -> None:
    _text(page)
    field = pymupdf.Widget()
    field.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    field.field_name = "name"
    field.rect = pymupdf.Rect(72, 200, 200, 220)
    field.fill_color = (0, 0, 0)
    page.add_widget(field)


def _many_streams(page: pymupdf.Page) -> None:
    for row in range(8):  # each insert adds a content stream of its own
        write_line(page, f"Line {row} of plain text", y=100 + 16 * row)


def _replace_content(page: pymupdf.Page, content: bytes, resources: str = "") -> None:
    """Give the page one content stream of our own, with extra resources if given."""
    doc = page.parent
    xref = doc.get_new_xref()
    doc.update_object(xref, "<<>>")
    doc.update_stream(xref, content)
    doc.xref_set_key(page.xref, "Contents", f"{xref} 0 R")
    if resources:
        doc.xref_set_key(page.xref, "Resources", resources)


def _literal_strings(page: pymupdf.Page) -> None:
    """Text written with literal strings holding words that look like path operators."""
    _replace_content(
        page,
        b"BT /F1 11 Tf 72 700 Td (Cut re f and m l S from the plan) Tj ET",
        "<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>",
    )


def _soft_mask(page: pymupdf.Page) -> None:
    """Text drawn under a soft mask whose group paints two rectangles."""
    doc = page.parent
    group = doc.get_new_xref()
    doc.update_object(
        group, "<</Type/XObject/Subtype/Form/BBox[0 0 595 842]/Group<</S/Transparency>>>>"
    )
    doc.update_stream(group, b"1 g 0 0 595 842 re f 0 g 72 690 100 20 re f")
    state = doc.get_new_xref()
    doc.update_object(state, f"<</Type/ExtGState/SMask<</S/Luminosity/G {group} 0 R>>>>")
    _replace_content(
        page,
        b"/GS1 gs BT /F1 11 Tf 72 700 Td (Jane Doe) Tj ET",
        "<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>"
        f"/ExtGState<</GS1 {state} 0 R>>>>",
    )


def _pattern_text(page: pymupdf.Page) -> None:
    """Text filled with a tiling pattern whose cell is a small square."""
    doc = page.parent
    pattern = doc.get_new_xref()
    doc.update_object(
        pattern,
        "<</Type/Pattern/PatternType 1/PaintType 1/TilingType 1/BBox[0 0 10 10]"
        "/XStep 10/YStep 10/Resources<<>>>>",
    )
    doc.update_stream(pattern, b"0 g 0 0 5 5 re f")
    _replace_content(
        page,
        b"/Pattern cs /P1 scn BT /F1 30 Tf 72 700 Td (Jane Doe) Tj ET",
        "<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>"
        f"/Pattern<</P1 {pattern} 0 R>>>>",
    )


def _form(page: pymupdf.Page) -> None:
    """Another page's content placed as a form XObject."""
    source = pymupdf.open()
    _box(source.new_page())
    page.show_pdf_page(page.rect, source, 0)


DRAWN: dict[str, Draw] = {
    "box": _box,
    "rule": _rule,
    "image": _image,
    "redact annotation": _annotation,
    "highlight annotation": _highlight,
    "form field": _widget,
    "soft mask": _soft_mask,
    "pattern text": _pattern_text,
    "form xobject": _form,
}
TEXT_ONLY: dict[str, Draw] = {
    "hex strings": _text,
    "literal strings": _literal_strings,
    "blank": lambda page: None,
}


def _saved(tmp_path: Path, draw: Draw) -> pymupdf.Document:
    """Draw on a fresh page, save the PDF and reopen it, as the loader would see it."""
    path = tmp_path / "page.pdf"
    with pymupdf.open() as doc:
        draw(doc.new_page())
        doc.save(path)
    return pymupdf.open(path)


@pytest.mark.parametrize("draw", DRAWN.values(), ids=DRAWN.keys())
def test_pages_with_something_drawn_are_read(tmp_path: Path, draw: Draw) -> None:
    with _saved(tmp_path, draw) as doc:
        page = doc[0]
        assert page.get_drawings() or page.get_images() or page.first_annot or page.first_widget
        assert may_draw(page)


@pytest.mark.parametrize("draw", TEXT_ONLY.values(), ids=TEXT_ONLY.keys())
def test_pages_of_text_only_skip_the_drawings(tmp_path: Path, draw: Draw) -> None:
    with _saved(tmp_path, draw) as doc:
        page = doc[0]
        assert not may_draw(page)
        assert page.get_drawings() == []
        assert page.get_images() == []
        assert page.first_annot is None


def test_many_content_streams_are_left_to_mupdf(tmp_path: Path) -> None:
    with _saved(tmp_path, _many_streams) as doc:
        page = doc[0]
        assert len(page.get_contents()) > 4
        assert may_draw(page)  # too many to read one by one: cheaper to ask for the drawings
        assert page.get_drawings() == []


def test_box_over_text_with_operator_words_is_still_found(tmp_path: Path) -> None:
    """Literal strings saying `re f` and a real box painted over them: the box leaks."""

    def draw(page: pymupdf.Page) -> None:
        _literal_strings(page)
        _replace_content(page, page.read_contents() + b" 0 g 72 696 80 14 re f")

    path = tmp_path / "mixed.pdf"
    with pymupdf.open() as doc:
        draw(doc.new_page())
        doc.save(path)
    (leak,) = scan_file(str(path)).redactions
    assert leak.kind == Kind.TEXT_UNDER_BOX
    assert leak.leaked_text is not None and leak.leaked_text.startswith("Cut re f")


def test_a_very_long_content_stream_is_left_to_mupdf(tmp_path: Path) -> None:
    """Megabytes of text operators are not split into words here: the drawings are read."""

    def draw(page: pymupdf.Page) -> None:
        _replace_content(page, b"BT /F1 9 Tf 50 792 Td " + b"(x) Tj " * 200_000 + b"ET")

    with _saved(tmp_path, draw) as doc:
        page = doc[0]
        assert len(page.read_contents()) > 1_000_000
        assert may_draw(page)
        assert page.get_drawings() == []
