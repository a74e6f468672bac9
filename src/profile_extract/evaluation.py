"""`profile-extract evaluate`: score a folder of records against a folder of gold files, and gate on it.

Every gold file is scored (a missing record counts as all-missed, so deleting a bad record
never raises the score); records without a gold file are listed as unscored. Thresholds
live in `[tool.profile-extract.thresholds]` of pyproject.toml so CI and people use the same gate.
"""
from __future__ import annotations

import json
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .atomic import write_text
from .scoring import FIELDS, HEADLINE, CorpusScore, DocScore, display_value, score_corpus, score_document

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
BASELINE_MARGIN_KEY = "baseline_margin"
ENTITIES_HEADLINE = "entities F1"
_EPSILON = 1e-9  # F1 values round-trip through JSON; do not fail on float noise


class ConfigError(Exception):
    """A problem with the command's inputs or configuration (exit 2)."""


# ---------------------------------------------------------------- loading


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def evaluate_folders(gold_dir: Path, pred_dir: Path) -> CorpusScore:
    """Score every gold/<id>.json against pred/<id>.json; raises ConfigError on an unusable gold folder."""
    gold_dir, pred_dir = Path(gold_dir), Path(pred_dir)
    if not gold_dir.is_dir():
        raise ConfigError(f"gold folder not found: {gold_dir}")
    gold_paths = json_files(gold_dir)
    if not gold_paths:
        raise ConfigError(f"no gold files (*.json) in {gold_dir}")
    if not pred_dir.is_dir():
        raise ConfigError(f"prediction folder not found: {pred_dir}")
    docs = []
    for doc_id, path in gold_paths.items():
        try:
            gold = _read_json(path)
        except (OSError, ValueError) as exc:
            raise ConfigError(f"{path}: unreadable gold file: {exc}") from exc
        if not isinstance(gold, dict):
            raise ConfigError(f"{path}: a gold file must be a JSON object")
        docs.append(score_document(gold, _read_prediction(pred_dir / f"{doc_id}.json"), doc_id=doc_id))
    unscored = [doc_id for doc_id in json_files(pred_dir) if doc_id not in gold_paths]
    return score_corpus(docs, unscored=unscored)


def json_files(folder: Path) -> dict[str, Path]:
    """id -> path of every *.json below folder; the id is the relative path without extension."""
    return {p.relative_to(folder).with_suffix("").as_posix(): p for p in sorted(folder.rglob("*.json"))}


def _read_prediction(path: Path) -> dict | None:
    """The record, or None (scored as all-missed) when it is absent or unreadable."""
    if not path.exists():
        return None
    try:
        data = _read_json(path)
    except (OSError, ValueError) as exc:
        print(f"warning: {path}: unreadable record, scored as missing: {exc}", file=sys.stderr)
        return None
    return data if isinstance(data, dict) else None


# ---------------------------------------------------------------- the report


def report_dict(corpus: CorpusScore) -> dict[str, Any]:
    """The report as JSON-able data (what `--json` writes and `--baseline` reads)."""
    return {
        "headline": {HEADLINE: corpus.micro_f1, ENTITIES_HEADLINE: corpus.entities_f1},
        "micro": corpus.micro.as_dict(),
        "entities": corpus.entities.as_dict(),
        "fields": {name: score.as_dict() for name, score in corpus.fields.items()},
        "documents": {doc.doc_id: _document_dict(doc) for doc in corpus.documents},
        "unscored": corpus.unscored,
    }


def _document_dict(doc: DocScore) -> dict[str, Any]:
    return {
        "has_prediction": doc.has_prediction,
        "micro": doc.micro.as_dict(),
        "entities": doc.entities.as_dict(),
        "missed": {name: c.missed for name, c in doc.fields.items() if c.missed},
        "spurious": {name: c.spurious for name, c in doc.fields.items() if c.spurious},
    }


_COLUMNS = ("field", "TP", "FP", "FN", "precision", "recall", "F1")


def _figure(value: float, defined: bool) -> str:
    return f"{value:.4f}" if defined else "-"


def table_rows(corpus: CorpusScore) -> list[tuple[str, ...]]:
    """One row per field: name, TP, FP, FN, precision, recall, F1.

    A ratio with nothing to divide by shows as '-' (precision with no predictions, recall with no
    gold values); the JSON report holds the convention's 1.0 there (see scoring.FieldScore)."""
    return [
        (name, str(s.tp), str(s.fp), str(s.fn), _figure(s.precision, bool(s.tp + s.fp)),
         _figure(s.recall, bool(s.tp + s.fn)), _figure(s.f1, not s.empty))
        for name, s in corpus.fields.items()
    ]


def headline_lines(corpus: CorpusScore) -> list[str]:
    m, e = corpus.micro, corpus.entities
    return [
        f"{HEADLINE}: {corpus.micro_f1:.4f}  (TP {m.tp}, FP {m.fp}, FN {m.fn})",
        f"{ENTITIES_HEADLINE}: {corpus.entities_f1:.4f}  (TP {e.tp}, FP {e.fp}, FN {e.fn})",
    ]


def document_lines(corpus: CorpusScore) -> list[str]:
    """Compact per-document list of missed (-) and spurious (+) values."""
    lines = []
    for doc in corpus.documents:
        details = [f"  - {name}: {', '.join(map(display_value, c.missed))}" for name, c in doc.fields.items() if c.missed]
        details += [f"  + {name}: {', '.join(map(display_value, c.spurious))}" for name, c in doc.fields.items() if c.spurious]
        if not doc.has_prediction:
            lines.append(f"{doc.doc_id}: NO RECORD, all {doc.micro.fn + doc.entities.fn} gold values missed")
        elif details:
            lines.append(f"{doc.doc_id}: fields F1 {doc.micro.f1:.4f}, entities F1 {doc.entities.f1:.4f}")
            lines.extend(details)
    if corpus.unscored:
        lines.append(f"unscored (no gold file): {', '.join(corpus.unscored)}")
    return lines


def _plain_table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in (_COLUMNS, *rows)) for i in range(len(_COLUMNS))]
    return "\n".join(
        "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
        for row in (_COLUMNS, *rows)
    )


def print_report(corpus: CorpusScore, quiet: bool = False, stream=None) -> None:
    """Field table, headline and per-document details; a rich table on a terminal, plain text otherwise."""
    stream = stream or sys.stdout
    rich_output = stream.isatty()
    if not quiet:
        rows = table_rows(corpus)
        if rich_output:
            _print_rich_table(rows, stream)
        else:
            print(_plain_table(rows), file=stream)
        print(file=stream)
    for line in headline_lines(corpus):
        print(line, file=stream)
    if not quiet:
        details = document_lines(corpus)
        if details:
            print("\nper document (- missed, + spurious):", file=stream)
            print("\n".join(details), file=stream)
            print(file=stream)
            for line in headline_lines(corpus):  # again at the end, where a long report is read
                print(line, file=stream)


def _print_rich_table(rows: list[tuple[str, ...]], stream) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="scores per field (contract section 5)")
    for i, column in enumerate(_COLUMNS):
        table.add_column(column, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(*row, style="dim" if "." in row[0] else None)
    Console(file=stream).print(table)


# ---------------------------------------------------------------- the gate


@dataclass
class Thresholds:
    minimums: dict[str, float]
    baseline_margin: float = 0.0


def load_thresholds(config: Path | None) -> Thresholds:
    """`[tool.profile-extract.thresholds]` of the config; none when the file does not exist."""
    if config is None or not Path(config).exists():
        return Thresholds({})
    try:
        with open(config, "rb") as handle:
            table = tomllib.load(handle).get("tool", {}).get("profile-extract", {}).get("thresholds", {})
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{config}: unreadable config: {exc}") from exc
    known = {HEADLINE, *FIELDS, BASELINE_MARGIN_KEY}
    minimums, margin = {}, 0.0
    for key, value in table.items():
        if key not in known:
            raise ConfigError(f"{config}: unknown threshold {key!r} (known: {HEADLINE!r}, field names, {BASELINE_MARGIN_KEY})")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{config}: threshold {key!r} must be a number, not {value!r}")
        if key == BASELINE_MARGIN_KEY:
            margin = float(value)
        else:
            minimums[key] = float(value)
    return Thresholds(minimums, margin)


def _current_f1(corpus: CorpusScore, key: str) -> float:
    return corpus.micro_f1 if key == HEADLINE else corpus.fields[key].f1


def gate_failures(corpus: CorpusScore, thresholds: Thresholds, baseline: dict | None = None) -> list[str]:
    """Human-readable reasons the gate fails; empty when it passes."""
    failures = [
        f"{key} {_current_f1(corpus, key):.4f} < {minimum:.2f}"
        for key, minimum in thresholds.minimums.items()
        if _current_f1(corpus, key) < minimum - _EPSILON
    ]
    if baseline is not None:
        before = {HEADLINE: baseline.get("headline", {}).get(HEADLINE)}
        before.update({k: v.get("f1") for k, v in baseline.get("fields", {}).items()})
        for key, old in before.items():
            if isinstance(old, (int, float)) and (key == HEADLINE or key in corpus.fields):
                new = _current_f1(corpus, key)
                if old - new > thresholds.baseline_margin + _EPSILON:
                    failures.append(f"{key} dropped {old:.4f} -> {new:.4f} (more than {thresholds.baseline_margin:.2f})")
    return failures


def _load_baseline(path: Path) -> dict:
    try:
        data = _read_json(path)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: unreadable baseline report: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
        raise ConfigError(f"{path}: not an evaluate --json report (no 'fields')")
    return data


def main_evaluate(args) -> int:
    """CLI entry: exit 0 when the gate passes, 1 when it fails, 2 on usage/config errors."""
    try:
        thresholds = load_thresholds(args.config)
        if args.min_f1 is not None:
            thresholds.minimums[HEADLINE] = args.min_f1
        baseline = _load_baseline(args.baseline) if args.baseline else None
        corpus = evaluate_folders(args.gold, args.pred)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print_report(corpus, quiet=args.quiet)
    failures = gate_failures(corpus, thresholds, baseline)
    report = report_dict(corpus)
    report["gate"] = {"passed": not failures, "failures": failures, "thresholds": thresholds.minimums}
    if args.json:
        write_text(args.json, json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    for failure in failures:
        print(f"GATE FAILED: {failure}")
    if failures:
        return EXIT_FAILED
    if thresholds.minimums or baseline is not None:
        print("gate passed")
    return EXIT_OK
