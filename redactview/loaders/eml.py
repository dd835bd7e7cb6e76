"""E-mail releases (.eml): the headers a reader sees and the message's text, attachments named."""

from __future__ import annotations

from email import policy
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.parser import BytesParser

from redactview.loaders.html import html_to_text

_HEADERS = ("From", "To", "Cc", "Date", "Subject")


def eml_to_text(data: bytes) -> str:
    """Headers, a blank line, the plain-text body (or the HTML body's text), then attachments."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    raw = {name.title(): value for name, value in message.raw_items()}
    lines = [f"{name}: {_header_text(raw[name])}" for name in _HEADERS if name in raw]
    body = message.get_body(preferencelist=("plain", "html"))
    text = ""
    if body is not None:
        content = body.get_content()
        text = html_to_text(content) if body.get_content_subtype() == "html" else content
    attachments = [part.get_filename() or "(unnamed)" for part in message.iter_attachments()]
    tail = [f"Attachment: {name}" for name in attachments]
    return "\n".join([*lines, "", text.rstrip("\n"), *tail]) + "\n"


def _header_text(raw: str) -> str:
    """A header as written (parsing would turn `[REDACTED]` into `<>`), decoded, unfolded."""
    try:
        value = str(make_header(decode_header(raw)))
    except (HeaderParseError, LookupError, UnicodeError):
        value = raw
    return " ".join(value.split())
