"""Where redactview keeps its settings and caches: platformdirs, or REDACTVIEW_HOME when set."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "redactview"
HOME_VARIABLE = "REDACTVIEW_HOME"


def _home() -> Path | None:
    value = os.environ.get(HOME_VARIABLE)
    return Path(value) if value else None


def config_dir() -> Path:
    """The folder for settings (created on demand by whoever writes there)."""
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME))


def cache_dir() -> Path:
    """The folder for disposable caches such as OCR results."""
    home = _home()
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME))
