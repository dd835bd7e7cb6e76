"""The `redactview` command: parse arguments, call the core, print. Exit codes are documented here.

Exit codes: 0 success; 1 a file could not be read (the others were still processed);
2 usage error (bad arguments); 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from redactview import __version__
from redactview.errors import RedactviewError
from redactview.export import (
    INVENTORY_FORMATS,
    for_file,
    format_for_path,
    render_inventory,
    write_atomic,
)
from redactview.loaders import PASSWORD_VARIABLE, LoadOptions, load_document
from redactview.model import Inventory
from redactview.textsafe import printable, printable_line

EXIT_OK = 0
EXIT_FILE_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
COMMANDS = ("scan", "text", "diff", "open", "compare")

_DESCRIPTION = """\
Browse, count, compare and export the redactions in disclosed documents.

With no command, opens the terminal UI on the files or folders given (the bundled
sample_docs/ when none are given)."""
_SCAN_EXAMPLES = """\
examples:
  redactview scan response.pdf                 readable report on the terminal
  redactview scan --format json releases/ | jq '.documents[].summary'
  redactview scan -r -o inventory.csv releases/   one CSV row per redaction
exit status: 0 all files read, 1 some file could not be read, 2 usage error"""
_TEXT_EXAMPLES = """\
examples:
  redactview text minutes.pdf | less
  redactview text release.txt | cut -c 120-180   check the offsets of a redaction
Pages are separated by a form feed; `start`/`end` offsets in inventories index this text."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
        args_list.insert(0, "open")
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        return int(args.handler(args))
    except RedactviewError as error:
        _error(str(error))
        return EXIT_FILE_ERROR
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`| head`): not an error; keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:  # a fault of ours: one line, not a traceback
        detail = " ".join(str(error).split())[:200]
        _error(f"unexpected error ({type(error).__name__}: {detail}); please report this")
        return EXIT_FILE_ERROR


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="redactview",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"redactview {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    _add_scan(commands)
    _add_text(commands)
    _add_diff(commands)
    _add_open(commands)
    _add_compare(commands)
    return parser


def _subparser(
    commands: argparse._SubParsersAction, name: str, summary: str, epilog: str
) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    return commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _add_load_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password",
        help=f"password for encrypted PDFs (or set {PASSWORD_VARIABLE})",
    )
    parser.add_argument("--no-ocr", action="store_true", help="do not OCR scanned pages")


def _add_output_options(
    parser: argparse.ArgumentParser, formats: Sequence[str], default: str
) -> None:
    parser.add_argument(
        "-f", "--format", choices=formats, help=f"output format (default: {default})"
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write here (atomically), not stdout"
    )


def _load_options(args: argparse.Namespace) -> LoadOptions:
    return LoadOptions(password=args.password, ocr=not args.no_ocr)


def _add_scan(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = _subparser(
        commands, "scan", "list every redaction in files or folders", _SCAN_EXAMPLES
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to scan")
    _add_output_options(
        parser, INVENTORY_FORMATS, "from -o's suffix, else text on a terminal, json in a pipe"
    )
    parser.add_argument("-r", "--recursive", action="store_true", help="scan folders recursively")
    parser.add_argument(
        "--follow-symlinks", action="store_true", help="follow symbolic links inside folders"
    )
    parser.add_argument(
        "-j", "--jobs", type=int, default=None, metavar="N",
        help="worker processes (default: one per core; 0: in this process, no time limit)",
    )  # fmt: skip
    parser.add_argument(
        "--timeout", type=float, default=30.0, metavar="SECONDS",
        help="seconds allowed per page before giving up on a file (default: 30, plus 60 per file)",
    )  # fmt: skip
    _add_load_options(parser)
    parser.set_defaults(handler=_cmd_scan)


def _cmd_scan(args: argparse.Namespace) -> int:
    from redactview.scan import ScanOptions, expand_paths, scan_paths

    jobs = (os.cpu_count() or 1) if args.jobs is None else max(0, args.jobs)
    options = ScanOptions(
        load=_load_options(args),
        recursive=args.recursive,
        follow_symlinks=args.follow_symlinks,
        timeout=args.timeout,
        jobs=jobs,
    )
    fmt = args.format or _default_format(args.output)
    if fmt is None:
        return _usage(f"cannot tell the format from {args.output!r}: add --format")
    if args.timeout < 0:
        return _usage("--timeout must not be negative")
    if args.output and (read := _read_as_input(args.output, expand_paths(args.paths, options)[0])):
        return _usage(f"-o {read}: that file is being scanned; write the inventory elsewhere")
    inventory = scan_paths(args.paths, options)
    output = render_inventory(inventory, fmt)
    if args.output:
        write_atomic(args.output, for_file(output, fmt))
    else:
        _write_stdout(output)
    _report_problems(inventory)
    return EXIT_FILE_ERROR if inventory.errors else EXIT_OK


def _read_as_input(output: str, inputs: list[str]) -> str | None:
    """The input that writing to `output` would replace, if it is one: inputs are never
    modified."""
    for path in inputs:
        try:
            if os.path.samefile(output, path):
                return printable_line(path)
        except OSError:
            continue  # either does not exist (yet): nothing to replace
    return None


def _default_format(output: str | None) -> str | None:
    if output:
        return format_for_path(output, default=None)
    return "text" if sys.stdout.isatty() else "json"


def _usage(message: str) -> int:
    _error(message)
    return EXIT_USAGE


def _report_problems(inventory: Inventory) -> None:
    if not inventory.documents and not inventory.errors and not inventory.skipped:
        _error("warning: no documents found (folders are read one level deep unless -r)")
    for report in inventory.documents:
        for warning in report.warnings:
            _error(f"warning: {report.path}: {warning}")
    for failure in inventory.errors:
        _error(failure.error)
    for path in inventory.skipped:
        _error(f"note: skipped {printable_line(path)}: a report written by redactview")


def _add_text(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = _subparser(
        commands, "text", "print a document's text as offsets refer to it", _TEXT_EXAMPLES
    )
    parser.add_argument("path", metavar="FILE")
    _add_load_options(parser)
    parser.set_defaults(handler=_cmd_text)


def _cmd_text(args: argparse.Namespace) -> int:
    with load_document(args.path, _load_options(args)) as document:
        first = True
        for page in document.iter_pages():
            _write_stdout(("" if first else "\f") + page.text)
            first = False
        for warning in document.info.warnings:
            _error(f"warning: {args.path}: {warning}")
    return EXIT_OK


_DIFF_EXAMPLES = """\
examples:
  redactview diff sample_docs/minutes_release_1.pdf sample_docs/minutes_release_2.txt
  redactview diff -o appeal.html first.pdf second.pdf       standalone side-by-side page
  redactview diff --format json a.pdf b.pdf | jq '.changes[] | select(.type == "revealed")'
  redactview diff --reconstruct -o best.txt r1.pdf r2.pdf r3.txt
Releases after the first are each compared with the first. Offsets index `redactview text`.
exit status: 0 compared, 1 a file could not be read, 2 usage error"""


def _add_diff(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from redactview.diff_report import DIFF_FORMATS

    summary = "compare releases: what each withheld, revealed or changed"
    parser = _subparser(commands, "diff", summary, _DIFF_EXAMPLES)
    parser.add_argument("paths", nargs="+", metavar="FILE", help="two or more releases")
    _add_output_options(parser, DIFF_FORMATS, "from -o's suffix, else text")
    parser.add_argument(
        "--reconstruct",
        action="store_true",
        help="write the best-known text, each recovered span marked with its release",
    )
    _add_load_options(parser)
    parser.set_defaults(handler=_cmd_diff)


def _cmd_diff(args: argparse.Namespace) -> int:
    from redactview.align import diff_files
    from redactview.diff_report import DIFF_FORMATS, render_diff

    if len(args.paths) < 2:
        _error("diff: give at least two files to compare (see: redactview diff --help)")
        return EXIT_USAGE
    if args.output and (read := _read_as_input(args.output, args.paths)):
        return _usage(f"-o {read}: that file is being compared; write the result elsewhere")
    fmt: str = args.format or format_for_path(args.output or "", default="text") or "text"
    if fmt not in DIFF_FORMATS and not args.reconstruct:
        return _usage(f"diff cannot write {fmt} ({args.output!r}): use .txt, .json or .html")
    result = diff_files(args.paths, _load_options(args))
    colour = not args.output and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    output = result.reconstruction() if args.reconstruct else render_diff(result, fmt, colour)
    if args.output:
        write_atomic(args.output, output)
    elif colour and not args.reconstruct and fmt == "text":
        sys.stdout.write(output)  # document text in it is already made printable
        sys.stdout.flush()
    else:
        _write_stdout(output)
    return EXIT_OK


def _add_open(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    epilog = (
        "examples:\n  redactview              the bundled samples\n  redactview releases/ x.pdf"
    )
    parser = _subparser(
        commands, "open", "browse documents in the terminal UI (the default)", epilog
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to open")
    parser.add_argument(
        "--password", help=f"password for encrypted PDFs (or set {PASSWORD_VARIABLE})"
    )
    parser.set_defaults(handler=_cmd_open)


def _cmd_open(args: argparse.Namespace) -> int:
    paths = list(args.paths) or [str(sample_docs())]
    return _run_tui(paths, None, args.password)


def _add_compare(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    epilog = (
        "example:\n"
        "  redactview compare sample_docs/minutes_release_1.pdf sample_docs/minutes_release_2.txt"
    )
    parser = _subparser(
        commands, "compare", "compare two releases side by side in the terminal UI", epilog
    )
    parser.add_argument("a", metavar="A", help="the first release")
    parser.add_argument("b", metavar="B", help="the second release")
    parser.add_argument(
        "--password", help=f"password for encrypted PDFs (or set {PASSWORD_VARIABLE})"
    )
    parser.set_defaults(handler=_cmd_compare)


def _cmd_compare(args: argparse.Namespace) -> int:
    return _run_tui([args.a, args.b], (args.a, args.b), args.password)


def _run_tui(paths: list[str], compare: tuple[str, str] | None, password: str | None) -> int:
    missing = [path for path in paths if not os.path.exists(path)]
    for path in missing:
        _error(f"{path}: no such file or folder")
    if missing:
        return EXIT_FILE_ERROR
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return _usage(
            "the terminal UI needs a terminal: use `redactview scan` or `redactview diff`"
        )
    from redactview.tui.app import run_app

    return run_app(paths, compare=compare, password=password)


def sample_docs() -> Path:
    """The bundled samples: beside the package in a checkout, else in the current folder."""
    beside = Path(__file__).resolve().parent.parent / "sample_docs"
    return beside if beside.is_dir() else Path("sample_docs")


def _write_stdout(text: str, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    stream.write(printable(text) if stream.isatty() else text)
    stream.flush()


def _error(message: str) -> None:
    print(f"redactview: {printable(message)}", file=sys.stderr)
