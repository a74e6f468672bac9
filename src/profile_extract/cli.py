"""Command line: `profile-extract run | evaluate | schema | gold | review`.

Exit status: 0 success; 1 some inputs failed or a gate failed; 2 usage or configuration error.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 on usage errors, as documented
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="profile-extract", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"profile-extract {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    run = sub.add_parser("run", help="extract records from raw profiles")
    run.add_argument("inputs", nargs="*", type=Path, help="files or folders (default: raw/)")
    run.add_argument("-o", "--out", type=Path, default=Path("out"), help="output folder (default: out/)")
    run.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    run.add_argument("--force", action="store_true", help="redo every input, ignoring reusable records")
    run.add_argument("--engine", choices=("local", "dask"), default="local", help="where the stages run")
    run.add_argument("--scheduler", help="Dask scheduler address (default: a LocalCluster)")
    run.add_argument("--max-bytes", type=int, default=5 * 1024 * 1024, help="size limit per input (default 5 MB)")
    run.add_argument("--spacy-model", help="an installed spaCy model to use instead of the shipped pipeline")
    run.add_argument("--gold", type=Path, help="score the run against this gold folder (default: gold/ when it exists)")
    run.add_argument("--no-progress", action="store_true", help="never show a progress bar")

    ev = sub.add_parser("evaluate", help="score records against gold files (contract section 5)")
    ev.add_argument("--gold", type=Path, default=Path("gold"))
    ev.add_argument("--pred", type=Path, default=Path("out/records"))
    ev.add_argument("--json", type=Path, help="also write the report as JSON")
    ev.add_argument("--min-f1", type=float, help="override the headline fields micro-F1 threshold")
    ev.add_argument("--baseline", type=Path, help="a previous --json report: fail on F1 drops")
    ev.add_argument("--config", type=Path, default=Path("pyproject.toml"), help="where the thresholds live")
    ev.add_argument("--quiet", action="store_true", help="only the headline and the gate")

    sc = sub.add_parser("schema", help="write the record JSON Schema")
    sc.add_argument("-o", "--out", type=Path, default=Path("schemas"), help="folder (default: schemas/)")
    sc.add_argument("--check", action="store_true", help="fail if the committed schema differs from the models")

    gold = sub.add_parser("gold", help="make and check gold files")
    gold_sub = gold.add_subparsers(dest="gold_command", required=True, parser_class=_Parser)
    draft = gold_sub.add_parser("draft", help="pre-fill gold files from current records")
    draft.add_argument("ids", nargs="+")
    draft.add_argument("--pred", type=Path, default=Path("out/records"))
    draft.add_argument("--gold", type=Path, default=Path("gold"))
    draft.add_argument("--overwrite", action="store_true")
    check = gold_sub.add_parser("check", help="validate gold files against the contract and raw text")
    check.add_argument("ids", nargs="*")
    check.add_argument("--gold", type=Path, default=Path("gold"))
    check.add_argument("--raw", type=Path, default=Path("raw"))

    rv = sub.add_parser("review", help="write HTML pages to review extractions")
    rv.add_argument("ids", nargs="*")
    rv.add_argument("-o", "--out", type=Path, default=Path("review"))
    rv.add_argument("--pred", type=Path, default=Path("out/records"))
    rv.add_argument("--gold", type=Path, default=Path("gold"))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = {
        "run": _run,
        "evaluate": _evaluate,
        "schema": _schema,
        "gold": _gold,
        "review": _review,
    }[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _run(args) -> int:
    from .runner import main_run

    return main_run(args)


def _evaluate(args) -> int:
    from .evaluation import main_evaluate

    return main_evaluate(args)


def _schema(args) -> int:
    from .schema import main_schema

    return main_schema(args)


def _gold(args) -> int:
    from .gold import main_gold

    return main_gold(args)


def _review(args) -> int:
    from .review import main_review

    return main_review(args)


if __name__ == "__main__":
    sys.exit(main())
