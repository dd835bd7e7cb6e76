"""Whether a PDF page can hold anything that hides text, read from its content stream alone.

Reading a page's drawings runs the whole page through MuPDF a second time, and most pages of
a text release draw nothing: their content is text operators only. A path cannot be painted
without a path operator, nor an image placed without `Do` or `BI`, so a page whose content
uses none of them (nor a shading, soft mask or pattern), and that carries no annotation or
form field, has no shapes to read:

    BT /F1 9 Tf 50 792 Td (Contract value: £*****) Tj ET     <- text only: nothing drawn
    q 0 0 0 rg 120 700 80 12 re f Q                          <- `re` and `f`: a drawing

Anything doubtful (a stream that cannot be read, strings the scan cannot skip cleanly) counts
as a page that may draw, so the shortcut never hides a box.
"""

from __future__ import annotations

import re

import pymupdf

_MAX_STREAMS = 4  # content streams read at most: each costs a round trip through MuPDF
_MAX_BYTES = 1_000_000  # a longer page content is not scanned here: its drawings are read
_DELIMITERS = b"()<>[]{}/%"
_SPACES = b"\x00\t\n\x0c\r "
_AS_SPACES = bytes.maketrans(_DELIMITERS + b"\x00", b" " * (len(_DELIMITERS) + 1))
# Path construction and painting, clipping, forms and images (Do), inline images, shadings,
# and graphics states: a soft mask holds paths of its own, which MuPDF lists as drawings.
_OPERATORS = frozenset(b"re m l c v y h S s F n W W* f f* B B* b b* Do BI sh gs".split())
# A pattern chosen by name for filling: its cell's paths are listed too, even under text.
_PATTERN = re.compile(
    rb"/[^" + re.escape(_DELIMITERS + _SPACES) + rb"]*[" + re.escape(_SPACES) + rb"]+(?:scn|SCN)"
    rb"(?![^" + re.escape(_DELIMITERS + _SPACES) + rb"])"
)
# What can hold operator-like words without being operators: literal strings (with one level
# of nested parentheses), hex strings and comments.
_NOT_OPERATORS = re.compile(
    rb"\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)|<[0-9A-Fa-f\x00\t\n\x0c\r ]*>|%[^\r\n]*",
    re.DOTALL,
)


def may_draw(page: pymupdf.Page) -> bool:
    """False only when the page certainly has no drawing, image or annotation, only text."""
    if page.first_annot is not None or page.first_widget is not None:
        return True  # appearance streams are drawn with the page
    try:
        if len(page.get_contents()) > _MAX_STREAMS:
            return True  # reading many streams costs about as much as reading the drawings
        content = page.read_contents()
    except Exception:  # MuPDF raises plain RuntimeError/ValueError on damaged objects
        return True  # let the drawings be read, and their failure reported, as before
    return len(content) > _MAX_BYTES or has_drawing_operators(content)


def has_drawing_operators(content: bytes) -> bool:
    """True when a content stream may paint a path, call a form or image, or set a soft mask."""
    if not _has_operators(content):
        return False  # not even inside a string: the cheap answer for plain text pages
    code = _NOT_OPERATORS.sub(b" ", content)
    if b"(" in code or b")" in code:
        return True  # strings nested too deep to skip: do not guess
    if b"<" in code.replace(b"<<", b"") or b">" in code.replace(b">>", b""):
        return True  # a malformed hex string, which MuPDF may read differently: do not guess
    return _has_operators(code)


def _has_operators(content: bytes) -> bool:
    """True when any word of the content, cut at spaces and delimiters, is a drawing operator."""
    if not _OPERATORS.isdisjoint(content.translate(_AS_SPACES).split()):
        return True
    has_colour_operator = b"scn" in content or b"SCN" in content
    return has_colour_operator and _PATTERN.search(content) is not None
