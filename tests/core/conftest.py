"""Fixtures for core tests: PDFs built in code."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from tests.fixtures.pdfs import PageSpec, save_pdf

MakePdf = Callable[..., Path]


@pytest.fixture
def make_pdf(tmp_path: Path) -> MakePdf:
    """Build a PDF in tmp_path from page specs: `make_pdf([lines], draw_fn, name="x.pdf")`."""

    def build(*pages: PageSpec, name: str = "doc.pdf", **size: float) -> Path:
        specs: Sequence[PageSpec] = pages or ([""],)
        return save_pdf(tmp_path / name, specs, **size)

    return build
