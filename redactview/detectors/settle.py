"""Settle overlapping findings so that one hidden thing is reported once.

`£[REDACTED]` is found by the label rule (`[REDACTED]`) and by the missing-value rule; a black
box in a PDF may carry `s.40(2)` printed on it. The finding that says most wins (a leaky box,
then a missing value, then a box, then a label, then the plain marks) and takes over what the
others knew that it did not: the exemption a label names, the field a missing value fills, a bbox.

Only overlaps involving a text finding are settled here; how boxes overlap each other is the
geometry detectors' business. Work is linear in the number of findings apart from the (small)
clusters that overlap: findings are swept in offset order, and geometry-only findings are
compared only with text findings on their own line.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from operator import attrgetter

from redactview.detectors.text_utils import overlaps, with_changes
from redactview.model import BBox, Kind, Redaction

TEXT_DETECTORS = ("marks", "missing_values")
_PRIORITY = {
    Kind.MISSING_VALUE: 4.0,
    Kind.BOX: 3.5,
    Kind.ANNOTATION: 3.5,
    Kind.SCAN_BOX: 3.5,
    Kind.LABEL: 3.0,
    Kind.ASTERISKS: 2.0,
    Kind.BLOCKS: 2.0,
    Kind.X_MASK: 2.0,
    Kind.TRUNCATION: 1.0,
}
_BOX_SHARE = 0.5  # boxes overlap when they share this much of the smaller one
_LONGEST_MARK = 200  # a text marker that starts this far before a shape can still reach it
_BY_PLACE = attrgetter("page", "start", "end")


def is_text_finding(redaction: Redaction) -> bool:
    """True for findings of the text detectors (marks, labels, missing values)."""
    return redaction.detector.startswith(TEXT_DETECTORS)


def settle(found: list[Redaction]) -> list[Redaction]:
    """The findings with every overlap involving a text finding merged into one."""
    text: list[Redaction] = []
    others: list[Redaction] = []
    for redaction in found:
        located = redaction.start is not None and is_text_finding(redaction)
        (text if located else others).append(redaction)
    return _settle_geometry(_settle_ranges(text), others)


def _priority(redaction: Redaction) -> tuple[float, float]:
    rank = 5.0 if redaction.leaky else _PRIORITY.get(redaction.kind, 3.5)
    return (rank, redaction.confidence)


def _settle_ranges(located: list[Redaction]) -> list[Redaction]:
    located.sort(key=_BY_PLACE)
    kept: list[Redaction] = []
    cluster: list[Redaction] = []
    reach = (-1, -1)  # page, furthest end in the cluster
    for redaction in located:
        assert redaction.start is not None and redaction.end is not None
        touches = bool(cluster) and (redaction.page, redaction.start) < reach
        if cluster and not touches:
            kept.extend(_resolve(cluster))
            cluster = []
        cluster.append(redaction)
        end = max(redaction.end, redaction.start + 1)
        reach = max(reach, (redaction.page, end)) if touches else (redaction.page, end)
    kept.extend(_resolve(cluster))
    return kept


def _resolve(cluster: list[Redaction]) -> list[Redaction]:
    """Merge, within one cluster, each finding into a stronger one it overlaps."""
    if len(cluster) == 1:
        return cluster
    winners: list[Redaction] = []
    for candidate in sorted(cluster, key=_priority, reverse=True):
        for index, winner in enumerate(winners):
            if _same_thing(winner, candidate):
                winners[index] = absorb(winner, candidate)
                break
        else:
            winners.append(candidate)
    return winners


def _same_thing(a: Redaction, b: Redaction) -> bool:
    if not (is_text_finding(a) or is_text_finding(b)):
        return False
    assert a.start is not None and a.end is not None and b.start is not None and b.end is not None
    return overlaps((a.start, a.end), (b.start, b.end))


def absorb(winner: Redaction, loser: Redaction) -> Redaction:
    """The winner, completed with what only the loser knew."""
    changes: dict[str, object] = {}
    if not winner.exemption and loser.exemption:
        changes["exemption"] = loser.exemption
        changes["exemption_source"] = loser.exemption_source
        changes["exemption_confidence"] = loser.exemption_confidence
    for name in ("field", "bbox", "est_chars", "line"):
        if getattr(winner, name) is None and getattr(loser, name) is not None:
            changes[name] = getattr(loser, name)
    if _says_row_and_column(loser.field) and not _says_row_and_column(winner.field):
        changes["field"] = loser.field  # "row CDC-0236, column Value" says more than "CDC-0236"
    return with_changes(winner, **changes) if changes else winner


def _says_row_and_column(field: str | None) -> bool:
    return field is not None and field.startswith("row ") and ", column " in field


def _settle_geometry(text: list[Redaction], others: list[Redaction]) -> list[Redaction]:
    """Merge each geometry finding with the strongest text finding drawn in the same place."""
    if not others or not text:
        return text + others
    by_line: dict[tuple[int, int | None], list[int]] = defaultdict(list)
    for index, redaction in enumerate(text):
        by_line[(redaction.page, redaction.line)].append(index)
    starts = [(r.page, r.start or 0) for r in text]  # sorted by _settle_ranges
    kept: list[Redaction | None] = list(text)
    extra: list[Redaction] = []
    for shape in others:
        near = set(by_line.get((shape.page, shape.line), [])) | _in_range(starts, shape)
        matches = [i for i in near if kept[i] is not None and _meet(kept[i], shape)]  # type: ignore[arg-type]
        if not matches:
            extra.append(shape)
            continue
        best = max(matches, key=lambda i: _priority(kept[i]))  # type: ignore[arg-type]
        mine = kept[best]
        assert mine is not None
        if _priority(shape) > _priority(mine):
            kept[best] = None
            extra.append(absorb(shape, mine))
        else:
            kept[best] = absorb(mine, shape)
    return [r for r in kept if r is not None] + extra


def _in_range(starts: list[tuple[int, int]], shape: Redaction) -> set[int]:
    """Text findings starting inside the shape's text range (a box over several lines)."""
    if shape.start is None or shape.end is None:
        return set()
    lo = bisect_left(starts, (shape.page, shape.start - _LONGEST_MARK))
    hi = bisect_left(starts, (shape.page, shape.end + 1))
    return set(range(lo, hi))


def _meet(mine: Redaction, shape: Redaction) -> bool:
    if mine.page != shape.page:
        return False
    return _ranges_meet(mine, shape) or _boxes_meet(mine, shape)


def _ranges_meet(a: Redaction, b: Redaction) -> bool:
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return False
    return overlaps((a.start, a.end), (b.start, b.end))


def _boxes_meet(a: Redaction, b: Redaction) -> bool:
    if a.bbox is None or b.bbox is None:
        return False
    return box_share(a.bbox, b.bbox) >= _BOX_SHARE


def box_share(a: BBox, b: BBox) -> float:
    """How much of the smaller box lies inside the other (a thin box counts by its width)."""
    x = min(a[2], b[2]) - max(a[0], b[0])
    y = min(a[3], b[3]) - max(a[1], b[1])
    if x < 0 or y < 0:
        return 0.0
    widths = min(a[2] - a[0], b[2] - b[0])
    heights = min(a[3] - a[1], b[3] - b[1])
    if widths <= 0:
        return 1.0 if heights <= 0 or y > 0 else 0.0
    area = widths * max(heights, 1e-6)
    return min(1.0, x * max(y, 1e-6) / area)
