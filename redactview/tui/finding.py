"""Search and filtering over a document's pages and redactions: plain functions, no widgets."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from redactview.model import Page, Redaction
from redactview.tui.state import DocumentState, is_leak

MAX_MATCHES = 10_000
ALL = "all"
LEAKS = "leaks"
KIND_PREFIX = "kind:"
EXEMPTION_PREFIX = "exemption:"


@dataclass(frozen=True, slots=True)
class Match:
    """One search hit: its page and document offsets."""

    page: int
    start: int
    end: int


def find_matches(pages: Iterable[Page], query: str, limit: int = MAX_MATCHES) -> list[Match]:
    """Every case-insensitive occurrence of `query` (taken literally) in the pages, in order."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    found: list[Match] = []
    for page in pages:
        for hit in pattern.finditer(page.text):
            found.append(Match(page.number, page.start + hit.start(), page.start + hit.end()))
            if len(found) >= limit:
                return found
    return found


def next_index(count: int, current: int | None, step: int) -> int | None:
    """The index `step` away from `current`, wrapping round; the first (or last) when none yet."""
    if count == 0:
        return None
    if current is None:
        return 0 if step > 0 else count - 1
    return (current + step) % count


def match_from(matches: list[Match], offset: int) -> int | None:
    """The index of the first match at or after `offset`, wrapping round to the first."""
    for index, match in enumerate(matches):
        if match.start >= offset:
            return index
    return 0 if matches else None


def filter_choices(state: DocumentState) -> list[tuple[str, str]]:
    """(label, value) pairs for the filter: all, leaks, each kind and each exemption present."""
    choices = [("All redactions", ALL), ("Leaks only", LEAKS)]
    kinds = dict.fromkeys(str(r.kind) for r in state.redactions)
    choices += [(f"Kind: {kind.replace('_', ' ')}", KIND_PREFIX + kind) for kind in kinds]
    exemptions = dict.fromkeys(r.exemption or "" for r in state.redactions)
    for code in exemptions:
        label = f"Exemption: {code}" if code else "Exemption: unknown"
        choices.append((label, EXEMPTION_PREFIX + code))
    return choices


def apply_filter(redactions: Iterable[Redaction], choice: str) -> list[Redaction]:
    """The redactions the filter `choice` keeps."""
    if choice == LEAKS:
        return [r for r in redactions if is_leak(r)]
    if choice.startswith(KIND_PREFIX):
        kind = choice.removeprefix(KIND_PREFIX)
        return [r for r in redactions if str(r.kind) == kind]
    if choice.startswith(EXEMPTION_PREFIX):
        code = choice.removeprefix(EXEMPTION_PREFIX)
        return [r for r in redactions if (r.exemption or "") == code]
    return list(redactions)
