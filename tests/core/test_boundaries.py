"""The core stays free of UI libraries, and text made safe for a terminal keeps its offsets."""

from __future__ import annotations

import subprocess
import sys

import pytest

from redactview.textsafe import has_controls, printable, printable_line

CORE_MODULES = [
    "redactview",
    "redactview.model",
    "redactview.scan",
    "redactview.export",
    "redactview.cli",
    "redactview.loaders",
    "redactview.loaders.pdf",
    "redactview.detectors",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_imports_no_ui_library(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "bad = sorted(m for m in ('textual', 'rich') if m in sys.modules); "
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_package_import_is_light() -> None:
    code = "import sys, redactview; print('pymupdf' in sys.modules, 'numpy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["False", "False"]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain [REDACTED] text", "plain [REDACTED] text"),
        ("a\x1b[31mred", "a\u241b[31mred"),
        ("osc\x1b]52;c;aGk=\x07", "osc\u241b]52;c;aGk=\u2407"),
        ("c1\x9b2J", "c1\ufffd2J"),
        ("nul\x00del\x7f", "nul\u2400del\u2421"),
        ("bidi\u202eevil", "bidi\ufffdevil"),
        ("keeps\nnew\tlines\fand pages", "keeps\nnew\tlines\fand pages"),
    ],
)
def test_printable_makes_controls_visible_and_keeps_length(text: str, shown: str) -> None:
    assert printable(text) == shown
    assert len(printable(text)) == len(text)
    assert has_controls(text) == (text != shown)


def test_printable_line_shows_newlines_too() -> None:
    assert printable_line("a\nb\tc") == "a\u240ab\u2409c"
