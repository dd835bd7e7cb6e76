"""A redaction inventory as one self-contained, printable HTML page to attach to an appeal.

The page is rendered by `templates/inventory.html.j2` with autoescaping on. Every piece of
document text (paths, markers, context, leaked text, warnings) goes through `textsafe` first, so
control characters and bidi overrides show as visible symbols; escaping keeps `<`, `>` and `&`
literal. The views it reads are in `inventory_view.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from redactview import __version__
from redactview.detectors.exemption_names import EIR, FOIA, FOISA, US_FOIA, exemption_name
from redactview.inventory_view import (
    KIND_NOTES,
    MARKER_LIMIT,
    NO_EXEMPTION,
    SOURCE_NOTES,
    CitedView,
    CountRow,
    DocumentView,
    ErrorView,
    ExemptionName,
    RedactionView,
)
from redactview.model import DocumentReport, Exemption, ExemptionSource, Inventory, Kind, Redaction
from redactview.textsafe import printable, printable_line


def inventory_html(inventory: Inventory) -> str:
    """The inventory as one standalone HTML page (autoescaped: document text is never markup)."""
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("redactview", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    documents = [document_view(report, k) for k, report in enumerate(inventory.documents, 1)]
    errors = [ErrorView(safe_line(e.path), safe_line(e.error)) for e in inventory.errors]
    return environment.get_template("inventory.html.j2").render(
        documents=documents,
        errors=errors,
        total=sum(d.total for d in documents),
        leaky=sum(d.leaky for d in documents),
        uncited=sum(d.uncited for d in documents),
        version=__version__,
    )


def document_view(report: DocumentReport, number: int) -> DocumentView:
    """What the page shows of one document; `number` makes its anchor."""
    summary = report.summary()
    names = NameBook(report.exemptions_cited)
    in_order = sorted(report.redactions, key=lambda r: r.page)  # stable: reading order in a page
    return DocumentView(
        anchor=f"doc-{number}",
        path=safe_line(report.path),
        format=str(report.format),
        pages=report.pages,
        sha256=report.sha256,
        warnings=tuple(safe_line(w) for w in report.warnings),
        total=summary.total,
        leaky=summary.leaky,
        uncited=summary.by_exemption.get(NO_EXEMPTION, 0),
        by_kind=tuple(
            CountRow(kind, KIND_NOTES.get(kind, ""), n) for kind, n in summary.by_kind.items()
        ),
        by_exemption=exemption_rows(summary.by_exemption, names, _guessed(report.redactions)),
        cited=cited_views(report.exemptions_cited, report.redactions),
        redactions=tuple(redaction_view(r, k, names) for k, r in enumerate(in_order, 1)),
    )


class NameBook:
    """The names of exemption codes: as the document's citations give them, else the usual one."""

    def __init__(self, cited: Iterable[Exemption]) -> None:
        self._names = {e.code: e.name for e in cited if e.name}

    def name(self, code: str) -> str:
        """The name of one canonical code, or ""."""
        return self._names.get(code) or exemption_name(code, regime_of(code))

    def names(self, codes: str | None) -> tuple[ExemptionName, ...]:
        """Each code of a redaction's exemption ("s.40(2), s.31(1)(a)") with its name."""
        return tuple(
            ExemptionName(safe_line(c), safe_line(self.name(c))) for c in split_codes(codes)
        )


def split_codes(codes: str | None) -> list[str]:
    """The canonical codes in a redaction's exemption, which joins several with ", "."""
    return [code.strip() for code in (codes or "").split(", ") if code.strip()]


def regime_of(code: str) -> str:
    """The regime a canonical code belongs to, told from how it is written."""
    if code.startswith("FOISA "):
        return FOISA
    if code.startswith("reg."):
        return EIR
    if code.startswith("(b)"):
        return US_FOIA
    return FOIA


# Sources that link an exemption by a guess: what was hidden, or a sentence a few lines away.
GUESSES = frozenset({ExemptionSource.INFERRED, ExemptionSource.NEARBY})


def exemption_rows(
    by_exemption: dict[str, int], names: NameBook, guessed: dict[str, int]
) -> tuple[CountRow, ...]:
    """The summary's count per exemption cited, each with its name and how many of the count
    are guesses; uncited ones left out."""
    rows = []
    for codes, count in by_exemption.items():
        if codes != NO_EXEMPTION:
            label = "; ".join(n.name or "name not known" for n in names.names(codes))
            rows.append(CountRow(safe_line(codes), label, count, guessed.get(codes, 0)))
    return tuple(rows)


def _guessed(redactions: Iterable[Redaction]) -> dict[str, int]:
    """How many redactions carry each exemption (as written, codes joined) only as a guess."""
    counts: dict[str, int] = {}
    for r in redactions:
        if r.exemption and r.exemption_source in GUESSES:
            counts[r.exemption] = counts.get(r.exemption, 0) + 1
    return counts


def cited_views(
    cited: Sequence[Exemption], redactions: Sequence[Redaction]
) -> tuple[CitedView, ...]:
    """The exemptions the document cites, one per code in order of first citation."""
    applied: dict[str, int] = {}
    guessed: dict[str, int] = {}
    for redaction in redactions:
        guess = redaction.exemption_source in GUESSES
        for code in set(split_codes(redaction.exemption)):
            applied[code] = applied.get(code, 0) + 1
            guessed[code] = guessed.get(code, 0) + guess
    codes = dict.fromkeys(e.code for e in cited)
    return tuple(
        _cited_view([e for e in cited if e.code == c], applied.get(c, 0), guessed.get(c, 0))
        for c in codes
    )


def _cited_view(citations: list[Exemption], applied: int, guessed: int) -> CitedView:
    first = citations[0]
    places = (f"p.{e.page}" + (f" l.{e.line}" if e.line is not None else "") for e in citations)
    return CitedView(
        code=safe_line(first.code),
        name=safe_line(first.name),
        regime=safe_line(first.regime),
        places=tuple(dict.fromkeys(places)),
        printed=tuple(dict.fromkeys(safe_line(e.text) for e in citations)),
        applied=applied,
        guessed=guessed,
    )


def redaction_view(r: Redaction, number: int, names: NameBook) -> RedactionView:
    """One redaction as a row of the page."""
    source = r.exemption_source
    return RedactionView(
        number=number,
        id=r.id,
        page=r.page,
        line=r.line,
        location=location(r),
        kind=str(r.kind),
        kind_note=KIND_NOTES.get(r.kind, ""),
        marker=safe_line(r.marker[:MARKER_LIMIT]),
        marker_length=len(r.marker),
        marker_cut=len(r.marker) > MARKER_LIMIT,
        placeholder="blank" if r.kind == Kind.MISSING_VALUE else "no text marker",
        before=safe(r.context_before),
        after=safe(r.context_after),
        field=safe_line(r.field or ""),
        est_chars=r.est_chars,
        confidence=percent(r.confidence),
        exemptions=names.names(r.exemption),
        source="" if source is None else str(source),
        source_note="" if source is None else SOURCE_NOTES.get(source, ""),
        exemption_confidence=percent(r.exemption_confidence),
        leaky=r.leaky,
        leaked_text=safe(r.leaked_text or ""),
    )


def location(r: Redaction) -> str:
    """Where to find a redaction beyond page and line: its offsets, else its box on the page."""
    if r.start is not None and r.end is not None:
        return f"offsets {r.start}–{r.end}"
    if r.bbox is not None:
        x0, y0, x1, y1 = (round(v) for v in r.bbox)
        return f"box ({x0}, {y0})–({x1}, {y1}) pt"
    return ""


def percent(value: float | None) -> str:
    """A 0–1 confidence as a whole percentage, or "" when there is none."""
    return "" if value is None else f"{round(value * 100)}%"


def safe(text: str) -> str:
    """Document text to show: controls visible, page breaks as new lines, no lone surrogates."""
    return _whole(printable(text.replace("\f", "\n")))


def safe_line(text: str) -> str:
    """Document text for one line (a path, a marker, a table cell): every control made visible."""
    return _whole(printable_line(text))


def _whole(text: str) -> str:
    """Text that encodes as UTF-8: a lone surrogate becomes U+FFFD, a split pair is rejoined."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
