"""The best-known text: the first release with every redaction some later release disclosed
filled in, each recovered span marked with the release it came from."""

from __future__ import annotations

from collections.abc import Sequence

from redactview.align.multi import Disclosure
from redactview.align.release import Release

OPEN, CLOSE = "⟦", "⟧"


def recovered_mark(text: str, release: int) -> str:
    """A recovered span as it appears in the reconstruction: ⟦text⟧{R2} (releases count from 1)."""
    return f"{OPEN}{text}{CLOSE}{{R{release + 1}}}"


def reconstruct(releases: Sequence[Release], disclosures: Sequence[Disclosure]) -> str:
    """The first release's text with recovered spans filled in, then a key to the release marks."""
    first = releases[0]
    pieces: list[str] = []
    position = 0
    for item in disclosures:
        if item.source is None or item.source == 0 or item.text is None:
            continue  # still redacted everywhere, or never redacted in the first release
        pieces.append(first.text[position : item.passage.start])
        pieces.append(recovered_mark(item.text, item.source))
        position = item.passage.end
    pieces.append(first.text[position:])
    return "".join(pieces) + _key(releases)


def _key(releases: Sequence[Release]) -> str:
    note = f"Recovered text is marked {OPEN}text{CLOSE}{{Rn}}: Rn is the release it came from."
    lines = ["", "", note]
    lines.extend(f"R{k}: {release.info.path}" for k, release in enumerate(releases, 1))
    return "\n".join(lines) + "\n"
