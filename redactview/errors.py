"""The errors redactview raises on purpose; `str(error)` is the one line a user sees."""

from __future__ import annotations


class RedactviewError(Exception):
    """Base of every error that should reach a user as one line, never as a traceback."""


class LoadError(RedactviewError):
    """A file could not be opened or read as a document."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class PasswordRequired(LoadError):
    """The PDF is encrypted and no (or the wrong) password was given."""


class ExportError(RedactviewError):
    """An inventory or comparison could not be written."""


def unexpected_error(path: str, error: BaseException) -> str:
    """One line for an error redactview did not expect on a file, so a scan can go on."""
    detail = " ".join(str(error).split())[:200]
    return f"{path}: could not be read ({type(error).__name__}: {detail}); please report this"
