"""The scan pipeline: files → documents → per-page detection → exemptions → an Inventory."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from redactview.detectors import detect_page, limit_warnings
from redactview.errors import LoadError, RedactviewError, unexpected_error
from redactview.loaders import LoadOptions, load_document
from redactview.loaders.own_reports import is_own_report_file
from redactview.model import (
    PAGE_SEPARATOR,
    Document,
    DocumentInfo,
    DocumentReport,
    Exemption,
    Inventory,
    Redaction,
    ScanError,
)

ProgressCallback = Callable[[int, int, int], None]  # pages done, page count, redactions so far


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """What to scan and how: passwords, OCR, directory walking, the time allowed per file."""

    load: LoadOptions = field(default_factory=LoadOptions)
    recursive: bool = False
    follow_symlinks: bool = False
    timeout: float = 30.0  # seconds allowed per page, on top of a minute per file
    jobs: int = 0  # worker processes; 0 scans in this process, with no time limit


@dataclass(frozen=True, slots=True)
class PartialScan:
    """The scan of a run of pages, offsets counted from the run's first page."""

    info: DocumentInfo
    redactions: tuple[Redaction, ...]
    cited: tuple[Exemption, ...]
    warnings: tuple[str, ...]
    length: int  # characters from the run's first page to the end of its last page


def scan_document(document: Document, progress: ProgressCallback | None = None) -> DocumentReport:
    """Run every detector over the document's pages, then attribute exemptions."""
    return merge_partials([scan_pages(document, progress=progress)])


def scan_pages(
    document: Document, indexes: range | None = None, progress: ProgressCallback | None = None
) -> PartialScan:
    """Detect redactions and cited exemptions on a run of pages (all of them by default)."""
    from redactview.detectors.exemptions import find_exemptions

    redactions: list[Redaction] = []
    cited: list[Exemption] = []
    warnings: list[str] = []
    length = 0
    for page in document.iter_pages(indexes):
        cited.extend(find_exemptions(page))
        found = detect_page(page)
        redactions.extend(found)
        warnings.extend(page.warnings)
        warnings.extend(limit_warnings(page, found))
        length = page.end
        if progress is not None:
            progress(page.number, document.info.page_count, len(redactions))
    return PartialScan(document.info, tuple(redactions), tuple(cited), tuple(warnings), length)


def merge_partials(parts: list[PartialScan]) -> DocumentReport:
    """Join consecutive runs of one document into its report: shift offsets, then attribute."""
    from redactview.detectors.exemptions import attribute_exemptions, harmonise_regimes

    info = parts[0].info
    redactions: list[Redaction] = []
    cited: list[Exemption] = []
    warnings = list(info.warnings)
    offset = 0
    for part in parts:
        redactions.extend(_shift_redaction(r, offset) for r in part.redactions)
        cited.extend(_shift_exemption(e, offset) for e in part.cited)
        warnings.extend(part.warnings)
        offset += part.length + len(PAGE_SEPARATOR)
    cited = harmonise_regimes(cited)  # a FOISA mention on one page settles every page's codes
    return DocumentReport(
        path=info.path,
        sha256=info.sha256,
        format=info.format,
        pages=info.page_count,
        exemptions_cited=tuple(cited),
        redactions=tuple(attribute_exemptions(redactions, cited)),
        warnings=tuple(dict.fromkeys(warnings)),  # once each, in order
    )


def _shift_redaction(redaction: Redaction, offset: int) -> Redaction:
    if not offset or redaction.start is None:
        return redaction
    end = None if redaction.end is None else redaction.end + offset
    return replace(redaction, start=redaction.start + offset, end=end, id="")  # id follows start


def _shift_exemption(exemption: Exemption, offset: int) -> Exemption:
    if not offset:
        return exemption
    return replace(exemption, start=exemption.start + offset, end=exemption.end + offset)


def scan_file(path: str, options: LoadOptions | None = None) -> DocumentReport:
    """Load one file, scan it and close it."""
    with load_document(path, options) as document:
        return scan_document(document)


def scan_paths(paths: Iterable[str | Path], options: ScanOptions | None = None) -> Inventory:
    """Scan files and folders; a file that fails is listed in `errors` and the rest go on."""
    options = options or ScanOptions()
    files, errors, skipped = expand_paths(paths, options)
    if options.jobs > 0:
        from redactview.workers import scan_in_workers

        reports, failed = scan_in_workers(files, options)
    else:
        reports, failed = _scan_here(files, options.load)
    return Inventory(tuple(reports), tuple(errors + failed), tuple(skipped))


def _scan_here(files: list[str], load: LoadOptions) -> tuple[list[DocumentReport], list[ScanError]]:
    reports: list[DocumentReport] = []
    errors: list[ScanError] = []
    for path in files:
        try:
            reports.append(scan_file(path, load))
        except RedactviewError as error:
            errors.append(ScanError(path, str(error)))
        except Exception as error:  # a fault of ours: report it on this file, scan the rest
            errors.append(ScanError(path, unexpected_error(path, error)))
    return reports, errors


def expand_paths(
    paths: Iterable[str | Path], options: ScanOptions
) -> tuple[list[str], list[ScanError], list[str]]:
    """Turn the arguments into the regular files to scan, errors for what cannot be, and the
    reports redactview wrote that folders hold (skipped: they are not releases)."""
    files: list[str] = []
    errors: list[ScanError] = []
    for raw in paths:
        path = str(raw)
        if not os.path.isdir(path):
            files.append(path)  # the loader says precisely what is wrong with it, if anything
            continue
        try:
            files.extend(_walk(path, options))
        except LoadError as error:
            errors.append(ScanError(path, str(error)))
    named = set(map(str, paths))
    reports = [f for f in files if f not in named and is_own_report_file(f)]
    skipped = set(reports)
    return [f for f in files if f not in skipped], errors, reports


def _walk(
    folder: str, options: ScanOptions, seen: set[tuple[int, int]] | None = None
) -> Iterator[str]:
    """Regular files in the folder (and below, when recursive), sorted, skipping hidden ones.

    A folder reached twice (a symbolic link loop) is walked once.
    """
    seen = set() if seen is None else seen
    try:
        info = os.stat(folder)
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        raise LoadError(folder, error.strerror or "cannot be listed") from None
    if (info.st_dev, info.st_ino) in seen:
        return
    seen.add((info.st_dev, info.st_ino))
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=options.follow_symlinks)
            is_file = not is_dir and entry.is_file(follow_symlinks=options.follow_symlinks)
        except OSError:
            continue  # a dangling or looping link: nothing to read
        if is_dir and options.recursive:
            yield from _walk(entry.path, options, seen)
        elif is_file:
            yield entry.path
