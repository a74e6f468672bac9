"""Throughput and memory of `profile-extract run`, measured in one go on a generated corpus.

    python benchmarks/throughput.py [--docs 2000] [--workers N] [--keep DIR]

Builds >= N profiles by varying the bundled raw/ pages (paragraphs shuffled,
numbers and names nudged), then times, each in a fresh process:
  (a) a bare spacy.blank("en") tokenizer pass over the same cleaned texts,
  (b) profile-extract run --workers 1,
  (c) profile-extract run --workers N (default: all cores),
  (d) a no-change re-run of (c) (incremental),
and prints docs/second, peak RSS per worker and whether the targets hold.
The package is copied first and every run imports that copy, so edits made to
the tree while the benchmark runs cannot change (or invalidate) what is measured.
Docs/second measure the work: a run's elapsed time less its startup (imports,
loading the spaCy pipeline, starting the pool: run.json's startup_seconds), just as
(a) leaves out importing spaCy and building the blank pipeline. The all-in rate,
startup included, is printed beside it; the re-run ratio uses wall-clock times.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
TARGETS = {"b/a": 0.5, "c/b": 1.7, "peak_mb": 400.0, "d/b": 0.10}


def build_corpus(folder: Path, docs: int, seed: int = 7) -> None:
    """`docs` pages, each a bundled raw/ page with its body paragraphs shuffled and numbers and the title nudged."""
    rng = random.Random(seed)
    pages = sorted(p for p in RAW.iterdir() if p.is_file())
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(docs):
        source = pages[i % len(pages)]
        paragraphs = re.split(r"\n\s*\n", source.read_text(encoding="utf-8"))
        head, body = paragraphs[:1], paragraphs[1:]
        rng.shuffle(body)
        text = "\n\n".join(head + body)
        text = re.sub(r"\b\d{1,3}\b(?![.\-/]\d)", lambda m: str(int(m.group()) + rng.randint(0, 3)), text)
        first, _, rest = text.partition("\n")
        text = f"{first} {rng.choice(['', 'Plus', 'Hub', 'Net'])}".rstrip() + "\n" + rest
        (folder / f"{i:05d}_{source.name}").write_text(text, encoding="utf-8")


def freeze_package(folder: Path) -> dict[str, str]:
    """Copy the package under `folder` and return an environment whose Python imports that copy."""
    import profile_extract

    source = Path(profile_extract.__file__).resolve().parent
    shutil.rmtree(folder / "profile_extract", ignore_errors=True)
    shutil.copytree(source, folder / "profile_extract", ignore=shutil.ignore_patterns("__pycache__"))
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))}


def run_extract(corpus: Path, out: Path, workers: int, force: bool, env: dict[str, str]) -> dict:
    argv = [sys.executable, "-m", "profile_extract.cli", "run", str(corpus), "-o", str(out),
            "--workers", str(workers), "--no-progress", *(["--force"] if force else [])]
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, cwd=corpus.parent, env=env)
    wall = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"run failed ({done.returncode}): {done.stderr}")
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    return {"wall": wall, "seconds": manifest["elapsed_seconds"] - manifest.get("startup_seconds", 0.0),
            "startup": manifest.get("startup_seconds", 0.0), "docs": manifest["processed"] or manifest["inputs"],
            "peak_mb": manifest["peak_worker_rss_mb"] or 0.0, "records": manifest["records"], "errors": manifest["errors"]}


def tokenize_only(texts_dir: Path) -> dict:
    """(a), run in its own process: the cleaned texts through a bare spaCy tokenizer."""
    import spacy

    texts = [p.read_text(encoding="utf-8") for p in sorted(texts_dir.glob("*.txt"))]
    nlp = spacy.blank("en")
    started = time.perf_counter()
    tokens = sum(len(nlp(text)) for text in texts)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return {"seconds": seconds, "startup": 0.0, "docs": len(texts), "tokens": tokens, "peak_mb": round(peak, 1)}


def measure_tokenizer(texts_dir: Path) -> dict:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--tokenize-only", str(texts_dir)], capture_output=True, text=True, check=True)
    return {**json.loads(done.stdout), "wall": time.perf_counter() - started}


def report(rows: dict[str, dict], workers: int) -> bool:
    rate = {k: r["docs"] / r["seconds"] if r["seconds"] else float("inf") for k, r in rows.items()}
    print(f"{'run':<30}{'docs':>6}{'work s':>9}{'startup s':>11}{'wall s':>8}{'docs/s':>9}{'all-in docs/s':>15}"
          f"{'peak MB/worker':>16}")
    for key, label in (("a", "(a) spacy.blank tokenizer"), ("b", "(b) run --workers 1"),
                       ("c", f"(c) run --workers {workers}"), ("d", "(d) no-change re-run")):
        r = rows[key]
        all_in = r["docs"] / (r["seconds"] + r["startup"]) if r["seconds"] + r["startup"] else float("inf")
        print(f"{label:<30}{r['docs']:>6}{r['seconds']:>9.2f}{r['startup']:>11.2f}{r['wall']:>8.2f}{rate[key]:>9.1f}"
              f"{all_in:>15.1f}{r['peak_mb']:>16.1f}")
    ratios = {
        "b/a": (rate["b"] / rate["a"], ">=", "(b)/(a) docs/s, pipeline vs bare tokenizer"),
        "c/b": (rate["c"] / rate["b"], ">=", f"(c)/(b) docs/s, {workers} workers vs 1"),
        "peak_mb": (max(rows["b"]["peak_mb"], rows["c"]["peak_mb"]), "<", "peak RSS per worker, MB"),
        "d/b": (rows["d"]["wall"] / rows["b"]["wall"], "<", "(d)/(b) wall time, no-change re-run vs first run"),
    }
    print()
    all_ok = True
    for key, (value, op, label) in ratios.items():
        ok = value >= TARGETS[key] if op == ">=" else value < TARGETS[key]
        all_ok &= ok
        print(f"{label:<52}{value:>9.3f}  target {op} {TARGETS[key]:<5} {'OK' if ok else 'MISSED'}")
    return all_ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="profiles in the generated corpus (default 2000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="workers for (c) (default: all cores)")
    parser.add_argument("--keep", type=Path, help="build the corpus and outputs here and keep them")
    parser.add_argument("--tokenize-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.tokenize_only:
        print(json.dumps(tokenize_only(args.tokenize_only)))
        return 0

    with tempfile.TemporaryDirectory(prefix="pe-bench-") as tmp:
        base = args.keep or Path(tmp)
        corpus = base / "corpus"
        env = freeze_package(base / "src")
        build_corpus(corpus, args.docs)
        print(f"corpus: {args.docs} profiles in {corpus}; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")
        rows = {"b": run_extract(corpus, base / "out1", 1, force=True, env=env)}
        rows["c"] = run_extract(corpus, base / "outN", args.workers, force=True, env=env)
        rows["d"] = run_extract(corpus, base / "outN", args.workers, force=False, env=env)
        rows["a"] = measure_tokenizer(base / "outN" / "records")
        print(f"records {rows['c']['records']}, errors {rows['c']['errors']}\n")
        return 0 if report(rows, args.workers) else 1


if __name__ == "__main__":
    sys.exit(main())
