"""OCR results kept on disk, one file per page, keyed by the file's SHA-256 and the OCR settings.

OCR is slow and a file's bytes decide its text, so a page read once is not read again. An entry
is trusted only if it parses, names the same file, page and settings, and its lines still match
the checksum written with them; anything else is read again and the entry rewritten.

    <cache dir>/ocr-v1/ab/ab12…ef-p0007-<settings hash>.json
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from redactview.loaders.assemble import RawLine
from redactview.model import BBox, Span
from redactview.paths import cache_dir

CACHE_VERSION = 1


def cache_file(sha256: str, index: int, settings: str) -> Path:
    """Where the OCR of page `index` (0-based) of the file with this SHA-256 is kept."""
    tag = hashlib.sha256(settings.encode("utf-8")).hexdigest()[:12]
    folder = cache_dir() / f"ocr-v{CACHE_VERSION}" / sha256[:2]
    return folder / f"{sha256}-p{index:04d}-{tag}.json"


def load_cached_lines(sha256: str, index: int, settings: str) -> list[RawLine] | None:
    """The cached OCR lines of a page, or None when there is no sound entry for it."""
    try:
        raw = cache_file(sha256, index, settings).read_text(encoding="utf-8")
        entry = json.loads(raw)
        if entry.get("key") != _key(sha256, index, settings):
            return None
        lines = entry["lines"]
        if entry.get("checksum") != _checksum(lines):
            return None
        return [_line_from_json(line) for line in lines]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing, unreadable or damaged: read the page again


def save_cached_lines(sha256: str, index: int, settings: str, lines: list[RawLine]) -> bool:
    """Write a page's OCR lines atomically; False when the cache cannot be written (no harm)."""
    path = cache_file(sha256, index, settings)
    records = [_line_to_json(line) for line in lines]
    entry = {"key": _key(sha256, index, settings), "checksum": _checksum(records), "lines": records}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(path, json.dumps(entry, ensure_ascii=False))
    except OSError:
        return False
    return True


def _write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename it over: readers see all or nothing."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _key(sha256: str, index: int, settings: str) -> dict[str, Any]:
    return {"version": CACHE_VERSION, "sha256": sha256, "page": index, "settings": settings}


def _checksum(records: Any) -> str:
    canonical = json.dumps(records, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def _line_to_json(line: RawLine) -> dict[str, Any]:
    return {
        "text": line.text,
        "bbox": list(line.bbox) if line.bbox else None,
        "spans": [
            {"text": s.text, "start": s.start, "bbox": list(s.bbox), "size": s.size, "font": s.font}
            for s in line.spans
        ],
    }


def _line_from_json(record: dict[str, Any]) -> RawLine:
    spans = tuple(
        Span(
            text=_text(span["text"]),
            start=int(span["start"]),
            bbox=_bbox(span["bbox"]),
            size=float(span["size"]),
            font=_text(span["font"]),
        )
        for span in record["spans"]
    )
    bbox = record["bbox"]
    return RawLine(_text(record["text"]), _bbox(bbox) if bbox is not None else None, spans)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _bbox(value: object) -> BBox:
    if not isinstance(value, list) or len(value) != 4:
        raise ValueError("not a bbox")
    x0, y0, x1, y1 = (float(v) for v in value)
    return (x0, y0, x1, y1)
