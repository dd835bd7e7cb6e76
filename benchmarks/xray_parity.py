"""Bad and good redactions side by side: what redactview's box detector and x-ray each report.

Builds one small PDF per case (the same cases as tests/core/test_leaks.py), runs both tools and
prints a table. x-ray runs in a virtual environment of its own (it pins an older PyMuPDF):

    python -m venv /tmp/xray && /tmp/xray/bin/pip install x-ray
    PYTHONPATH=. python benchmarks/xray_parity.py [--xray-python /tmp/xray/bin/python]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from redactview.detectors import boxes
from tests.core import test_leaks as cases
from tests.fixtures.pdfs import WHITE, pages_of, save_pdf

XRAY_SCRIPT = (
    "import asyncio, json, sys, xray\n"
    "found = asyncio.run(xray.inspect(sys.argv[1]))\n"
    "print(json.dumps([r['text'] for rs in found.values() for r in rs]))\n"
)
CASES = {
    "box over text": cases.boxed(),
    "navy box over text": cases.boxed((0.2, 0.2, 0.45)),
    "white box over text": cases.boxed(WHITE),
    "text on box, same colour": cases.same_colour,
    "black image over text": cases.image_over_text,
    "invisible text": cases.invisible,
    "unapplied Redact annot": cases.annotated("Redact"),
    "black Highlight annot": cases.annotated("Highlight"),
    "black Square annot": cases.annotated("Square"),
    "hatching over text": cases.hatched(cases.SECRET),
    "box over XXXXXXXX (good)": cases.boxed(under="XXXXXXXX"),
    "box over REDACTED (good)": cases.boxed(under="REDACTED"),
    "yellow highlight (good)": cases.annotated("Highlight", (1.0, 1.0, 0.0)),
    "hollow frame (good)": cases.hollow,
}


def ours(path: Path) -> list[str]:
    """The leaked text redactview reports on the file's first page."""
    return [r.leaked_text or "" for r in boxes.detect(pages_of(path)[0]) if r.leaky]


def xray(path: Path, python: str) -> list[str] | None:
    """The text x-ray reports as badly redacted, or None if x-ray cannot be run."""
    if not Path(python).exists():
        return None
    done = subprocess.run([python, "-c", XRAY_SCRIPT, str(path)], capture_output=True, text=True)
    return json.loads(done.stdout) if done.returncode == 0 else None


def main(argv: list[str] | None = None) -> int:
    """Print, per case, what each tool reports."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xray-python", default="/tmp/xray/bin/python")
    args = parser.parse_args(argv)
    print(f"{'case':28} {'redactview':24} x-ray")
    with tempfile.TemporaryDirectory() as folder:
        for index, (name, draw) in enumerate(CASES.items()):
            path = save_pdf(Path(folder) / f"case{index}.pdf", [draw])
            theirs = xray(path, args.xray_python)
            shown = "not installed" if theirs is None else str(theirs)
            print(f"{name:28} {ours(path)!s:24} {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
