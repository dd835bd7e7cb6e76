"""Deterministic benchmark inputs: a large FOI-style text release and a many-page PDF.

Both are built from one pool of lines: council prose, tables, email headers, and about one
line in eight carrying a redaction marker of some kind, so detectors do realistic work.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

SEED = 2025
LINES_PER_PAGE = 48
WIDTH = 78

SUBJECTS = ("The Council", "The contractor", "The Head of Service", "The working group", "Officers")
VERBS = ("agreed", "noted", "asked for", "reported on", "reviewed", "withheld", "approved")
OBJECTS = (
    "the revised depot timetable",
    "the insurer's conditions for the temporary yard",
    "the heads of terms for the new site",
    "the ground survey and its cost",
    "the staffing plan for the move",
    "the complaint received in October",
    "the procurement route for the groundworks",
    "the draft minutes of the previous meeting",
)
TAILS = ("in full.", "subject to contract.", "before the end of March.", "at the last meeting.")
NAMES = ("Harriet Vell", "Owen Marchbank", "Gideon Roe", "the Fleet Manager", "the Chair")

MARKED_LINES = (
    "Following the call with ******** yesterday, the price was held until {day} {month}.",
    "The tendered price was [s.43(2)] and the contingency sum £***** for the year.",
    "Attendees: {name}, [Redacted - Section 40(2)] and * * * * * * (Graduate Surveyor).",
    "From: [",
    "Cc: {name}; [ ...",
    "Mobile: 07700 900XXX   Office: 01632 960 {num}",
    "Site access is via [REDACTED] and the gate code changes monthly.",
    "Contract value: £********   Total cost: [WITHHELD]",
    "The officer responsible, " + "\u2588" * 8 + ", confirmed the figures.",
    "Withheld under section 31(1)(a): ****************************************",
)
TABLE_ROW = "CDC-{ref:04d}  {title:<30} {supplier:<28} {value:>12}"
TITLES = ("Street lighting maintenance", "Highway gully cleansing", "Fleet telematics")
SUPPLIERS = ("Fenlark Highways Ltd", "Lumen Arc Services Ltd", "Trelloway Fleet Systems Ltd")


def plain_line(rng: random.Random) -> str:
    """One line of ordinary prose, or a bullet, or a footnote: text with nothing hidden."""
    sentence = (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
    )
    kind = rng.random()
    if kind < 0.05:
        return f"  * {sentence}"
    if kind < 0.08:
        return f"[{rng.randint(1, 9)}] See the Contract Procedure Rules, part {rng.randint(2, 9)}."
    return sentence if len(sentence) <= WIDTH else sentence[:WIDTH].rsplit(" ", 1)[0]


def marked_line(rng: random.Random) -> str:
    """One line carrying a redaction marker."""
    template = rng.choice(MARKED_LINES)
    return template.format(
        day=rng.randint(1, 28),
        month=rng.choice(("March", "April", "October")),
        name=rng.choice(NAMES),
        num=rng.randint(100, 999),
    )


def table_line(rng: random.Random) -> str:
    """A register row; one in five has its value withheld."""
    value = f"£{rng.randint(5, 900) * 1000:,}.00" if rng.random() > 0.2 else "[WITHHELD]"
    return TABLE_ROW.format(
        ref=rng.randint(1, 9999),
        title=rng.choice(TITLES),
        supplier=rng.choice(SUPPLIERS),
        value=value,
    )


def line_pool(size: int = 4000, *, ascii_only: bool = False) -> list[str]:
    """A fixed pool of lines, about one in eight with a marker."""
    rng = random.Random(SEED)
    pool = []
    for _ in range(size):
        roll = rng.random()
        if roll < 0.125:
            line = marked_line(rng)
        elif roll < 0.2:
            line = table_line(rng)
        else:
            line = plain_line(rng)
        if ascii_only:
            line = line.replace("\u2588", "#")
        pool.append(line)
    return pool


def pages(pool: list[str], count: int | None = None) -> Iterator[str]:
    """Pages of text drawn from the pool with a header line, endlessly or `count` times."""
    rng = random.Random(SEED + 1)
    number = 0
    while count is None or number < count:
        number += 1
        body = [rng.choice(pool) for _ in range(LINES_PER_PAGE)]
        yield "\n".join([f"FOI-2025-0417   Document C{number % 40}   Page {number}", "", *body])


def write_text_release(path: Path, megabytes: float) -> Path:
    """Write a UTF-8 text release of at least `megabytes` MB, pages split by form feeds."""
    target = int(megabytes * 1e6)
    written = 0
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for index, page in enumerate(pages(line_pool())):
            chunk = ("\f" if index else "") + page
            handle.write(chunk)
            written += len(chunk.encode("utf-8"))
            if written >= target:
                break
        handle.write("\n")
    return path


def write_pdf_release(path: Path, page_count: int) -> Path:
    """Write a born-digital PDF of `page_count` pages of the same kind of text."""
    import pymupdf

    doc = pymupdf.open()
    for text in pages(line_pool(ascii_only=True), page_count):
        page = doc.new_page(width=595, height=842)
        page.insert_text((50, 50), text.split("\n"), fontname="helv", fontsize=9, lineheight=1.5)
    doc.save(path, garbage=1, deflate=True)
    doc.close()
    return path
