"""Settings: saved as JSON under the config folder, written atomically, defaults when corrupt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redactview.paths import config_dir
from redactview.settings import (
    MAX_RECENT,
    Settings,
    load_settings,
    save_settings,
    settings_path,
)


def test_round_trip_through_the_config_folder() -> None:
    settings = Settings(theme="textual-light", last_folder="/data", recent_files=("/data/a.pdf",))
    assert save_settings(settings)
    assert settings_path().parent == config_dir()
    assert load_settings() == settings
    assert json.loads(settings_path().read_text(encoding="utf-8"))["theme"] == "textual-light"


def test_missing_file_gives_defaults() -> None:
    assert not settings_path().exists()
    assert load_settings() == Settings()


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b'{"theme": 7, "recent_files": "nope", "last_folder": null}',
        b"",
    ],
)
def test_corrupt_file_gives_defaults(content: bytes) -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_bytes(content)
    assert load_settings() == Settings()


def test_fields_of_the_wrong_type_are_ignored_one_by_one() -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    data = {"theme": "textual-light", "recent_files": ["/a.txt", 3, "/b.txt"], "last_folder": 5}
    settings_path().write_text(json.dumps(data), encoding="utf-8")
    assert load_settings() == Settings("textual-light", "", ("/a.txt", "/b.txt"))


def test_recent_files_move_to_the_front_without_duplicates() -> None:
    settings = Settings()
    for name in ("a", "b", "a"):
        settings = settings.with_recent(f"/docs/{name}.pdf")
    assert settings.recent_files == ("/docs/a.pdf", "/docs/b.pdf")
    assert settings.last_folder == "/docs"
    for index in range(MAX_RECENT + 5):
        settings = settings.with_recent(f"/docs/{index}.pdf")
    assert len(settings.recent_files) == MAX_RECENT


def test_save_leaves_no_temporary_files_and_replaces_the_old_one() -> None:
    save_settings(Settings(theme="one"))
    save_settings(Settings(theme="two"))
    assert [p.name for p in settings_path().parent.iterdir()] == ["settings.json"]
    assert load_settings().theme == "two"


def test_an_unwritable_folder_reports_failure_without_raising(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert save_settings(Settings(), folder=blocker / "config") is False
