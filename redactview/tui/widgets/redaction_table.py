"""The list of a document's redactions: page, kind, exemption, length and context."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import DataTable

from redactview.model import Redaction
from redactview.tui.present import context_of, kind_label, length_estimate, safe

COLUMNS = ("Pg", "Kind", "Exemption", "Len", "Context")
OPTIONAL = ("Exemption", "Len")  # dropped, last first, when Context would be squeezed
MIN_CONTEXT = 16
_CELLS = {"Pg": 3, "Kind": 16, "Exemption": 10, "Len": 6}  # widest usual value of each


def columns_for(width: int) -> tuple[str, ...]:
    """The columns to show in `width` cells, keeping at least MIN_CONTEXT for Context."""
    columns = list(COLUMNS)
    for optional in reversed(OPTIONAL):
        fixed = sum(_CELLS[c] + 2 for c in columns if c != "Context")
        if width - fixed - 2 >= MIN_CONTEXT:
            break
        columns.remove(optional)
    return tuple(columns)


class RedactionTable(DataTable[Text]):
    """Redactions one per row, keyed by id; Enter jumps to the highlighted one."""

    DEFAULT_CSS = """
    RedactionTable { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.shown: list[Redaction] = []
        self._row_of: dict[str, int] = {}
        self.shown_columns: tuple[str, ...] = COLUMNS

    def on_mount(self) -> None:
        """Set up the columns."""
        self.add_columns(*self.shown_columns)

    def on_resize(self, event: events.Resize) -> None:
        """Drop or bring back the optional columns to suit the new width."""
        columns = columns_for(event.size.width)
        if columns != self.shown_columns:
            self.shown_columns = columns
            self.clear(columns=True)
            self.add_columns(*columns)
            self.show(self.shown)

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
        cells = {
            "Pg": Text(str(redaction.page), justify="right"),
            "Kind": Text(kind_label(redaction), style=style),
            "Exemption": safe(redaction.exemption or "—", 14),
            "Len": Text(length_estimate(redaction)),
            "Context": safe(context_of(redaction), 40),
        }
        return [cells[column] for column in self.shown_columns]

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
