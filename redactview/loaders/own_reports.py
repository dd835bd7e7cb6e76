"""redactview's own reports, told apart by their first bytes.

An inventory or comparison saved beside the releases it describes would otherwise be read as
one more release on the next scan of that folder, with every marker it quotes counted again.
"""

from __future__ import annotations

import re

from redactview.export import CSV_FIELDS

_FORMATS = rb"(?:pdf|text|image|html|docx|email)"
# The start of each report redactview writes (a CSV file may begin with a byte-order mark),
# specific enough that a release which only opens with the same words is still read.
_REPORT = re.compile(
    rb"""\A(?:\xef\xbb\xbf)?(?:
        \{\s*"schema":\s*"redactview\.(?:inventory|diff)/\d+"          # JSON
      | """
    + re.escape(",".join(CSV_FIELDS).encode())
    + rb"""\r?\n                                                    # CSV inventory
      | \#\ Redaction\ inventory\n\n(?:\#\#\ Files\ that\ could\ not\ be\ read\n
        | \#\#\ [^\n]*\n\n"""
    + _FORMATS
    + rb"""\ \xc2\xb7\ \d+\ page\(s\)\ \xc2\xb7\ sha256\ )         # Markdown inventory
      | [^\n]*\ \ \("""
    + _FORMATS
    + rb""",\ \d+\ page\(s\)\)\r?\n\ \ \d+\ redaction\(s\),\ \d+\ leaky  # text inventory
      | R1\ [^\n]*\ \xe2\x86\x92\ R2\ [^\n]*\r?\nsimilarity\ [\d.]+%      # text comparison
      | <!DOCTYPE\ html>.{0,600}?<meta\ name="generator"\ content="redactview">  # HTML
    )""",
    re.VERBOSE | re.DOTALL,
)
HEAD_BYTES = 1024  # enough for each signature above


def is_own_report(head: bytes) -> bool:
    """True when a file starting with `head` is an inventory or comparison redactview wrote."""
    return _REPORT.match(head) is not None


def is_own_report_file(path: str) -> bool:
    """True when the file at `path` is a redactview report (False if it cannot be read)."""
    try:
        with open(path, "rb") as handle:
            return is_own_report(handle.read(HEAD_BYTES))
    except OSError:
        return False  # the loader will say what is wrong with it
