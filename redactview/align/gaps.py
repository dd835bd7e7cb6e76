"""Resolve the gaps patience alignment leaves: match passages fuzzily, then diff inside them.

A gap is a stretch of each release with no word unique to both. It may hold one reworded
sentence, a paragraph added on one side, or two wholly different texts. Passages (paragraphs)
on each side are paired with rapidfuzz when they read alike; a pair is diffed word by word with
diff-match-patch; a passage with no partner is added or removed as a whole, never diffed into
noise against something unrelated.
"""

from __future__ import annotations

from collections.abc import Iterator

from diff_match_patch import diff_match_patch
from rapidfuzz import fuzz

from redactview.align.anchors import Op
from redactview.align.normalise import MARKER_KEY, Tokens
from redactview.align.passages import split_passages

MAX_DIFF_TOKENS = 4000  # beyond this a gap with no shared unique word is not one passage pair
PASSAGE_MATCH = 60.0  # rapidfuzz ratio (0-100) above which two passages are the same passage
_WINDOW = 12  # how far ahead in the other side a passage's partner is looked for
_CONTENT_WORD = 4  # words this long or longer carry the meaning of a passage


def resolve_gap(op: Op, a: Tokens, b: Tokens, a_text: str, b_text: str) -> list[Op]:
    """The ops that replace one "replace" gap."""
    a_parts = split_passages(a, a_text, op.a_lo, op.a_hi)
    b_parts = split_passages(b, b_text, op.b_lo, op.b_hi)
    ops: list[Op] = []
    for a_part, b_part in pair_passages(a, b, a_parts, b_parts):
        if a_part is None and b_part is not None:
            ops.append(Op("insert", op.a_lo, op.a_lo, *b_part))
        elif b_part is None and a_part is not None:
            ops.append(Op("delete", *a_part, op.b_lo, op.b_lo))
        elif a_part is not None and b_part is not None:
            ops.extend(diff_tokens(a.keys, b.keys, a_part, b_part))
    return _place_empty_sides(ops, op)


def pair_passages(
    a: Tokens, b: Tokens, a_parts: list[tuple[int, int]], b_parts: list[tuple[int, int]]
) -> Iterator[tuple[tuple[int, int] | None, tuple[int, int] | None]]:
    """Pair each passage of A with the passage of B that reads most like it, keeping order."""
    if len(a_parts) == 1 and len(b_parts) == 1:
        if reads_alike(a, b, a_parts[0], b_parts[0]):
            yield a_parts[0], b_parts[0]
        else:
            yield a_parts[0], None
            yield None, b_parts[0]
        return
    b_texts = [_joined(b, part) for part in b_parts]
    next_b = 0
    for a_part in a_parts:
        found = _best_partner(_joined(a, a_part), b_texts, next_b)
        if next_b < len(b_parts) and (
            _only_markers(a, a_part) or _only_markers(b, b_parts[next_b])
        ):
            found = next_b  # a redacted paragraph faces whatever paragraph stands in its place
        if found is None:
            yield a_part, None
            continue
        for skipped in b_parts[next_b:found]:
            yield None, skipped
        yield a_part, b_parts[found]
        next_b = found + 1
    for skipped in b_parts[next_b:]:
        yield None, skipped


def reads_alike(a: Tokens, b: Tokens, a_part: tuple[int, int], b_part: tuple[int, int]) -> bool:
    """True when two passages share enough meaning to be one passage, edited."""
    if a_part[1] - a_part[0] < 8 or b_part[1] - b_part[0] < 8:
        return True  # too short to judge by vocabulary: let the word diff decide
    a_words = {k for k in a.keys[a_part[0] : a_part[1]] if len(k) >= _CONTENT_WORD}
    b_words = {k for k in b.keys[b_part[0] : b_part[1]] if len(k) >= _CONTENT_WORD}
    if len(a_words) < 5 or len(b_words) < 5:
        return True
    if a_part[1] - a_part[0] > MAX_DIFF_TOKENS or b_part[1] - b_part[0] > MAX_DIFF_TOKENS:
        return False
    return len(a_words & b_words) >= 0.3 * min(len(a_words), len(b_words))


def _best_partner(text: str, candidates: list[str], first: int) -> int | None:
    best, best_score = None, PASSAGE_MATCH
    for index in range(first, min(len(candidates), first + _WINDOW)):
        score = fuzz.ratio(text, candidates[index], score_cutoff=best_score)
        if score > best_score:
            best, best_score = index, score
    return best


def _only_markers(tokens: Tokens, part: tuple[int, int]) -> bool:
    return all(key == MARKER_KEY for key in tokens.keys[part[0] : part[1]])


def _joined(tokens: Tokens, part: tuple[int, int]) -> str:
    return " ".join(tokens.keys[part[0] : part[1]])


def diff_tokens(
    a_keys: list[str], b_keys: list[str], a_part: tuple[int, int], b_part: tuple[int, int]
) -> list[Op]:
    """A word-level diff of two passages with diff-match-patch, each word coded as one character."""
    codes: dict[str, str] = {MARKER_KEY: "\x01"}
    a_code = _encode(a_keys[a_part[0] : a_part[1]], codes)
    b_code = _encode(b_keys[b_part[0] : b_part[1]], codes)
    ops: list[Op] = []
    i, j = a_part[0], b_part[0]
    for sign, chunk in _word_diff(a_code, b_code):
        size = len(chunk)
        if sign == 0:
            ops.append(Op("equal", i, i + size, j, j + size))
            i, j = i + size, j + size
        elif sign < 0:
            ops.append(Op("delete", i, i + size, j, j))
            i += size
        else:
            ops.append(Op("insert", i, i, j, j + size))
            j += size
    return ops


def _word_diff(a_code: str, b_code: str) -> list[tuple[int, str]]:
    """diff-match-patch's diff of two coded passages: -1 deleted, 0 equal, 1 inserted."""
    if a_code and b_code and set(a_code).isdisjoint(b_code):
        # No word in common: all of A deleted, then all of B inserted, which is what
        # diff-match-patch returns then too, without setting it up (most gaps are a marker
        # facing words).
        return [(-1, a_code), (1, b_code)]
    engine = diff_match_patch()
    engine.Diff_Timeout = 2.0
    diffs: list[tuple[int, str]] = engine.diff_main(a_code, b_code, False)
    return diffs


def _encode(keys: list[str], codes: dict[str, str]) -> str:
    out = []
    for key in keys:
        code = codes.get(key)
        if code is None:
            code = codes[key] = _code_point(len(codes))
        out.append(code)
    return "".join(out)


def _code_point(index: int) -> str:
    point = 0x100 + index
    return chr(point + 0x800 if point >= 0xD800 else point)  # step over the surrogates


def _place_empty_sides(ops: list[Op], gap: Op) -> list[Op]:
    """Give pure inserts and deletes the position on the other side where they fall."""
    placed: list[Op] = []
    i, j = gap.a_lo, gap.b_lo
    for op in ops:
        if op.tag == "insert":
            op = Op("insert", i, i, op.b_lo, op.b_hi)
        elif op.tag == "delete":
            op = Op("delete", op.a_lo, op.a_hi, j, j)
        placed.append(op)
        i, j = op.a_hi, op.b_hi
    return placed
