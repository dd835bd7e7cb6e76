"""Benchmark `redactview diff` on two generated 1,000-page releases of one document.

Release A is wrapped at 78 columns, 46 lines a page, with "[REDACTED]" markers. Release B is the
same text re-redacted in different places with "[WITHHELD]", wrapped at 64 columns, 52 lines a page,
with running headers and footers and about 2% of its letters misread as by OCR. Printed, from
one run: the diff (load, scan, align) and its two parts, the scans of both releases and the
alignment's own share (the diff less the scans); the floor (loading both documents' text); and
`difflib.SequenceMatcher` over lines, the baseline a user would otherwise reach for. Once the
text is reflowed difflib finds almost no line in common: on text, with its many blank lines, it
goes quadratic; on PDF text (no blank lines) it is quick but calls every line an edit, so its
share of lines found unchanged is printed too.

    python benchmarks/bench_diff.py                 1,000 pages of text
    python benchmarks/bench_diff.py --pages 100     a quick run while developing
    python benchmarks/bench_diff.py --pdf           the same releases as PDFs
    python benchmarks/bench_diff.py --profile       also where the alignment's time goes
    python benchmarks/bench_diff.py --repeat 3      best of three of each timing (a busy machine)
"""

from __future__ import annotations

import argparse
import difflib
import multiprocessing
import random
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

from redactview.align import DiffResult, Release, compare, diff_files, load_release
from redactview.loaders import load_document

SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "ca",
    "ce",
    "co",
    "da",
    "de",
    "di",
    "do",
    "fa",
    "fe",
    "fi",
    "ga",
    "ge",
    "go",
    "ha",
    "he",
    "hi",
    "ka",
    "ke",
    "ko",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "na",
    "ne",
    "ni",
    "no",
    "pa",
    "pe",
    "pi",
    "po",
    "ra",
    "re",
    "ri",
    "ro",
    "sa",
    "se",
    "si",
    "so",
    "ta",
    "te",
    "ti",
    "to",
    "va",
    "ve",
    "vi",
    "wa",
    "we",
]
LOOK_ALIKE = {"e": "c", "c": "e", "h": "b", "n": "u", "a": "o", "t": "f", "s": "5", "l": "1"}
DIFFLIB_LIMIT = 300.0  # seconds before difflib is given up on
TARGET = 3.0  # the diff, as a multiple of the floor


def vocabulary(rng: random.Random, size: int) -> list[str]:
    """Made-up words of two to four syllables."""
    return ["".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(size)]


def paragraphs(pages: int, seed: int = 7) -> list[str]:
    """About a page of text per 7.5 paragraphs, words drawn with Zipf-like frequencies."""
    rng = random.Random(seed)
    words = vocabulary(rng, 40_000)
    weights = [1.0 / (rank + 1) for rank in range(len(words))]
    out = []
    for _ in range(pages * 15 // 2):
        sentences = []
        for _ in range(rng.randint(2, 5)):
            chosen = rng.choices(words, weights, k=rng.randint(8, 20))
            if rng.random() < 0.3:
                chosen.insert(rng.randrange(len(chosen)), f"£{rng.randint(100, 99_999):,}")
            sentences.append(" ".join(chosen).capitalize() + ".")
        out.append(" ".join(sentences))
    return out


def redact(paras: list[str], rng: random.Random, marker: str, share: float) -> list[str]:
    """Replace a run of one to three words with `marker` in `share` of the paragraphs."""
    out = []
    for para in paras:
        words = para.split(" ")
        if rng.random() < share and len(words) > 6:
            at = rng.randrange(1, len(words) - 4)
            words[at : at + rng.randint(1, 3)] = [marker]
        out.append(" ".join(words))
    return out


def wrap(paras: list[str], width: int) -> list[str]:
    """Lines of at most `width` characters, a blank line between paragraphs."""
    lines: list[str] = []
    for para in paras:
        line = ""
        for word in para.split(" "):
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.extend([line, ""])
    return lines


def paginate(lines: list[str], per_page: int, furniture: bool) -> list[list[str]]:
    """Pages of `per_page` lines, with a running header and a footer when `furniture`."""
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    if furniture:
        total = len(pages)
        pages = [
            ["OFFICIAL - Released under FOIA", *page, f"Page {n} of {total}"]
            for n, page in enumerate(pages, 1)
        ]
    return pages


def ocr_noise(text: str, rate: float, rng: random.Random) -> str:
    """Misread about `rate` of the letters as a look-alike."""
    chars = list(text)
    for index, char in enumerate(chars):
        if char in LOOK_ALIKE and rng.random() < rate:
            chars[index] = LOOK_ALIKE[char]
    return "".join(chars)


def make_releases(pages: int) -> tuple[list[list[str]], list[list[str]]]:
    """The two releases as pages of lines."""
    rng = random.Random(11)
    paras = paragraphs(pages)
    a = redact(paras, rng, "[REDACTED]", 0.3)
    b = redact(paras, rng, "[WITHHELD]", 0.3)
    a_pages = paginate(wrap(a, 78), 46, furniture=False)
    b_pages = paginate(wrap([ocr_noise(p, 0.02, rng) for p in b], 64), 52, furniture=True)
    return a_pages, b_pages


def write_text(path: Path, pages: list[list[str]]) -> Path:
    """Pages separated by form feeds."""
    path.write_text("\f".join("\n".join(page) for page in pages), encoding="utf-8")
    return path


def write_pdf(path: Path, pages: list[list[str]]) -> Path:
    """One PDF page per page of lines, in Courier so every line fits."""
    import pymupdf

    doc = pymupdf.open()
    for lines in pages:
        page = doc.new_page(width=595, height=842)
        text = "\n".join(lines)
        page.insert_text((40, 40), text, fontsize=8.5, fontname="cour", lineheight=1.5)
    doc.save(path)
    doc.close()
    return path


def timed(work: Callable[[], object]) -> float:
    """Seconds one call of `work` takes."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def best(work: Callable[[], object], repeat: int) -> float:
    """The fastest of `repeat` calls of `work`: the least disturbed by whatever else runs."""
    return min(timed(work) for _ in range(max(1, repeat)))


def load_texts(a: Path, b: Path) -> None:
    """The floor: both documents' text, as `redactview text` reads it."""
    for path in (a, b):
        with load_document(path) as document:
            document.text()


def difflib_lines(a: Path, b: Path, answer: Connection) -> None:
    """What a user would otherwise run: difflib over the lines of both texts (timed once the
    texts are loaded)."""
    texts = []
    for path in (a, b):
        with load_document(path) as document:
            texts.append(document.text().splitlines())
    matcher = difflib.SequenceMatcher(None, texts[0], texts[1], autojunk=False)
    seconds = timed(matcher.get_opcodes)
    same = sum(block.size for block in matcher.get_matching_blocks())
    answer.send((seconds, same / max(1, len(texts[0]))))


def difflib_seconds(a: Path, b: Path) -> tuple[float, float] | None:
    """difflib's time and the share of A's lines it matched, or None past DIFFLIB_LIMIT."""
    receiver, sender = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.Process(target=difflib_lines, args=(a, b, sender))
    process.start()
    ready = receiver.poll(DIFFLIB_LIMIT + 120)  # loading the texts comes first
    process.terminate()
    process.join()
    return tuple(receiver.recv()) if ready else None


def peak_align_memory(a: Path, b: Path) -> int:
    """Peak bytes allocated while aligning two loaded releases."""
    first, second = load_release(a), load_release(b)
    tracemalloc.start()
    compare(first, second)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    """Generate the releases, time each step, print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--pdf", action="store_true", help="write the releases as PDFs")
    parser.add_argument("--no-difflib", action="store_true", help="skip the difflib baseline")
    parser.add_argument(
        "--repeat", type=int, default=1, help="time each step this often, keep the best"
    )
    parser.add_argument("--profile", action="store_true", help="print cProfile's top of compare")
    args = parser.parse_args()
    a_pages, b_pages = make_releases(args.pages)
    with tempfile.TemporaryDirectory() as folder:
        write = write_pdf if args.pdf else write_text
        suffix = ".pdf" if args.pdf else ".txt"
        a = write(Path(folder) / f"release_a{suffix}", a_pages)
        b = write(Path(folder) / f"release_b{suffix}", b_pages)
        # Warm up (imports, compiled patterns) on a few pages, so no timing pays for them.
        diff_files(
            [
                write(Path(folder) / f"warm_{n}{suffix}", p[:3])
                for n, p in enumerate((a_pages, b_pages))
            ]
        )
        report(args, a, b, len(a_pages), len(b_pages))


def report(args: argparse.Namespace, a: Path, b: Path, a_count: int, b_count: int) -> None:
    """Run and print every measurement."""
    print(f"releases: {a_count} and {b_count} pages ({'PDF' if args.pdf else 'text'})")
    floor = best(lambda: load_texts(a, b), max(3, args.repeat))  # the floor's best case
    result: list[DiffResult] = []
    diff = best(lambda: result.append(diff_files([a, b])), args.repeat)
    scans = best(lambda: (load_release(a), load_release(b)), args.repeat)
    first, second = load_release(a), load_release(b)
    compared = best(lambda: compare(first, second), args.repeat)
    comparison = result[0].comparisons[0]
    print(f"changes: {comparison.counts}  similarity {comparison.similarity:.3f}")
    met = "met" if diff / floor <= TARGET else "missed"
    print(f"floor: load both texts          {floor:8.2f} s")
    print(f"diff: load, scan and align      {times(diff, floor)}  (target {TARGET:.0f} x: {met})")
    print(f"  scans (load and scan both)    {times(scans, floor)}")
    print(f"  alignment (diff less scans)   {times(max(0.0, diff - scans), floor)}")
    print(f"compare alone, releases loaded  {times(compared, floor)}")
    print(f"peak memory while aligning      {peak_align_memory(a, b) / 2**20:8.1f} MiB")
    if args.profile:
        print_profile(first, second)
    if not args.no_difflib:
        print_difflib(a, b, compared)


def times(seconds: float, floor: float) -> str:
    """Seconds, and as a multiple of the floor."""
    return f"{seconds:8.2f} s  {seconds / floor:6.2f} x floor"


def print_difflib(a: Path, b: Path, compared: float) -> None:
    """difflib's time over the texts' lines, against compare's, and what it matched."""
    found = difflib_seconds(a, b)
    if found is None:
        print(f"difflib.SequenceMatcher, lines  > {DIFFLIB_LIMIT:.0f} s (stopped)")
        return
    seconds, same = found
    ratio = f"{seconds / compared:6.1f} x compare"
    print(f"difflib.SequenceMatcher, lines  {seconds:8.2f} s  {ratio} (texts loaded)")
    print(f"  lines difflib found unchanged {same:8.1%}  (the rest it calls edits)")


def print_profile(a: Release, b: Release) -> None:
    """cProfile's 25 costliest functions (own time) while comparing two loaded releases."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(compare, a, b)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
