"""Build releases for alignment tests from plain text, marking chosen strings as redactions."""

from __future__ import annotations

from collections.abc import Sequence

from redactview.align import Release, release_from_text
from redactview.model import Kind, Redaction

PARAGRAPHS = [
    "Minutes of the meeting of the Glenhollow Water Board held on 3 March 2025 at the Mill "
    "Street offices. Present were the chair, four board members and the clerk.",
    "The chair welcomed Councillor Ardent Vale and noted apologies from the treasurer, who was "
    "attending the regional drought committee on the same morning.",
    "The clerk reported that the reservoir at Tarn Moss stood at sixty per cent of capacity and "
    "that the pumping station upgrade had slipped by three weeks because of late deliveries.",
    "Members discussed the tender for relining the eastern aqueduct. Two bids had been received "
    "and the evaluation panel recommended the lower bid from Corrie Civil Works.",
    "The board resolved to award the aqueduct contract subject to a final safety review and "
    "asked the engineer to report on progress at the next ordinary meeting in June.",
    "Under any other business the clerk raised the condition of the footbridge below the weir, "
    "which walkers had reported as slippery after the winter floods.",
    "There being no further business the chair closed the meeting at half past eleven and "
    "thanked the staff of the visitor centre for the refreshments.",
]
BASE = "\n\n".join(PARAGRAPHS) + "\n"


def release(
    text: str,
    markers: Sequence[str] = (),
    path: str = "release.txt",
    exemption: str | None = None,
    kind: Kind = Kind.LABEL,
) -> Release:
    """A release of `text` where each string in `markers` (next occurrence) is a redaction."""
    redactions = []
    position = 0
    for marker in markers:
        start = text.index(marker, position)
        end = start + len(marker)
        page = text.count("\f", 0, start) + 1
        redactions.append(Redaction(kind, page, "test", marker, start, end, exemption=exemption))
        position = end
    return release_from_text(text, redactions, path)


def reflow(text: str, width: int) -> str:
    """Rewrap every paragraph of `text` to lines of at most `width` characters."""
    out = []
    for paragraph in text.split("\n\n"):
        line = ""
        lines = []
        for word in paragraph.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        out.append("\n".join(lines))
    return "\n\n".join(out)
