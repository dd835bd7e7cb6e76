"""The user's settings: theme, last folder and recent files, kept as JSON in the config folder."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from redactview.errors import ExportError
from redactview.export import write_atomic
from redactview.paths import config_dir

SETTINGS_FILE = "settings.json"
MAX_RECENT = 10
DEFAULT_THEME = "textual-dark"


@dataclass(frozen=True, slots=True)
class Settings:
    """What the UI remembers between sessions."""

    theme: str = DEFAULT_THEME
    last_folder: str = ""
    recent_files: tuple[str, ...] = field(default=())

    def with_recent(self, path: str) -> Settings:
        """These settings with `path` first in the recent files and its folder as the last one."""
        recent = (path, *(p for p in self.recent_files if p != path))[:MAX_RECENT]
        return replace(self, recent_files=recent, last_folder=str(Path(path).parent))


def settings_path(folder: Path | None = None) -> Path:
    """Where the settings file lives."""
    return (folder or config_dir()) / SETTINGS_FILE


def load_settings(folder: Path | None = None) -> Settings:
    """Read the settings; a missing, unreadable or corrupt file gives the defaults."""
    try:
        data = json.loads(settings_path(folder).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return Settings()
    return settings_from_dict(data) if isinstance(data, dict) else Settings()


def settings_from_dict(data: dict[str, Any]) -> Settings:
    """Settings from parsed JSON, ignoring fields of the wrong type."""
    defaults = Settings()
    theme = data.get("theme")
    folder = data.get("last_folder")
    recent = data.get("recent_files")
    files = tuple(p for p in recent if isinstance(p, str)) if isinstance(recent, list) else ()
    return Settings(
        theme=theme if isinstance(theme, str) and theme else defaults.theme,
        last_folder=folder if isinstance(folder, str) else defaults.last_folder,
        recent_files=files[:MAX_RECENT],
    )


def save_settings(settings: Settings, folder: Path | None = None) -> bool:
    """Write the settings atomically; return False (and keep going) if they cannot be written."""
    path = settings_path(folder)
    data = asdict(settings)
    data["recent_files"] = list(settings.recent_files)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    except (OSError, ExportError):
        return False
    return True
