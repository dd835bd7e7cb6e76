"""Align repeat releases of one document and list what each withheld, revealed or reworded.

`diff_files(paths)` loads, scans and compares releases (the first is the base) into a DiffResult;
`compare(a, b)` compares two Releases (from `load_release(path)` or `release_from_text(...)`);
`track_releases` says which releases disclosed each passage; `reconstruct` gives the best-known
text.
"""

from __future__ import annotations

from redactview.align.compare import compare
from redactview.align.multi import Disclosure, track_releases
from redactview.align.reconstruct import reconstruct
from redactview.align.release import Release, load_release, release_from_text
from redactview.align.result import DiffResult, diff_files, diff_releases

__all__ = [
    "DiffResult",
    "Disclosure",
    "Release",
    "compare",
    "diff_files",
    "diff_releases",
    "load_release",
    "reconstruct",
    "release_from_text",
    "track_releases",
]
