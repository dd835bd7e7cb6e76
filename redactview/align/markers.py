"""Where each redaction sits in the text, widened over an exemption code printed beside it.

"████████████ s.42(1)"    the code belongs to the redaction, not to the text:
 [-- marker --------]     a release that prints it is no more disclosing than one that
                          does not
"""

from __future__ import annotations

import re
from bisect import bisect_left

from redactview.align.release import Release

_BETWEEN = re.compile(r"[ \t:,;\-–—(\[]*")  # what may separate a marker from its code
_CLOSERS = {"(": ")", "[": "]"}


def marker_spans(release: Release) -> list[tuple[int, int]]:
    """(start, end) of each of the release's redactions, taking in an adjacent exemption code."""
    cited = sorted((e.start, e.end) for e in release.exemptions)
    starts = [start for start, _ in cited]
    text = release.text
    spans: list[tuple[int, int]] = []
    for redaction in release.redactions:
        start, end = redaction.start or 0, redaction.end or 0
        gap = _BETWEEN.match(text, end)
        at = gap.end() if gap else end
        index = bisect_left(starts, at)
        if index < len(cited) and cited[index][0] == at and at - end <= 3:
            opened = text[end:at].strip()[-1:]
            end = cited[index][1]
            if opened in _CLOSERS and text[end : end + 1] == _CLOSERS[opened]:
                end += 1  # "[REDACTED] (s.40(2))": the closing bracket goes with the code
        spans.append((start, end))
    return spans
