"""The whole of one `redactview diff` run: the releases, each comparison, who disclosed what."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from redactview.align.compare import compare
from redactview.align.multi import Disclosure, track_releases
from redactview.align.reconstruct import reconstruct
from redactview.align.release import Release, load_release
from redactview.loaders import LoadOptions
from redactview.model import Comparison


@dataclass(frozen=True, slots=True)
class DiffResult:
    """Releases (the first is the base), the comparison of each later one with it, and the
    passages some release redacted with what every release did with them."""

    releases: tuple[Release, ...]
    comparisons: tuple[Comparison, ...]
    disclosures: tuple[Disclosure, ...]

    def reconstruction(self) -> str:
        """The best-known text, recovered spans marked with their release."""
        return reconstruct(self.releases, self.disclosures)


def diff_releases(releases: Sequence[Release]) -> DiffResult:
    """Compare every release after the first with the first."""
    if len(releases) < 2:
        raise ValueError("a diff needs at least two releases")
    comparisons = tuple(compare(releases[0], other) for other in releases[1:])
    disclosures = tuple(track_releases(releases[0], comparisons))
    return DiffResult(tuple(releases), comparisons, disclosures)


def diff_files(paths: Sequence[str | Path], options: LoadOptions | None = None) -> DiffResult:
    """Load, scan and compare the releases at `paths` (the first is the base)."""
    return diff_releases([load_release(path, options) for path in paths])
