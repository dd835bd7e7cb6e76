"""Messages the UI passes around: events that happened and requests for something to happen."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from redactview.model import Redaction


@dataclass
class DocumentChanged(Message):
    """A document's state moved on: pages arrived, its scan finished or it failed."""

    path: str


@dataclass
class OpenDocument(Message):
    """Request: open this file (or folder) in the session."""

    path: str


@dataclass
class RedactionSelected(Message):
    """A redaction was chosen in a list or clicked in the page view."""

    redaction: Redaction
