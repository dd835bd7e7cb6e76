"""Redaction inventories as JSON, CSV and Markdown, and the atomic write all exports use."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from redactview.errors import ExportError
from redactview.model import DocumentReport, Exemption, Inventory, Redaction
from redactview.textsafe import printable_line

INVENTORY_SCHEMA = "redactview.inventory/1"
INVENTORY_FORMATS = ("json", "csv", "md", "text", "html")
CSV_CELL_LIMIT = 32_000  # characters a CSV cell is cut to: a spreadsheet holds 32,767
# Suffixes that name a format other than by its name; the suffix a new file of a format gets.
_SUFFIX_FORMATS = {"markdown": "md", "htm": "html", "txt": "text"}
_FORMAT_SUFFIXES = {"text": "txt"}

REDACTION_FIELDS = (
    "id",
    "kind",
    "page",
    "bbox",
    "start",
    "end",
    "line",
    "marker",
    "context_before",
    "context_after",
    "exemption",
    "exemption_source",
    "exemption_confidence",
    "leaked_text",
    "leaky",
    "est_chars",
    "est_words",
    "confidence",
    "detector",
    "field",
)
CSV_FIELDS = ("path", "sha256", *REDACTION_FIELDS)
# A spreadsheet runs a cell starting with one of these as a formula.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def write_atomic(path: str | Path, text: str) -> None:
    """Write `text` to `path` so that readers see the old file or the new one, never half of one."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        descriptor, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise ExportError(f"{target}: cannot write there ({error.strerror})") from None
    try:
        os.chmod(temp, _mode_for(target))
        # A file name that is not UTF-8 reaches the text as lone surrogates: written as `\udcff`.
        with os.fdopen(
            descriptor, "w", encoding="utf-8", errors="backslashreplace", newline=""
        ) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise ExportError(f"{target}: cannot write there ({error.strerror})") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)  # never leave a half-written temporary file behind
        raise


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or what a plain new file gets (mkstemp's are private)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def render_inventory(inventory: Inventory, fmt: str) -> str:
    """The inventory as text in one of INVENTORY_FORMATS."""
    renderers: dict[str, Callable[[Inventory], str]] = {
        "json": inventory_json,
        "csv": inventory_csv,
        "md": inventory_markdown,
        "text": inventory_text,
        "html": inventory_html,
    }
    if fmt not in renderers:
        raise ExportError(f"unknown inventory format {fmt!r}: use one of {', '.join(renderers)}")
    return renderers[fmt](inventory)


def write_inventory(inventory: Inventory, path: str | Path, fmt: str) -> None:
    """Render the inventory and write it atomically to `path`."""
    write_atomic(path, for_file(render_inventory(inventory, fmt), fmt))


def format_for_path(path: str | Path, default: str | None = "json") -> str | None:
    """The export format a file name asks for (.csv, .md/.markdown, .html/.htm, .txt, .json)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    fmt = _SUFFIX_FORMATS.get(suffix, suffix)
    return fmt if fmt in INVENTORY_FORMATS else default


def suffix_for(fmt: str) -> str:
    """The file suffix (without its dot) a new export in `fmt` is given: text → txt."""
    return _FORMAT_SUFFIXES.get(fmt, fmt)


def redaction_record(redaction: Redaction) -> dict[str, Any]:
    """One redaction as the JSON contract's object."""
    record = {name: getattr(redaction, name) for name in REDACTION_FIELDS}
    record["kind"] = str(redaction.kind)
    record["exemption_source"] = _str_or_none(redaction.exemption_source)
    record["bbox"] = [round(v, 2) for v in redaction.bbox] if redaction.bbox else None
    record["confidence"] = round(redaction.confidence, 3)
    if redaction.exemption_confidence is not None:
        record["exemption_confidence"] = round(redaction.exemption_confidence, 3)
    return record


def exemption_record(exemption: Exemption) -> dict[str, Any]:
    """One cited exemption as the JSON contract's object."""
    return {
        "code": exemption.code,
        "name": exemption.name,
        "regime": exemption.regime,
        "page": exemption.page,
        "start": exemption.start,
        "end": exemption.end,
        "text": exemption.text,
    }


def document_record(report: DocumentReport) -> dict[str, Any]:
    """One scanned document as the JSON contract's object."""
    summary = report.summary()
    return {
        "path": report.path,
        "sha256": report.sha256,
        "format": str(report.format),
        "pages": report.pages,
        "warnings": list(report.warnings),
        "exemptions_cited": [exemption_record(e) for e in report.exemptions_cited],
        "redactions": [redaction_record(r) for r in report.redactions],
        "summary": {
            "total": summary.total,
            "leaky": summary.leaky,
            "by_kind": summary.by_kind,
            "by_exemption": summary.by_exemption,
        },
    }


def inventory_json(inventory: Inventory) -> str:
    """The inventory as the documented JSON contract."""
    data = {
        "schema": INVENTORY_SCHEMA,
        "documents": [document_record(report) for report in inventory.documents],
        "errors": [{"path": e.path, "error": e.error} for e in inventory.errors],
        "skipped": list(inventory.skipped),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def inventory_csv(inventory: Inventory) -> str:
    """One row per redaction, safe to open in a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for report in inventory.documents:
        for redaction in report.redactions:
            row = {"path": report.path, "sha256": report.sha256, **redaction_record(redaction)}
            writer.writerow({key: _csv_cell(value) for key, value in row.items()})
    return buffer.getvalue()


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    if isinstance(value, str):
        if len(value) > CSV_CELL_LIMIT:
            cut = len(value) - CSV_CELL_LIMIT
            value = f"{value[:CSV_CELL_LIMIT]}… [{cut:,} more characters: see the JSON]"
        if value.startswith(_FORMULA_PREFIXES):
            return "'" + value  # shown as text, never evaluated
    return value


def for_file(text: str, fmt: str) -> str:
    """An export as written to a file: a CSV file starts with a byte-order mark, which tells
    Excel it is UTF-8 (without one it shows £ as Â£)."""
    return "\ufeff" + text if fmt == "csv" else text


def inventory_markdown(inventory: Inventory) -> str:
    """A readable report: a summary table, then every redaction, per document."""
    out = ["# Redaction inventory", ""]
    for report in inventory.documents:
        out.extend(_markdown_document(report))
    if inventory.errors:
        out.extend(["## Files that could not be read", ""])
        out.extend(f"- {_md(e.path)}: {_md(e.error)}" for e in inventory.errors)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _markdown_document(report: DocumentReport) -> list[str]:
    summary = report.summary()
    out = [f"## {_md(report.path)}", ""]
    out.append(f"{report.format} · {report.pages} page(s) · sha256 `{report.sha256[:16]}…`")
    out.append(f"**{summary.total} redaction(s)**, {summary.leaky} leaky.")
    out.append("")
    for warning in report.warnings:
        out.append(f"> Warning: {_md(warning)}")
    out.extend(["| Kind | Count |", "| --- | ---: |"])
    out.extend(f"| {kind} | {count} |" for kind, count in summary.by_kind.items())
    out.extend(["", "| Exemption | Count |", "| --- | ---: |"])
    out.extend(f"| {_md(code)} | {count} |" for code, count in summary.by_exemption.items())
    if report.exemptions_cited:
        cited = sorted({f"{e.code} ({e.name})" for e in report.exemptions_cited})
        out.extend(["", "Exemptions cited: " + ", ".join(_md(c) for c in cited)])
    if report.redactions:
        columns = ("Page", "Line", "Kind", "Marker", "Field", "Context", "Exemption")
        out.extend(["", "| " + " | ".join((*columns, "Est. chars", "Leaked")) + " |"])
        out.append("| ---: | ---: | --- | --- | --- | --- | --- | ---: | --- |")
        out.extend(_markdown_row(r) for r in report.redactions)
    out.append("")
    return out


def _markdown_row(r: Redaction) -> str:
    context = f"{r.context_before} ⟦…⟧ {r.context_after}".strip()
    exemption = f"{r.exemption} ({r.exemption_source})" if r.exemption else ""
    cells = [
        str(r.page),
        "" if r.line is None else str(r.line),
        str(r.kind) + (" ⚠ leaky" if r.leaky else ""),
        _md(r.marker),
        _md(r.field or ""),
        _md(context),
        _md(exemption),
        "" if r.est_chars is None else str(r.est_chars),
        _md(r.leaked_text or ""),
    ]
    return "| " + " | ".join(cells) + " |"


def _md(text: str) -> str:
    """Document text as literal Markdown table text: no pipes, markup or HTML survive as such."""
    text = printable_line(text.replace("\n", " "))
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text


def inventory_text(inventory: Inventory) -> str:
    """A plain report for the terminal: a summary per document, then a line per redaction."""
    out: list[str] = []
    for report in inventory.documents:
        out.extend(_text_document(report))
    for failure in inventory.errors:
        out.append(f"could not read {printable_line(failure.error)}")
    if not inventory.documents and not inventory.errors:
        out.append("no documents found")
    return "\n".join(out) + "\n"


def _text_document(report: DocumentReport) -> list[str]:
    summary = report.summary()
    kinds = ", ".join(f"{kind} {count}" for kind, count in summary.by_kind.items())
    cited = sorted({e.code for e in report.exemptions_cited})
    out = [
        f"{printable_line(report.path)}  ({report.format}, {report.pages} page(s))",
        f"  {summary.total} redaction(s), {summary.leaky} leaky" + (f": {kinds}" if kinds else ""),
        "  exemptions cited: " + (", ".join(cited) if cited else "none found"),
    ]
    out.extend(f"  warning: {printable_line(w)}" for w in report.warnings)
    out.extend(_text_row(r) for r in report.redactions)
    out.append("")
    return out


def _text_row(r: Redaction) -> str:
    where = f"p{r.page}" + (f" l{r.line}" if r.line is not None else "")
    marker = _clip(r.marker or "▮", 24)
    exemption = f"{r.exemption} ({r.exemption_source})" if r.exemption else "—"
    before, after = (" ".join(c.split()) for c in (r.context_before, r.context_after))
    detail = r.field or f"{before[-24:]} ⟦…⟧ {after[:24]}"
    if r.leaky and r.leaked_text:
        detail = f"LEAKS: {r.leaked_text}"
    kind = str(r.kind) + ("!" if r.leaky else "")
    return f"  {where:<9} {kind:<18} {marker:<24} {exemption:<24} {printable_line(detail)}"


def _clip(text: str, width: int) -> str:
    text = printable_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def inventory_html(inventory: Inventory) -> str:
    """A self-contained, printable HTML report to attach to an appeal (see `inventory_html.py`)."""
    from redactview.inventory_html import inventory_html as render

    return render(inventory)


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)
