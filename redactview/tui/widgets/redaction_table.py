"""The list of a document's redactions: page, kind, exemption, length and context."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from redactview.model import Redaction
from redactview.tui.present import context_of, kind_label, length_estimate, safe

COLUMNS = ("Pg", "Kind", "Exemption", "Len", "Context")


class RedactionTable(DataTable[Text]):
    """Redactions one per row, keyed by id; Enter jumps to the highlighted one."""

    DEFAULT_CSS = """
    RedactionTable { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.shown: list[Redaction] = []
        self._row_of: dict[str, int] = {}

    def on_mount(self) -> None:
        """Set up the columns."""
        self.add_columns(*COLUMNS)

    def show(self, redactions: list[Redaction]) -> None:
        """Replace the rows with `redactions`, keeping the cursor on the same one if it is there."""
        current = self.current
        self.clear()
        self.shown = list(redactions)
        self._row_of = {r.id: index for index, r in enumerate(self.shown)}
        for redaction in self.shown:
            self.add_row(*self._cells(redaction), key=redaction.id)
        if current is not None:
            self.select(current.id)

    def _cells(self, redaction: Redaction) -> list[Text]:
        style = "bold red" if kind_label(redaction).startswith("⚠") else ""
        return [
            Text(str(redaction.page), justify="right"),
            Text(kind_label(redaction), style=style),
            safe(redaction.exemption or "—", 14),
            Text(length_estimate(redaction)),
            safe(context_of(redaction), 40),
        ]

    @property
    def current(self) -> Redaction | None:
        """The redaction under the cursor."""
        if not self.shown or not 0 <= self.cursor_row < len(self.shown):
            return None
        return self.shown[self.cursor_row]

    def select(self, redaction_id: str) -> bool:
        """Move the cursor to the redaction with this id; False if it is not shown."""
        index = self._row_of.get(redaction_id)
        if index is None:
            return False
        self.move_cursor(row=index, animate=False)
        return True

    def is_shown(self, redaction: Redaction) -> bool:
        """True when the redaction has a row."""
        return redaction.id in self._row_of

    def step(self, delta: int) -> Redaction | None:
        """Move the cursor `delta` rows (wrapping round) and return the redaction there."""
        if not self.shown:
            return None
        self.move_cursor(row=(self.cursor_row + delta) % len(self.shown), animate=False)
        return self.current
