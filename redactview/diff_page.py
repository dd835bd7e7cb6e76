"""A comparison of releases as a standalone side-by-side HTML page a user can attach to an appeal.

Each change is shown with the words around it, cut at word boundaries:

    …the contract was awarded to [Corrie Civil Works] after a short…
         context before           the change          context after
"""

from __future__ import annotations

import re
from typing import Any

from redactview.align.multi import Disclosure
from redactview.align.result import DiffResult
from redactview.diff_report import shown_text, summary_record, unchanged_redaction
from redactview.model import ChangeType, Comparison, Passage, RedactionRef
from redactview.textsafe import printable

CONTEXT = 80  # characters shown either side of a change, at most
ELLIPSIS = "…"
# The side of a change that shows a redaction marker rather than text.
MARKER_IN_A = frozenset({ChangeType.REVEALED, ChangeType.BOTH_REDACTED})
MARKER_IN_B = frozenset({ChangeType.WITHHELD, ChangeType.BOTH_REDACTED})
_FIRST_SPACE = re.compile(r"\s")
_LAST_SPACE = re.compile(r"\s\S*\Z")


def html_page(result: DiffResult) -> str:
    """A standalone side-by-side HTML page of the result (autoescaped: text is never markup)."""
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("redactview", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["printable"] = printable  # file names may hold control characters too
    template = environment.get_template("diff.html.j2")
    sections = [_html_section(result, k, c) for k, c in enumerate(result.comparisons, 1)]
    disclosures = [_html_disclosure(item) for item in result.disclosures]
    return template.render(
        documents=[r.info for r in result.releases],
        summary=summary_record(result.comparisons),
        sections=sections,
        disclosures=disclosures if len(result.releases) > 2 else [],
    )


def _html_section(result: DiffResult, k: int, comparison: Comparison) -> dict[str, Any]:
    a_text, b_text = result.releases[0].text, result.releases[k].text
    rows = [
        {
            "type": str(change.type),
            "a": _in_context(a_text, change.a, change.redaction, change.type in MARKER_IN_A),
            "b": _in_context(b_text, change.b, change.redaction, change.type in MARKER_IN_B),
            "redaction": change.redaction,
        }
        for change in comparison.changes
    ]
    same = [unchanged_redaction(change) for change in comparison.changes]
    return {
        "k": k,
        "comparison": comparison,
        "rows": [row for row, kept in zip(rows, same, strict=True) if not kept],
        "same": [row for row, kept in zip(rows, same, strict=True) if kept],
    }


def _in_context(
    text: str, passage: Passage | None, ref: RedactionRef | None, marker: bool
) -> dict[str, Any] | None:
    """A passage with the words around it, each piece safe to show; `marker` says the passage
    is that release's redaction rather than its text."""
    if passage is None:
        return None
    return {
        "page": passage.page,
        "start": passage.start,
        "end": passage.end,
        "before": printable(context_before(text, passage.start).replace("\f", "\n")),
        "text": printable(shown_text(passage.text, ref).replace("\f", "\n")),
        "after": printable(context_after(text, passage.end).replace("\f", "\n")),
        "marker": marker,
    }


def context_before(text: str, start: int, limit: int = CONTEXT) -> str:
    """Up to `limit` characters before `start`, starting on a whole word, with an ellipsis when
    text before them is left out."""
    cut = start - limit
    if cut <= 0:
        return text[:start]
    window = text[cut:start]
    if not text[cut - 1].isspace():  # the window starts inside a word: leave that word out
        space = _FIRST_SPACE.search(window)
        if space is None:
            return ELLIPSIS + window  # one word longer than the window: cut it, as a last resort
        window = window[space.start() :]
    trimmed = window.lstrip()
    return ELLIPSIS + (trimmed or window[:1])


def context_after(text: str, end: int, limit: int = CONTEXT) -> str:
    """Up to `limit` characters from `end`, ending on a whole word, with an ellipsis when text
    after them is left out."""
    cut = end + limit
    if cut >= len(text):
        return text[end:]
    window = text[end:cut]
    if not text[cut].isspace():  # the window ends inside a word: leave that word out
        space = _LAST_SPACE.search(window)
        if space is None:
            return window + ELLIPSIS
        window = window[: space.start() + 1]
    trimmed = window.rstrip()
    return (trimmed or window[-1:]) + ELLIPSIS


def _html_disclosure(item: Disclosure) -> dict[str, Any]:
    return {
        "passage": item.passage,
        "status": list(enumerate(item.status, 1)),
        "text": None if item.text is None else printable(item.text),
        "source": None if item.source is None else item.source + 1,
    }
