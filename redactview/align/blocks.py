"""Tidy an alignment into change blocks: equal runs joined, a delete next to an insert one edit."""

from __future__ import annotations

from redactview.align.anchors import Op
from redactview.align.noise import is_noise
from redactview.align.normalise import MARKER_KEY

SAME = "same"  # an edit that is only OCR noise: no change, but not an equal run either

_BRIDGE = 2  # edits this few equal words apart read as one edit ("the board" -> "a committee")


def tidy_ops(ops: list[Op]) -> list[Op]:
    """Adjacent equal runs joined and adjacent edits combined into one "replace" (or kept as is)."""
    tidy: list[Op] = []
    for op in ops:
        if op.a_lo == op.a_hi and op.b_lo == op.b_hi:
            continue
        last = tidy[-1] if tidy else None
        if last is not None and (last.tag == "equal") == (op.tag == "equal"):
            edit = _edit_tag(last.a_lo, op.a_hi, last.b_lo, op.b_hi)
            tag = "equal" if op.tag == "equal" else edit
            tidy[-1] = Op(tag, last.a_lo, op.a_hi, last.b_lo, op.b_hi)
        else:
            tidy.append(op)
    return tidy


def settle_noise(ops: list[Op], a_keys: list[str], b_keys: list[str]) -> list[Op]:
    """Mark the edits with no marker that differ only as OCR misreads do as SAME."""
    settled: list[Op] = []
    for op in ops:
        plain = op.tag != "equal" and _plain(op, a_keys, b_keys)
        if plain and is_noise(a_keys[op.a_lo : op.a_hi], b_keys[op.b_lo : op.b_hi]):
            op = Op(SAME, op.a_lo, op.a_hi, op.b_lo, op.b_hi)
        settled.append(op)
    return settled


def bridge_edits(ops: list[Op], a_keys: list[str], b_keys: list[str]) -> list[Op]:
    """Join two edits with no redaction in them that only a word or two of equal text separate."""
    out: list[Op] = []
    index = 0
    while index < len(ops):
        op = ops[index]
        if (
            out
            and out[-1].tag != SAME
            and op.tag == "equal"
            and op.a_hi - op.a_lo <= _BRIDGE
            and index + 1 < len(ops)
            and ops[index + 1].tag != SAME
            and _plain(out[-1], a_keys, b_keys)
            and _plain(ops[index + 1], a_keys, b_keys)
            and _plain(op, a_keys, b_keys)
        ):
            after = ops[index + 1]
            first = out.pop()
            out.append(Op("replace", first.a_lo, after.a_hi, first.b_lo, after.b_hi))
            index += 2
            continue
        out.append(op)
        index += 1
    return out


def _plain(op: Op, a_keys: list[str], b_keys: list[str]) -> bool:
    """True for an op whose words hold no redaction marker."""
    in_a = MARKER_KEY in a_keys[op.a_lo : op.a_hi]
    return not in_a and MARKER_KEY not in b_keys[op.b_lo : op.b_hi]


def _edit_tag(a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> str:
    if a_lo == a_hi:
        return "insert"
    return "delete" if b_lo == b_hi else "replace"
