"""Encrypted PDFs opened without their password: ask for it, then read the file again with it.

    scan ── password needed ──► PasswordDialog ── typed ──► read again ── wrong ──► ask again
                                     └── Escape ──► the document fails: no password given

One dialog at a time: a folder of encrypted PDFs asks for each in the order they were found,
the next once the last is answered. Typed passwords stay in the session's memory: never in
settings, notifications or the screen.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from redactview.tui.session import Session
    from redactview.tui.state import DocumentState

OPEN_AGAIN = " (open it again with o to type one)"
NO_PASSWORD = "encrypted: no password given" + OPEN_AGAIN


def ask_password(session: Session, state: DocumentState) -> None:
    """Ask for the password of an encrypted document the session could not open."""
    state.needs_password = True
    session.broadcast(state.path)
    if state.path in session.asking:
        return  # its dialog is showing or waiting its turn
    session.asking.append(state.path)
    if len(session.asking) == 1:  # no dialog is showing
        _ask_first(session)


def _ask_first(session: Session) -> None:
    """Show the dialog for the first document waiting (closed documents are skipped)."""
    from redactview.tui.screens.dialogs import PasswordDialog

    while session.asking and session.asking[0] not in session.documents:
        session.asking.pop(0)
    if not session.asking:
        return
    path = session.asking[0]
    wrong = session.password_for(path) is not None
    dialog = PasswordDialog(session.documents[path].name, wrong=wrong)
    session.app.push_screen(dialog, partial(_answered, session, path))


def _answered(session: Session, path: str, password: str | None) -> None:
    """Read the document again with the password typed, or let it fail; then ask the next."""
    if path in session.asking:
        session.asking.remove(path)
    _take_answer(session, path, password)
    _ask_first(session)


def _take_answer(session: Session, path: str, password: str | None) -> None:
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
