"""The help screen: what each screen is for and every key, enough to work without a manual."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# redactview

Find, count, compare and export the redactions in disclosed documents. Escape, `q` or `?`
closes this help; ↑ ↓ scroll it.

## Getting round

1. **Library** lists the documents you opened, with pages, redactions by kind, leaks and the
   exemptions each one cites. Press **Enter** on a document to read it.
2. **Document** shows a page with every redaction highlighted by kind; **leaks** (text still
   readable under a box, white boxes, hidden text) stand out in red. The list beside it has every
   redaction; **Enter** jumps to one and the panel below explains it.
3. **Compare** puts two releases of the same document side by side: what one release withheld
   and the other revealed, and what was added, removed or changed.
4. **Export** (`e`) writes the inventory (CSV, JSON, Markdown, text, HTML) or the comparison
   (JSON, HTML). An encrypted PDF opened without its password asks for it.

## Keys everywhere

| Key | Does |
| --- | --- |
| `?` | this help |
| `ctrl+p` | command palette: every command by name |
| `e` | export from the screen you are on |
| `o` | open another file or folder |
| `t` | switch between light and dark theme |
| `escape` | back to the previous screen |
| `q` | quit |

## Library

| Key | Does |
| --- | --- |
| `enter` | open the highlighted document |
| `space` | mark / unmark a document for comparison (two at most) |
| `c` | compare the two marked documents (or the only two open) |
| `x` | close the highlighted document (stops its loading) |

## Document

| Key | Does |
| --- | --- |
| `n` / `p` | next / previous redaction |
| `enter` | in the list: jump to that redaction |
| `←` `→` | previous / next page |
| `g` | go to a page by number |
| `/` | search the text; `m` / `M` next / previous match |
| `f` | filter the list by kind, leaks or exemption |
| `i` | page image with boxes outlined (where the terminal can show images) |
| `tab` | move between page, filter and list |

## Compare

| Key | Does |
| --- | --- |
| `]` / `[` | next / previous change |
| `w` | show only withheld and revealed changes (again: show all) |
| `r` | after a release could not be read: read it again (asking for a password if it needs one) |
| `↑` `↓` `pgup` `pgdn` | scroll both releases together |

## Colours

Markers (asterisks, blocks, XXXX) · labels such as [REDACTED] · truncations · missing values ·
boxes · **leaks** · exemptions cited · search matches · the selected redaction. In Compare:
withheld · revealed · added · removed · changed.

Document text is always shown exactly as it is: control characters appear as visible symbols
such as ␛, and nothing in a document can run a command.
"""


class HelpScreen(ModalScreen[None]):
    """Keys and a short guide; Escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [("escape,q,question_mark", "dismiss(None)", "Close")]

    def compose(self) -> ComposeResult:
        """The guide, scrollable."""
        with VerticalScroll(classes="dialog", id="help"):
            yield Markdown(HELP)
