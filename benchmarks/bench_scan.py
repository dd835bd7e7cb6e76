"""Scan speed and memory: redactview's `scan_file` against baselines measured in the same run.

Builds, in a temporary folder, a large plain-text release (≥ 20 MB of FOI-style prose with
asterisk runs, bracketed labels, `[` truncations, masked sums and block characters) and a
1,000-page born-digital PDF with text markers, then times:

- text: one pass of a single compiled regex (`\\*{3,}`) over the decoded text, against
  `scan_file` on the file (reading, decoding and every detector included);
- PDF: `page.get_text()` on every page, against `scan_file` on the PDF.

Each measurement runs in a fresh child process, so its peak RSS (`resource.getrusage`) is its
own: a 250-page and a 1,000-page PDF (and a quarter-size and a full text release) show whether
memory stays flat as documents grow. Targets: text scan ≤ 5× the regex pass; PDF scan ≤ 2× the
`get_text()` pass.

    python benchmarks/bench_scan.py            # full run: 20 MB text, 1,000-page PDF
    python benchmarks/bench_scan.py --quick    # small run: 2 MB text, 100-page PDF
    python benchmarks/bench_scan.py --profile  # also print where the scan's time goes (cProfile)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scan_inputs import write_pdf_release, write_text_release

TEXT_TARGET, PDF_TARGET = 5.0, 2.0
BASELINE_REPEAT = 3  # baselines are cheap: take the best of three
MEASURE = Path(__file__).resolve().parent / "scan_measure.py"


@dataclass(frozen=True, slots=True)
class Sizes:
    """How big the generated inputs are."""

    text_mb: float
    pdf_pages: int

    @property
    def small_text_mb(self) -> float:
        """The smaller text release, for the memory comparison."""
        return self.text_mb / 4

    @property
    def small_pdf_pages(self) -> int:
        """The smaller PDF, for the memory comparison."""
        return max(1, self.pdf_pages // 4)


FULL, QUICK = Sizes(text_mb=21.0, pdf_pages=1000), Sizes(text_mb=2.0, pdf_pages=100)


@dataclass(frozen=True, slots=True)
class Measured:
    """One child process's result: best time, peak RSS, pages and what it found."""

    seconds: float
    rss_mb: float
    pages: int
    found: int


def measure(task: str, path: Path, repeat: int, profile: bool = False) -> Measured:
    """Run one measurement in a fresh Python process and read back its JSON line."""
    command = [sys.executable, str(MEASURE), task, str(path), "--repeat", str(repeat)]
    if profile:
        command.append("--profile")
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    *report, last = done.stdout.strip().splitlines()
    if report:
        print("\n".join(report))
    data = json.loads(last)
    return Measured(data["seconds"], data["rss_kb"] / 1024, data["pages"], data["found"])


def verdict(ratio: float, target: float) -> str:
    """'met' or 'MISSED' against a ratio target."""
    return "met" if ratio <= target else "MISSED"


def report_text(path: Path, base: Measured, scan: Measured) -> None:
    """Print the text release's throughput and ratio."""
    megabytes = path.stat().st_size / 1e6
    ratio = scan.seconds / base.seconds
    print(f"\ntext release: {megabytes:.1f} MB, {scan.pages:,} pages, {scan.found:,} redactions")
    print(f"  regex \\*{{3,}} pass   {base.seconds:8.3f} s  {megabytes / base.seconds:9.1f} MB/s")
    print(
        f"  scan_file           {scan.seconds:8.3f} s  {megabytes / scan.seconds:9.1f} MB/s"
        f"  {scan.pages / scan.seconds:9.0f} pages/s"
    )
    print(f"  ratio {ratio:.1f}x   target <= {TEXT_TARGET:.0f}x   {verdict(ratio, TEXT_TARGET)}")


def report_pdf(base: Measured, scan: Measured) -> None:
    """Print the PDF's throughput and ratio."""
    ratio = scan.seconds / base.seconds
    print(f"\nPDF: {scan.pages:,} pages, {scan.found:,} redactions")
    print(f"  page.get_text()     {base.seconds:8.3f} s  {base.pages / base.seconds:9.0f} pages/s")
    print(f"  scan_file           {scan.seconds:8.3f} s  {scan.pages / scan.seconds:9.0f} pages/s")
    print(f"  ratio {ratio:.2f}x   target <= {PDF_TARGET:.0f}x   {verdict(ratio, PDF_TARGET)}")


def report_memory(label: str, small: tuple[str, Measured], large: tuple[str, Measured]) -> None:
    """Print peak RSS for a small and a large input of the same kind."""
    (small_name, small_run), (large_name, large_run) = small, large
    growth = large_run.rss_mb / small_run.rss_mb
    print(
        f"  {label:<5} {small_name:>12}: {small_run.rss_mb:7.1f} MB   "
        f"{large_name:>12}: {large_run.rss_mb:7.1f} MB   growth {growth:.2f}x"
    )


def run(sizes: Sizes, folder: Path, repeat: int, profile: bool) -> None:
    """Build the inputs, measure everything, print the report."""
    text = write_text_release(folder / "release.txt", sizes.text_mb)
    small_text = write_text_release(folder / "release_small.txt", sizes.small_text_mb)
    pdf = write_pdf_release(folder / "release.pdf", sizes.pdf_pages)
    small_pdf = write_pdf_release(folder / "release_small.pdf", sizes.small_pdf_pages)
    print(f"inputs built in {folder}")

    text_base = measure("text-baseline", text, BASELINE_REPEAT)
    text_scan = measure("scan", text, repeat)
    report_text(text, text_base, text_scan)
    pdf_base = measure("pdf-baseline", pdf, BASELINE_REPEAT)
    pdf_scan = measure("scan", pdf, repeat)
    report_pdf(pdf_base, pdf_scan)

    print("\npeak RSS of the scanning process")
    small_text_scan = measure("scan", small_text, 1)
    small_pdf_scan = measure("scan", small_pdf, 1)
    megabytes = (f"{small_text.stat().st_size / 1e6:.1f} MB", f"{text.stat().st_size / 1e6:.1f} MB")
    report_memory("text", (megabytes[0], small_text_scan), (megabytes[1], text_scan))
    pages = (f"{sizes.small_pdf_pages:,} pages", f"{sizes.pdf_pages:,} pages")
    report_memory("PDF", (pages[0], small_pdf_scan), (pages[1], pdf_scan))
    print(f"  (baselines: text {text_base.rss_mb:.1f} MB, PDF {pdf_base.rss_mb:.1f} MB)")

    if profile:
        print("\nwhere the text scan's time goes")
        measure("scan", text, 1, profile=True)
        print("\nwhere the PDF scan's time goes")
        measure("scan", pdf, 1, profile=True)


def main(argv: list[str] | None = None) -> int:
    """Parse the options and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small inputs, for a fast check")
    parser.add_argument("--repeat", type=int, default=0, help="timed scans per input (best)")
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions")
    parser.add_argument("--keep", type=Path, help="build the inputs here and keep them")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    repeat = args.repeat or (2 if args.quick else 1)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(sizes, args.keep, repeat, args.profile)
        return 0
    with tempfile.TemporaryDirectory(prefix="redactview-bench-") as folder:
        run(sizes, Path(folder), repeat, args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
