"""The data that crosses redactview's layers: documents, pages, redactions, exemptions, changes.

Every offset (`start`, `end`) is a character offset into the document's text as printed by
`redactview text`: the pages' texts joined by a form feed. `end` is exclusive. Page and line
numbers are 1-based. A `bbox` is `(x0, y0, x1, y1)` in PDF points with the origin at the top
left of the page (PyMuPDF's convention), or None where a document has no geometry.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import accumulate, repeat
from operator import add
from typing import TYPE_CHECKING, Protocol, overload

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

BBox = tuple[float, float, float, float]
RGB = tuple[float, float, float]

PAGE_SEPARATOR = "\f"


class Format(StrEnum):
    """The kinds of input file redactview reads."""

    PDF = "pdf"
    TEXT = "text"
    IMAGE = "image"
    HTML = "html"
    DOCX = "docx"
    EMAIL = "email"


class Kind(StrEnum):
    """What a redaction looks like in the document."""

    ASTERISKS = "asterisks"
    BLOCKS = "blocks"
    X_MASK = "x_mask"
    LABEL = "label"
    TRUNCATION = "truncation"
    MISSING_VALUE = "missing_value"
    BOX = "box"
    ANNOTATION = "annotation"
    SCAN_BOX = "scan_box"
    # Leaky kinds: the redaction hides nothing, or not all of it.
    TEXT_UNDER_BOX = "text_under_box"
    WHITE_BOX = "white_box"
    INVISIBLE_TEXT = "invisible_text"
    UNAPPLIED_ANNOTATION = "unapplied_annotation"
    DARK_ANNOTATION = "dark_annotation"
    SAME_COLOUR_TEXT = "same_colour_text"


class ExemptionSource(StrEnum):
    """How a redaction's exemption was worked out, from surest to least sure."""

    LABEL = "label"  # the marker itself names it: [Redacted - s.40(2)]
    ADJACENT = "adjacent"  # a code printed beside the marker or on the same line
    SOLE_CITED = "sole_cited"  # the document cites only one exemption
    NEARBY = "nearby"  # a few lines off, a sentence withholds something under it
    INFERRED = "inferred"  # a guess from what was hidden (a name, a sum of money)


class ChangeType(StrEnum):
    """How a passage differs between two releases."""

    WITHHELD = "withheld"  # text in A, redacted in B
    REVEALED = "revealed"  # redacted in A, text in B
    BOTH_REDACTED = "both_redacted"
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text in one font on one line of a PDF or OCR page."""

    text: str
    start: int
    bbox: BBox
    size: float = 0.0
    font: str = ""
    color: int = 0  # sRGB as 0xRRGGBB
    invisible: bool = False  # render mode 3 or fully transparent: extractable, not visible

    @property
    def end(self) -> int:
        """Offset just past the span's last character."""
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a page's text, located in the document text and (when known) on the page."""

    number: int
    text: str
    start: int
    bbox: BBox | None = None
    spans: tuple[Span, ...] = ()

    @property
    def end(self) -> int:
        """Offset just past the line's last character (the newline is not part of the line)."""
        return self.start + len(self.text)


class TextLines(Sequence[Line]):
    """The lines of a page of bare text (its text cut at newlines), each made when it is read.

    A text release has tens of thousands of lines and most are never looked at one by one:
    detectors search the page text and ask only for the lines their findings sit on. Equal to
    the tuple of the same Lines.
    """

    __slots__ = ("_offsets", "_pieces", "_start")

    def __init__(self, text: str, start: int) -> None:
        pieces = text.split("\n")
        if not pieces[-1]:
            pieces.pop()  # the newline that ends the last line does not open another
        self._pieces = pieces
        self._start = start
        self._offsets: list[int] | None = None

    @property
    def start(self) -> int:
        """Offset of the first line in the document text."""
        return self._start

    def offsets(self) -> list[int]:
        """Each line's start, counted from the start of the page."""
        if self._offsets is None:
            lengths = map(add, map(len, self._pieces), repeat(1))
            self._offsets = list(accumulate(lengths, initial=0))[:-1]
        return self._offsets

    def lengths(self) -> list[int]:
        """Each line's length (its newline not counted)."""
        return list(map(len, self._pieces))

    def __len__(self) -> int:
        return len(self._pieces)

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Line, ...]: ...

    def __getitem__(self, index: int | slice) -> Line | tuple[Line, ...]:
        if isinstance(index, slice):
            return tuple(map(self._line, range(len(self._pieces))[index]))
        if index < 0:
            index += len(self._pieces)
        if not 0 <= index < len(self._pieces):
            raise IndexError("line index out of range")
        return self._line(index)

    def __iter__(self) -> Iterator[Line]:
        return map(self._line, range(len(self._pieces)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TextLines | tuple):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"TextLines({len(self._pieces)} lines from {self._start})"

    def __reduce__(self) -> tuple[type[TextLines], tuple[str, int]]:
        text = "".join(piece + "\n" for piece in self._pieces)  # the text that splits back
        return TextLines, (text, self._start)

    def _line(self, index: int) -> Line:
        return Line(index + 1, self._pieces[index], self._start + self.offsets()[index])


@dataclass(frozen=True, slots=True)
class Shape:
    """Something drawn on a page that can hide text: a filled path, an image or an annotation.

    `covered_text` is the text still extractable from under it, which is what makes a box leaky.
    """

    source: str  # "path", "image", "annotation", "hatch" (crossed lines drawn over text), or
    # "scan" (a box burnt into the image of a searchable scan, with fill None)
    bbox: BBox
    fill: RGB | None = None
    opacity: float = 1.0
    covered_text: str = ""
    annotation: str | None = None  # annotation subtype: "Redact", "Highlight", "Square", "Ink"
    drawn_before_text: bool = False  # text painted after the shape shows on top of it
    seqno: int = -1  # paint order on the page; annotations paint after all page content
    label_text: str = ""  # visible text painted on top of the shape ("REDACTED", "s.40")
    same_colour_text: str = ""  # text on top in the shape's own colour: unreadable, not gone
    pieces: int = 1  # drawn shapes merged into this one
    solid: bool = True  # renders as one colour: nothing under it shows through


@dataclass(frozen=True, slots=True, eq=False)
class Raster:
    """A page rendered to grayscale for raster detectors: 0 is black, 255 white.

    Compared by identity (it holds an array). Pixel (row, col) covers page points
    `col * scale .. (col + 1) * scale` across and `row * scale ..` down.
    """

    pixels: NDArray[np.uint8]  # rows x columns
    scale: float  # page points per pixel

    def __repr__(self) -> str:
        rows, cols = self.pixels.shape[:2]
        return f"Raster({cols}x{rows} px, {self.scale:.3f} pt/px)"


@dataclass(frozen=True, slots=True)
class Page:
    """One page: its text, its lines and what is drawn on it."""

    number: int
    text: str
    start: int
    lines: Sequence[Line] = ()  # a tuple, or TextLines for a page of bare text
    width: float | None = None
    height: float | None = None
    shapes: tuple[Shape, ...] = ()
    scanned: bool = False  # the page is an image with no text layer of its own
    ocr: bool = False  # the page's text came from OCR
    warnings: tuple[str, ...] = ()
    rules: tuple[BBox, ...] = ()  # thin horizontal and vertical lines: table rules, underlines
    text_over_image: bool = False  # invisible text laid over a page image, as in an OCR'd scan
    raster: Raster | None = None  # scanned pages: the page image, for raster detectors

    @property
    def end(self) -> int:
        """Offset just past the page's text."""
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What is known about a document before reading its pages."""

    path: str
    sha256: str
    format: Format
    page_count: int
    warnings: tuple[str, ...] = ()


class PageSource(Protocol):
    """A loader's handle on an open file: it reads one page at a time."""

    page_count: int

    def load_page(self, index: int, start: int) -> Page:
        """Read page `index` (0-based) whose text begins at offset `start`."""
        ...

    def close(self) -> None:
        """Release the file."""
        ...


class Document:
    """An opened document: its info and a lazy, streaming view of its pages."""

    def __init__(self, info: DocumentInfo, source: PageSource) -> None:
        self.info = info
        self._source = source

    def __enter__(self) -> Document:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the underlying file."""
        self._source.close()

    def iter_pages(self, indexes: range | None = None) -> Iterator[Page]:
        """Yield the pages in order, each loaded only when it is reached.

        Offsets count from the first page yielded: for a range that does not start at page 1,
        shift them by the length of the text before it (see `scan.merge_partials`).
        """
        start = 0
        for index in indexes if indexes is not None else range(self.info.page_count):
            page = self._source.load_page(index, start)
            yield page
            start = page.end + len(PAGE_SEPARATOR)

    def text(self) -> str:
        """The whole document text that offsets refer to."""
        return PAGE_SEPARATOR.join(page.text for page in self.iter_pages())


def redaction_id(kind: str, page: int, start: int | None, bbox: BBox | None, marker: str) -> str:
    """A short id that stays the same when the same file is scanned again."""
    box = ",".join(f"{v:.0f}" for v in bbox) if bbox else ""
    key = f"{kind}|{page}|{start}|{box}|{marker}"
    return "r-" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class Redaction:
    """One redaction found in a document, located by page and bbox and/or by text offsets."""

    kind: Kind
    page: int
    detector: str
    marker: str = ""
    start: int | None = None
    end: int | None = None
    line: int | None = None
    bbox: BBox | None = None
    context_before: str = ""
    context_after: str = ""
    exemption: str | None = None
    exemption_source: ExemptionSource | None = None
    leaked_text: str | None = None
    leaky: bool = False
    est_chars: int | None = None
    est_words: int | None = None
    confidence: float = 1.0
    field: str | None = None  # missing values: the label, or the row and column, left blank
    id: str = ""
    exemption_confidence: float | None = None  # how sure the exemption is: lower for weaker sources

    def __post_init__(self) -> None:
        if not self.id:
            rid = redaction_id(self.kind, self.page, self.start, self.bbox, self.marker)
            object.__setattr__(self, "id", rid)


@dataclass(frozen=True, slots=True)
class Exemption:
    """An exemption the document cites, normalised to one canonical code."""

    code: str  # "s.43(2)", "reg.12(4)(d)", "FOISA s.38(1)(b)", "(b)(7)(C)"
    name: str  # "Commercial interests"
    regime: str  # "FOIA", "EIR", "FOISA", "US FOIA"
    page: int
    start: int
    end: int
    text: str  # as printed in the document
    line: int | None = None  # 1-based line on the page where the citation begins
    # When its sentence withholds something under it ("withheld under s.31"): the lines of the
    # page it may speak for (its paragraph and the ones either side, six lines at most).
    reach: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts over one document's redactions."""

    total: int
    leaky: int
    by_kind: dict[str, int]
    by_exemption: dict[str, int]


@dataclass(frozen=True, slots=True)
class DocumentReport:
    """The scan of one document: what it cites and every redaction found in it."""

    path: str
    sha256: str
    format: Format
    pages: int
    exemptions_cited: tuple[Exemption, ...] = ()
    redactions: tuple[Redaction, ...] = ()
    warnings: tuple[str, ...] = ()

    def summary(self) -> Summary:
        """Count the redactions by kind, by exemption and by leakiness."""
        kinds = Counter(str(r.kind) for r in self.redactions)
        exemptions = Counter(r.exemption or "unknown" for r in self.redactions)
        return Summary(
            total=len(self.redactions),
            leaky=sum(r.leaky for r in self.redactions),
            by_kind=dict(sorted(kinds.items())),
            by_exemption=dict(sorted(exemptions.items())),
        )


@dataclass(frozen=True, slots=True)
class ScanError:
    """A file that could not be read, and the one-line reason."""

    path: str
    error: str


@dataclass(frozen=True, slots=True)
class Inventory:
    """The result of scanning one or more files."""

    documents: tuple[DocumentReport, ...] = ()
    errors: tuple[ScanError, ...] = field(default=())
    skipped: tuple[str, ...] = ()  # reports redactview wrote, found in a folder: not releases


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of one release's text."""

    page: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class RedactionRef:
    """The redaction a disclosed passage faces in the other release."""

    kind: str
    marker: str
    exemption: str | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between two releases of the same document."""

    type: ChangeType
    a: Passage | None
    b: Passage | None
    redaction: RedactionRef | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two releases aligned: what each is, every change between them, and how alike they are.

    `counts` holds one entry per ChangeType value. `similarity` runs from 0 (unrelated) to 1;
    `related` is False when the documents share too little to be releases of one document, in
    which case `changes` is empty rather than a list of noise.
    """

    a: DocumentInfo
    b: DocumentInfo
    changes: tuple[Change, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)
    similarity: float = 0.0
    related: bool = True
