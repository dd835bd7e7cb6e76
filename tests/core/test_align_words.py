"""Word finding for alignment: the array passes find exactly the words one regular expression does.

The reference below is the plain way to tokenise (one `re.split` over the text, the hyphen gaps
cut out of each word); the fast path must agree with it on offsets and keys for any text.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactview.align.normalise import MARKER_KEY, fold, tokenise, word_keys
from redactview.align.words import find_words

_WORD = re.compile(r"(\w+(?:-[ \t]*\n?[ \t]*\w+)*)")
_SEP = "\x02"


def reference_words(text: str) -> tuple[list[int], list[int], list[str]]:
    """Starts, ends and words of `text` by one regular-expression split."""
    parts = _WORD.split(text)
    starts, ends, words, offset = [], [], [], 0
    for index, part in enumerate(parts):
        if index % 2:
            starts.append(offset)
            ends.append(offset + len(part))
            words.append(part)
        offset += len(part)
    return starts, ends, words


def fast_words(text: str) -> tuple[list[int], list[int], list[str]]:
    """The same from find_words, the joined words split again."""
    words = find_words(text, _SEP)
    found = words.joined.split(_SEP) if len(words.starts) else []
    return words.starts.tolist(), words.ends.tolist(), found


def without_hyphen_gaps(words: list[str]) -> list[str]:
    return [re.sub(r"-[ \t\n]*", "", word) for word in words]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", []),
        ("   \n\f ", []),
        ("one", ["one"]),
        ("the impor-\n  tant fact", ["the", "important", "fact"]),
        ("well-known, semi-\tdetached", ["wellknown", "semidetached"]),
        ("a - b", ["a", "b"]),  # a spaced dash joins nothing
        ("end-\n\nnext", ["end", "next"]),  # two line breaks: a new paragraph, not a join
        ("naïve café ½ x² snake_case", ["naïve", "café", "½", "x²", "snake_case"]),
        ("e\u0301 ok", ["e", "ok"]),  # a combining accent is not a word character for \w
        ("£1,200 on 3 May", ["1", "200", "on", "3", "May"]),
        ("年度報告 и отчёт", ["年度報告", "и", "отчёт"]),
        ("-lead trail- x", ["lead", "trailx"]),  # a hyphen then spacing joins, as at a line end
    ],
)
def test_words_and_their_offsets(text: str, words: list[str]) -> None:
    starts, ends, found = fast_words(text)
    assert found == words
    assert without_hyphen_gaps([text[s:e] for s, e in zip(starts, ends, strict=True)]) == words


_ALPHABET = st.sampled_from([*"ab015rnv_ -\t\n\f.,é²½٣İ\u0301年\x02", "\ud800"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_find_words_agrees_with_a_regular_expression(text: str) -> None:
    starts, ends, words = reference_words(text)
    assert fast_words(text) == (starts, ends, without_hyphen_gaps(words))


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_tokenise_keys_match_keying_each_word(text: str) -> None:
    tokens = tokenise(text, [], [])
    starts, ends, words = reference_words(fold(text))
    assert (tokens.starts, tokens.ends) == (starts, ends)
    assert tokens.keys == word_keys(words)


def test_markers_sit_among_the_words_in_text_order() -> None:
    text = "Paid [A] to [B] on Monday-\n  next"
    spans = [(text.index("[A]"), text.index("[A]") + 3), (text.index("[B]"), text.index("[B]") + 3)]
    tokens = tokenise(text, spans, [])
    assert tokens.keys == ["pold", MARKER_KEY, "to", MARKER_KEY, "on", "mondoynext"]
    assert tokens.redaction == [-1, 0, -1, 1, -1, -1]
    assert tokens.marker_positions() == [1, 3]
    assert text[tokens.starts[-1] : tokens.ends[-1]] == "Monday-\n  next"


def reference_tokens(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, int, int, int]]:
    """(key, start, end, redaction) of each token: markers blanked, words found by the regular
    expression, each marker put in before the first word at or after its start."""
    blanked = list(fold(text))
    for start, end in spans:
        blanked[start:end] = " " * (end - start)
    starts, ends, words = reference_words("".join(blanked))
    tokens = [(k, s, e, -1) for k, s, e in zip(word_keys(words), starts, ends, strict=True)]
    for index, (start, end) in sorted(enumerate(spans), key=lambda item: item[1]):
        at = sum(1 for token in tokens if token[1] < start)
        tokens.insert(at, (MARKER_KEY, start, end, index))
    return tokens


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = "".join(draw(st.lists(_ALPHABET, min_size=1, max_size=60)))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=8))))
    spans = [(lo, hi) for lo, hi in zip(cuts[::2], cuts[1::2], strict=False) if hi > lo]
    return text, spans


@settings(max_examples=200, deadline=None)
@given(text_and_spans())
def test_markers_are_placed_as_one_token_each_among_the_words(
    case: tuple[str, list[tuple[int, int]]],
) -> None:
    text, spans = case
    tokens = tokenise(text, spans, [])
    found = list(zip(tokens.keys, tokens.starts, tokens.ends, tokens.redaction, strict=True))
    assert found == reference_tokens(text, spans)
    assert tokens.marker_positions() == [i for i, k in enumerate(tokens.keys) if k == MARKER_KEY]
