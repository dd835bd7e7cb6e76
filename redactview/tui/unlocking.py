"""Encrypted PDFs opened without their password: ask for it, then read the file again with it.

    scan ── password needed ──► PasswordDialog ── typed ──► read again ── wrong ──► ask again
                                     └── Escape ──► the document fails: no password given

Typed passwords stay in the session's memory: never in settings, notifications or the screen.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from redactview.tui.session import Session
    from redactview.tui.state import DocumentState

NO_PASSWORD = "encrypted: no password given (open it again with o to type one)"


def ask_password(session: Session, state: DocumentState) -> None:
    """Ask for the password of an encrypted document the session could not open."""
    from redactview.tui.screens.dialogs import PasswordDialog

    wrong = session.password_for(state.path) is not None
    state.needs_password = True
    session.broadcast(state.path)
    dialog = PasswordDialog(state.name, wrong=wrong)
    session.app.push_screen(dialog, partial(_answered, session, state.path))


def _answered(session: Session, path: str, password: str | None) -> None:
    """Read the document again with the password typed, or let it fail if there is none."""
    state = session.documents.get(path)
    if state is None:
        return  # closed while the dialog was open
    if password is None:
        session.passwords.pop(path, None)
        state.needs_password = False
        state.error = NO_PASSWORD
        session.failed(f"{state.name}: {NO_PASSWORD}")
        session.broadcast(path)
        return
    session.passwords[path] = password
    session.reload(path)
