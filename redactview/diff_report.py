"""A comparison of releases as text for a terminal, as the JSON contract, or as an HTML page."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from redactview.align.multi import Disclosure
from redactview.align.result import DiffResult
from redactview.errors import ExportError
from redactview.model import Change, ChangeType, Comparison, Passage, RedactionRef
from redactview.textsafe import printable, printable_line

DIFF_SCHEMA = "redactview.diff/1"
DIFF_FORMATS = ("text", "json", "html")

Paint = Callable[[str, str], str]
_COLOURS = {"a": "\x1b[31m", "b": "\x1b[32m", "head": "\x1b[1m", "dim": "\x1b[2m", "off": "\x1b[0m"}


def render_diff(result: DiffResult, fmt: str, colour: bool = False) -> str:
    """The result as text in one of DIFF_FORMATS; colour (text only) adds terminal colours."""
    if fmt == "json":
        return diff_json(result)
    if fmt == "html":
        return diff_html(result)
    if fmt == "text":
        return diff_text(result, colour)
    raise ExportError(f"unknown diff format {fmt!r}: use one of {', '.join(DIFF_FORMATS)}")


def passage_record(passage: Passage | None) -> dict[str, Any] | None:
    """One side of a change as the JSON contract's object."""
    if passage is None:
        return None
    return {"page": passage.page, "start": passage.start, "end": passage.end, "text": passage.text}


def redaction_record(ref: RedactionRef | None) -> dict[str, Any] | None:
    """The redaction a change faces, as the JSON contract's object."""
    if ref is None:
        return None
    return {"kind": ref.kind, "marker": ref.marker, "exemption": ref.exemption}


def unchanged_redaction(change: Change) -> bool:
    """Whether a change is the same marker at the same place in both releases: counted as
    both_redacted, but no difference a reader needs to see."""
    if change.type != ChangeType.BOTH_REDACTED or change.a is None or change.b is None:
        return False
    return change.a.text.split() == change.b.text.split()


def change_record(change: Change, pair: tuple[int, int]) -> dict[str, Any]:
    """One change as the JSON contract's object; `pair` indexes the two documents it is between."""
    record: dict[str, Any] = {
        "type": str(change.type),
        "pair": list(pair),
        "a": passage_record(change.a),
        "b": passage_record(change.b),
        "redaction": redaction_record(change.redaction),
    }
    if change.type == ChangeType.BOTH_REDACTED:
        record["unchanged"] = unchanged_redaction(change)
    return record


def summary_record(comparisons: tuple[Comparison, ...]) -> dict[str, Any]:
    """Change counts over every comparison, the lowest similarity, and whether all are related."""
    totals: dict[str, int] = {}
    for comparison in comparisons:
        for kind, count in comparison.counts.items():
            totals[kind] = totals.get(kind, 0) + count
    return {
        **totals,
        "similarity": min(c.similarity for c in comparisons),
        "related": all(c.related for c in comparisons),
    }


def disclosure_record(item: Disclosure) -> dict[str, Any]:
    """A tracked passage: where it is in the first release and what each release did with it."""
    return {
        **(passage_record(item.passage) or {}),
        "status": list(item.status),
        "disclosed_in": list(item.disclosed_in),
        "redacted_in": list(item.redacted_in),
        "recovered": None if item.text is None else {"text": item.text, "document": item.source},
    }


def diff_json(result: DiffResult) -> str:
    """The result as the documented JSON contract (schema redactview.diff/1)."""
    data: dict[str, Any] = {
        "schema": DIFF_SCHEMA,
        "documents": [
            {
                "path": r.info.path,
                "sha256": r.info.sha256,
                "pages": r.info.page_count,
                "format": str(r.info.format),
            }
            for r in result.releases
        ],
        "summary": summary_record(result.comparisons),
        "comparisons": [
            {"a": 0, "b": k, "similarity": c.similarity, "related": c.related, **c.counts}
            for k, c in enumerate(result.comparisons, 1)
        ],
        "changes": [
            change_record(change, (0, k))
            for k, comparison in enumerate(result.comparisons, 1)
            for change in comparison.changes
        ],
    }
    if len(result.releases) > 2:
        data["passages"] = [disclosure_record(item) for item in result.disclosures]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def diff_text(result: DiffResult, colour: bool = False) -> str:
    """A readable unified view of each change, then (3+ releases) who disclosed what."""
    paint = _painter(colour)
    out: list[str] = []
    for k, comparison in enumerate(result.comparisons, 1):
        out.extend(_comparison_text(comparison, k, paint))
    if len(result.releases) > 2:
        out.extend(_disclosures_text(result, paint))
    return "\n".join(out) + "\n"


def _painter(colour: bool) -> Paint:
    def paint(style: str, text: str) -> str:
        return f"{_COLOURS[style]}{text}{_COLOURS['off']}" if colour else text

    return paint


def _comparison_text(comparison: Comparison, k: int, paint: Paint) -> list[str]:
    head = f"R1 {printable_line(comparison.a.path)} → R{k + 1} {printable_line(comparison.b.path)}"
    counts = ", ".join(f"{n} {kind}" for kind, n in comparison.counts.items() if n)
    out = [paint("head", head), f"similarity {comparison.similarity:.1%}; {counts or 'no changes'}"]
    if not comparison.related:
        out.append("These documents look unrelated: no changes are listed.")
    if same := unchanged_count(comparison):
        out.append(f"{same} redacted the same way in both (counted as both_redacted), not listed.")
    for change in comparison.changes:
        if not unchanged_redaction(change):
            out.append("")
            out.extend(_change_text(change, paint))
    out.append("")
    return out


def unchanged_count(comparison: Comparison) -> int:
    """How many of a comparison's changes are unchanged redactions (not listed in text or HTML)."""
    return sum(1 for change in comparison.changes if unchanged_redaction(change))


def _change_text(change: Change, paint: Paint) -> list[str]:
    where = "  ".join(
        f"{side} p.{p.page} [{p.start}:{p.end}]"
        for side, p in (("A", change.a), ("B", change.b))
        if p is not None
    )
    line = f"{change.type}  {where}"
    if change.redaction is not None:
        ref = change.redaction
        line += f"  ({ref.kind}{', ' + printable_line(ref.exemption) if ref.exemption else ''})"
    out = [paint("head", line)]
    for sign, style, side in (("- ", "a", change.a), ("+ ", "b", change.b)):
        if side is not None:
            out.append(paint(style, sign + _block(shown_text(side.text, change.redaction))))
    return out


def shown_text(text: str, ref: RedactionRef | None) -> str:
    """A passage as shown: a box that leaves only blank space shows as its marker."""
    return text if text.strip() or ref is None else ref.marker


def _disclosures_text(result: DiffResult, paint: Paint) -> list[str]:
    out = [paint("head", "Redacted passages of R1 and which releases disclosed them")]
    for item in result.disclosures:
        states = " · ".join(f"R{k + 1} {state}" for k, state in enumerate(item.status))
        out.append(f"p.{item.passage.page} [{item.passage.start}:{item.passage.end}]  {states}")
        if item.text is not None and item.source is not None:
            out.append(paint("b", f"  {_block(item.text)}  (from R{item.source + 1})"))
    return [*out, ""]


def _block(text: str) -> str:
    """Document text for the terminal: controls made visible, lines indented under the sign."""
    return printable(text).replace("\f", "\n").replace("\n", "\n  ")


def diff_html(result: DiffResult) -> str:
    """A standalone side-by-side HTML page of the result (autoescaped: text is never markup)."""
    from redactview.diff_page import html_page

    return html_page(result)
