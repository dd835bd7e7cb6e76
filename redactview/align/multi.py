"""Three or more releases: align each to the first and say, per passage, who disclosed it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from redactview.align.release import Release
from redactview.model import Change, ChangeType, Comparison, Passage

DISCLOSED = "disclosed"
REDACTED = "redacted"
ABSENT = "absent"


@dataclass(frozen=True, slots=True)
class Disclosure:
    """A passage of the first release that some release redacted, and what each release did.

    `status[k]` is "disclosed", "redacted" or "absent" for release k (0 is the first release);
    `text` is the passage's words as disclosed somewhere and `source` the release it came from
    (None when every release redacted it).
    """

    passage: Passage
    status: tuple[str, ...]
    text: str | None = None
    source: int | None = None
    changes: tuple[Change, ...] = field(default=(), compare=False)

    @property
    def disclosed_in(self) -> tuple[int, ...]:
        """Indexes of the releases that show this passage's text."""
        return tuple(k for k, state in enumerate(self.status) if state == DISCLOSED)

    @property
    def redacted_in(self) -> tuple[int, ...]:
        """Indexes of the releases that redact this passage."""
        return tuple(k for k, state in enumerate(self.status) if state == REDACTED)


_FIRST_REDACTED = (ChangeType.REVEALED, ChangeType.BOTH_REDACTED)
_TRACKED = (ChangeType.WITHHELD, *_FIRST_REDACTED)


def track_releases(first: Release, comparisons: Sequence[Comparison]) -> list[Disclosure]:
    """Every redacted passage of the first release's text, with each release's status for it."""
    found = [(k, c) for k, comp in enumerate(comparisons, 1) for c in comp.changes if _tracked(c)]
    found.sort(key=lambda item: (_a(item[1]).start, _a(item[1]).end))
    count = len(comparisons) + 1
    return [_disclosure(first, group, count) for group in _overlapping(found)]


def _tracked(change: Change) -> bool:
    return change.type in _TRACKED and change.a is not None


def _a(change: Change) -> Passage:
    assert change.a is not None  # only tracked changes, which always have an A side, get here
    return change.a


def _overlapping(found: list[tuple[int, Change]]) -> Iterator[list[tuple[int, Change]]]:
    """Runs of changes whose first-release passages overlap."""
    group: list[tuple[int, Change]] = []
    end = -1
    for item in found:
        passage = _a(item[1])
        if group and passage.start >= end:
            yield group
            group = []
        group.append(item)
        end = max(end, passage.end)
    if group:
        yield group


def _disclosure(first: Release, group: list[tuple[int, Change]], count: int) -> Disclosure:
    start = min(_a(c).start for _, c in group)
    end = max(_a(c).end for _, c in group)
    first_redacted = any(c.type in _FIRST_REDACTED for _, c in group)
    status = [REDACTED if first_redacted else DISCLOSED] + [
        ABSENT if first_redacted else DISCLOSED
    ] * (count - 1)
    text, source = (None, None) if first_redacted else (first.text[start:end], 0)
    for k, change in group:
        if change.type is ChangeType.REVEALED:
            status[k] = DISCLOSED
            if text is None and change.b is not None:
                text, source = change.b.text, k
        else:
            status[k] = REDACTED
    changes = tuple(c for _, c in group)
    return Disclosure(first.passage(start, end), tuple(status), text, source, changes)
