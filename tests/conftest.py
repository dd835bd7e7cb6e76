"""Fixtures for every test: an isolated home for settings and caches."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point REDACTVIEW_HOME at a fresh folder so no test reads or writes the user's own files."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("REDACTVIEW_HOME", str(home))
    monkeypatch.delenv("REDACTVIEW_PASSWORD", raising=False)
    return home
