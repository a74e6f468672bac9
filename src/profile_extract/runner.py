"""`profile-extract run`: the batch side. Find inputs, extract them in parallel, write OUT/.

    OUT/records/<id>.json   the record (Record.to_json())
    OUT/records/<id>.txt    the cleaned text its offsets point into
    OUT/dataset.jsonl       every record, compact, sorted by id
    OUT/dataset.csv|parquet flat exports (exports.py)
    OUT/errors.jsonl        one line per input that gave no record
    OUT/run.json            the manifest: counts, versions, timings
    OUT/.cache/index.json   what each record was made from, for incremental re-runs (cache.py)

Every input ends as exactly one record or one error line, whatever happens to
the others; every file is written atomically, so a killed run leaves only
complete files and the next run picks up where it stopped. Workers receive only
paths (or, on Dask, the raw bytes) and return JSON text, so the per-document
traffic is small and the outputs do not depend on the engine or the worker count.
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import contextlib
import functools
import hashlib
import json
import math
import re
import signal
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import __version__
from .atomic import write_bytes, write_text
from .cache import dataset_fingerprint, load_index, pipeline_version, save_index
from .discover import SUFFIXES, Input, UsageError, discover
from .ingest import InputError, read_bytes

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_INPUT, DEFAULT_OUT, DEFAULT_GOLD = Path("raw"), Path("out"), Path("gold")
CHECKPOINT_SECONDS = 2.0  # how often the cache index is saved during a run
UNCACHED_ERRORS = {"internal", "unreadable", "too_large"}  # depend on more than the bytes: always retried
_TEMP_FILE = re.compile(r"^\..+\.tmp$")  # atomic.py's temporary names

# (id, path, id warnings, raw bytes or None to read the path in the worker)
Task = tuple[str, str, tuple[str, ...], "bytes | None"]


@dataclass(slots=True)
class Outcome:
    """What a worker sends back for one input: a record or an error.

    A worker that shares the output folder writes the record files itself and sends their
    stat; one that does not (Dask) sends the record JSON and cleaned text for the client to
    write. Either way it sends the record's dataset line and flat export row, so the client
    only collects."""

    id: str
    sha256: str | None
    line: str | None = None  # the record as one compact dataset.jsonl line
    row: dict | None = None  # the record as a flat export row
    record_stat: list[int] | None = None  # set when the worker wrote the record files
    record_json: str | None = None  # set when the client must write them
    text: str | None = None
    error: str | None = None
    reason: str | None = None


# --------------------------------------------------------------------------- worker side


def error_code(exc: InputError) -> str:
    """The short errors.jsonl code of an input error (ingest sets it: empty, binary, too_large, ...)."""
    return getattr(exc, "code", None) or "invalid"


def process_document(doc_id: str, path: str, warnings: tuple[str, ...], raw: bytes | None,
                     max_bytes: int, model: str | None, records_dir: str | None) -> Outcome:
    """Run the pipeline on one input; never raises, so one bad input cannot stop a batch.
    With `records_dir`, the record files are written here, before the client's index vouches for them."""
    sha = None
    try:
        if raw is None:
            raw = read_bytes(Path(path), max_bytes)
        sha = hashlib.sha256(raw).hexdigest()
        process_bytes, nlp = _pipeline(model)
        result = process_bytes(raw, doc_id=doc_id, path=path, nlp=nlp)
        result.record.warnings.extend(warnings)
        outcome = _record_outcome(doc_id, sha, result.record)
        if records_dir is None:
            outcome.record_json, outcome.text = result.record.to_json(), result.text
        else:
            outcome.record_stat = write_record(Path(records_dir), doc_id, result.record.to_json(), result.text)
        return outcome
    except InputError as exc:
        return Outcome(doc_id, sha, error=error_code(exc), reason=exc.reason)
    except Exception as exc:  # noqa: BLE001 - reported per input as "internal"
        return Outcome(doc_id, sha, error="internal", reason=f"{type(exc).__name__}: {exc}")


def _record_outcome(doc_id: str, sha: str, record) -> Outcome:
    from .exports import flatten

    line = record.to_line()
    return Outcome(doc_id, sha, line=line, row=flatten(json.loads(line)))


def process_chunk(tasks: list[Task], settings: tuple[int, str | None, str | None]) -> tuple[list[Outcome], float]:
    """The unit of work sent to a worker: several inputs, to amortise the round trip; also reports peak RSS."""
    return [process_document(*task, *settings) for task in tasks], peak_rss_mb()


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (0 where the platform cannot tell)."""
    try:
        import resource
    except ImportError:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


@functools.lru_cache(maxsize=4)
def _pipeline(model: str | None):
    """`pipeline.process_bytes` and the spaCy pipeline, loaded and warmed once per process (the gazetteer,
    name lists and date parser load lazily; warming counts them as startup, not as the first input's work);
    only workers import spaCy."""
    from .entities import default_nlp
    from .pipeline import process_bytes, warm_up

    nlp = default_nlp(model)
    warm_up(nlp)
    return process_bytes, nlp


def _init_worker(model: str | None) -> None:
    """Pool initializer: load the spaCy pipeline once per worker; Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _pipeline(model)
    except Exception:  # noqa: BLE001 - a dead initializer would break the pool; each input reports it instead
        pass


def _ready() -> bool:
    return True


# --------------------------------------------------------------------------- engines
# Each engine yields (submit, wait, window): submit(chunk) -> future, a wait() with
# concurrent.futures' signature, and how many chunks to keep in flight.


@contextlib.contextmanager
def _inline_engine(settings):
    """--workers 1: run in this process, no pool to start."""

    def submit(chunk):
        future = cf.Future()
        future.set_result(process_chunk(chunk, settings))
        return future

    try:
        _pipeline(settings[1])  # load now, so the run's startup time is told apart from its work
    except Exception:  # noqa: BLE001 - each input reports the failure instead
        pass

    yield submit, cf.wait, 1


@contextlib.contextmanager
def _pool_engine(settings, workers: int):
    """A process pool whose workers each load spaCy once; a crashed pool is replaced so the batch goes on."""
    pools = []

    def new_pool():
        pool = cf.ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(settings[1],))
        pools.append(pool)
        return pool

    def submit(chunk):
        try:
            return pools[-1].submit(process_chunk, chunk, settings)
        except cf.process.BrokenProcessPool:
            pools[-1].shutdown(wait=False, cancel_futures=True)
            return new_pool().submit(process_chunk, chunk, settings)

    try:
        new_pool().submit(_ready).result()  # start the workers before any progress thread exists
        yield submit, cf.wait, workers * 4
    finally:
        for pool in pools:
            pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def _dask_engine(settings, workers: int, address: str | None):
    """The same chunks on a Dask cluster; tasks carry the raw bytes so workers need no shared disk."""
    try:
        from distributed import Client, LocalCluster
        from distributed import wait as dask_wait
    except ImportError as exc:
        raise UsageError(f"--engine dask needs dask[distributed]: {exc}") from exc
    with contextlib.ExitStack() as stack:
        if address:
            try:
                client = stack.enter_context(Client(address, timeout="5s"))
            except Exception as exc:  # noqa: BLE001 - any failure to connect is a configuration error
                raise UsageError(f"cannot connect to the Dask scheduler at {address}: {exc}") from exc
        else:
            cluster = stack.enter_context(
                LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
            )
            client = stack.enter_context(Client(cluster))
        versions = set(client.run(pipeline_version).values())
        if versions - {pipeline_version()}:
            raise UsageError(f"Dask workers run another profile-extract ({', '.join(sorted(versions))}); "
                             f"this client is {pipeline_version()}")
        n_threads = max(1, sum(client.nthreads().values()))

        def submit(chunk):
            tasks = [_with_bytes(task, settings[0]) for task in chunk]
            return client.submit(process_chunk, tasks, (*settings[:2], None), pure=False)  # no shared disk

        yield submit, dask_wait, n_threads * 4


def _with_bytes(task: Task, max_bytes: int) -> Task:
    try:
        return (*task[:3], read_bytes(Path(task[1]), max_bytes))
    except InputError:
        return task  # the worker reads it again and reports the error itself


def _drain(engine, chunks: list[list[Task]], handle) -> None:
    """Keep `window` chunks in flight and hand each finished chunk's outcomes to `handle`.

    A chunk whose worker failed (a process that died takes every chunk in flight with it)
    is not charged to its inputs yet: each of them is run again alone, one at a time, so
    only the input that really kills a worker is reported, and its neighbours keep their records."""
    submit, wait, window = engine
    pending: dict = {}
    suspects: list[Task] = []
    queue = iter(chunks)

    def fill():
        for chunk in queue:
            try:
                pending[submit(chunk)] = chunk
            except Exception:  # noqa: BLE001 - the chunk is retried alone, not the batch failed
                suspects.extend(chunk)
            if len(pending) >= window:
                return

    fill()
    while pending:
        done, _ = wait(list(pending), return_when=cf.FIRST_COMPLETED)
        for future in done:
            chunk = pending.pop(future)
            try:
                outcomes, rss = future.result()
            except Exception:  # noqa: BLE001 - e.g. a worker process died
                suspects.extend(chunk)
                continue
            handle(outcomes, rss)
        fill()
    for task in suspects:
        handle(*_run_alone(submit, wait, task))


def _run_alone(submit, wait, task: Task) -> tuple[list[Outcome], float]:
    """One input in a worker of its own turn: its failure is its own."""
    try:
        future = submit([task])
        wait([future])
        return future.result()
    except Exception as exc:  # noqa: BLE001 - reported per input as "internal"
        return _failed([task], exc), 0.0


def _failed(chunk: list[Task], exc: BaseException) -> list[Outcome]:
    reason = f"worker failed: {type(exc).__name__}: {exc}"
    return [Outcome(task[0], None, error="internal", reason=reason) for task in chunk]


# --------------------------------------------------------------------------- client side


@dataclass
class _State:
    """Everything the run collects for the final files."""

    records: dict[str, tuple[str, dict] | None]  # id -> (dataset line, export row); None: reused, read if needed
    errors: dict[str, dict]  # id -> errors.jsonl object
    index: dict[str, dict]  # the cache index being built
    reused: int = 0  # records taken from an earlier run
    reused_errors: int = 0
    processed: int = 0
    peak_rss: float = 0.0


def main_run(args: argparse.Namespace) -> int:
    """CLI entry for `run`: 0 every input gave a record, 1 some failed, 2 usage or configuration error."""
    started, stamp = time.perf_counter(), datetime.now(timezone.utc).isoformat(timespec="seconds")
    try:
        out, inputs, id_warnings = _prepare(args)
        return _run(args, out, inputs, id_warnings, started, stamp)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _prepare(args) -> tuple[Path, list[Input], list[str]]:
    if args.workers < 1:
        raise UsageError(f"--workers must be at least 1, not {args.workers}")
    if args.max_bytes < 1:
        raise UsageError(f"--max-bytes must be at least 1, not {args.max_bytes}")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"output {out} exists and is not a folder")
    inputs, id_warnings = discover(list(args.inputs) or [DEFAULT_INPUT], exclude=out)
    if not inputs:
        where = ", ".join(map(str, args.inputs or [DEFAULT_INPUT]))
        raise UsageError(f"no inputs ({' '.join(SUFFIXES)} files) found in {where}")
    return out, inputs, id_warnings


def _run(args, out: Path, inputs: list[Input], id_warnings: list[str], started: float, stamp: str) -> int:
    records_dir = out / "records"
    records_dir.mkdir(parents=True, exist_ok=True)
    _remove_temp_files(out)
    version, model = pipeline_version(), args.spacy_model
    old_index, old_dataset, index_warning = ({}, None, None) if args.force else load_index(out)
    notes = [w for w in (index_warning,) if w] + id_warnings
    state = _State(records={}, errors={}, index=dict(old_index))

    def keyed(item: Input, sha: str) -> dict:
        return {"sha256": sha, "pipeline_version": version, "path": item.path,
                "spacy_model": model, "warnings": item.warnings}

    todo: list[Task] = []
    for item in inputs:
        try:
            sha = hashlib.sha256(read_bytes(Path(item.path), args.max_bytes)).hexdigest()
        except InputError as exc:
            _add_error(state, item.id, item.path, error_code(exc), exc.reason)
            continue
        if not _reuse(state, records_dir, item, old_index.get(item.id), keyed(item, sha)):
            todo.append((item.id, item.path, tuple(item.warnings), None))

    by_id = {item.id: item for item in inputs}
    last_save, checkpoint_every = time.monotonic(), CHECKPOINT_SECONDS

    def handle(outcomes: list[Outcome], rss: float) -> None:  # `advance` is bound by the `with` below
        nonlocal last_save, checkpoint_every
        state.peak_rss = max(state.peak_rss, rss)
        for outcome in outcomes:
            item = by_id[outcome.id]
            _take(state, records_dir, outcome, item, keyed(item, outcome.sha256))
        advance(len(outcomes))
        if time.monotonic() - last_save > checkpoint_every:
            saving = time.monotonic()
            save_index(out, state.index)
            last_save, checkpoint_every = time.monotonic(), CHECKPOINT_SECONDS
            checkpoint_every = max(CHECKPOINT_SECONDS, 20 * (last_save - saving))  # saving stays under 5% of the run

    settings = (args.max_bytes, model, str(records_dir))
    workers = args.workers
    startup = 0.0  # starting the engine: workers, imports, loading the spaCy pipeline
    if todo:
        if model:
            _check_model(model)
        if args.engine == "dask":
            engine = _dask_engine(settings, workers, args.scheduler)
        elif workers == 1:
            engine = _inline_engine(settings)
        else:
            engine = _pool_engine(settings, workers)
        try:
            loading = time.perf_counter()
            with engine as running, _progress(len(todo), _show_progress(args)) as advance:
                startup = time.perf_counter() - loading
                _drain(running, _chunks(todo, workers), handle)
        except KeyboardInterrupt:
            save_index(out, state.index)  # keep what is done for the next run
            raise

    current = {item.id for item in inputs}
    state.index = {k: v for k, v in state.index.items() if k in current}
    removed = _remove_stale(records_dir, set(state.records))
    exports, dataset = _write_dataset(out, records_dir, state, old_dataset)
    if state.index != old_index or dataset != old_dataset:
        save_index(out, state.index, dataset)
    elapsed = time.perf_counter() - started
    manifest = {
        "package_version": __version__,
        "pipeline_version": version,
        "started_at": stamp,
        "elapsed_seconds": round(elapsed, 3),
        "startup_seconds": round(startup, 3),
        "engine": args.engine,
        "scheduler": args.scheduler,
        "workers": workers,
        "force": bool(args.force),
        "spacy_model": model,
        "inputs": len(inputs),
        "records": len(state.records),
        "processed": state.processed,
        "reused": state.reused,
        "reused_errors": state.reused_errors,
        "errors": len(state.errors),
        "error_codes": _count_codes(state.errors),
        "removed_stale": removed,
        "peak_worker_rss_mb": state.peak_rss or None,
        "exports": exports,
        "warnings": notes,
    }
    write_text(out / "run.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    for note in notes:
        print(f"warning: {note}", file=sys.stderr)
    print(f"{len(inputs)} inputs: {len(state.records)} records ({state.reused} reused), "
          f"{len(state.errors)} errors in {elapsed:.1f} s -> {out.as_posix().rstrip('/')}/")
    _evaluate(args, records_dir)
    return EXIT_FAILED if state.errors else EXIT_OK


def _reuse(state: _State, records_dir: Path, item: Input, entry: dict | None, key: dict) -> bool:
    """Take an earlier outcome when the index says it was made from exactly this input and code."""
    if not entry or any(entry.get(k) != v for k, v in key.items()):
        return False
    if entry.get("error"):
        _add_error(state, item.id, item.path, entry["error"], entry.get("reason", ""))
        state.reused_errors += 1
        return True
    if _record_stat(records_dir, item.id) != entry.get("record_stat"):
        return False  # rewritten by an interrupted run, or removed
    state.records[item.id] = None
    state.reused += 1
    return True


def _take(state: _State, records_dir: Path, outcome: Outcome, item: Input, key: dict) -> None:
    """Store a fresh outcome: record files first, then the index entry that vouches for them."""
    state.processed += 1
    entry = None
    if outcome.line is not None:
        stat = outcome.record_stat
        if outcome.record_json is not None:
            stat = write_record(records_dir, outcome.id, outcome.record_json, outcome.text)
        state.records[outcome.id] = (outcome.line, outcome.row)
        entry = {"record_stat": stat}
    else:
        _add_error(state, outcome.id, item.path, outcome.error, outcome.reason)
        if outcome.error not in UNCACHED_ERRORS:
            entry = {"error": outcome.error, "reason": outcome.reason}
    if entry is not None and outcome.sha256:
        state.index[outcome.id] = {**key, **entry}
    else:
        state.index.pop(outcome.id, None)


def write_record(records_dir: Path, doc_id: str, record_json: str, text: str) -> list[int] | None:
    """Write a record's .json, then its .txt (a run killed in between leaves a .json whose stat no
    longer matches the index), and return the stat the index will vouch for."""
    _write_if_changed(_record_path(records_dir, doc_id, ".json"), record_json)
    _write_if_changed(_record_path(records_dir, doc_id, ".txt"), text)
    return _record_stat(records_dir, doc_id)


def _record_stat(records_dir: Path, doc_id: str) -> list[int] | None:
    """Size and modification time of a record's .json (None without its .txt): what the index vouches for."""
    try:
        stat = _record_path(records_dir, doc_id, ".json").stat()
        if not _record_path(records_dir, doc_id, ".txt").is_file():
            return None
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def _add_error(state: _State, doc_id: str, path: str, code: str, reason: str) -> None:
    state.errors[doc_id] = {"id": doc_id, "path": path, "error": code, "reason": reason}


def _record_path(records_dir: Path, doc_id: str, suffix: str) -> Path:
    """OUT/records/<id><suffix>, refusing any id that could name a file elsewhere."""
    name = f"{doc_id}{suffix}"
    if Path(name).name != name or doc_id in ("", ".", "..") or "\\" in name:
        raise ValueError(f"unsafe record id {doc_id!r}")
    return records_dir / name


def _write_if_changed(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    write_bytes(path, data, durable=False)  # the index vouches for it by its stat, checked before reuse


def _write_dataset(out: Path, records_dir: Path, state: _State, old_dataset: str | None) -> tuple[list[str], str]:
    """Write dataset.jsonl, errors.jsonl and the flat exports, unless the files on disk were made
    from exactly these outcomes; return the export names and the dataset fingerprint."""
    from .exports import expected_exports, write_exports

    names = ["dataset.jsonl", *expected_exports()]
    dataset = dataset_fingerprint(state.index, state.errors, names)
    if dataset == old_dataset and all((out / name).is_file() for name in (*names, "errors.jsonl")):
        return names, dataset
    ids = sorted(state.records)
    records = [state.records[i] or _read_record(records_dir, i) for i in ids]
    write_text(out / "dataset.jsonl", "".join(line + "\n" for line, _ in records))
    errors = [json.dumps(state.errors[i], ensure_ascii=False) for i in sorted(state.errors)]
    write_text(out / "errors.jsonl", "".join(line + "\n" for line in errors))
    return ["dataset.jsonl", *write_exports(out, [row for _, row in records])], dataset


def _read_record(records_dir: Path, doc_id: str) -> tuple[str, dict]:
    """A reused record's dataset line and export row, from its file."""
    from .exports import flatten

    record = json.loads(_record_path(records_dir, doc_id, ".json").read_text(encoding="utf-8"))
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")), flatten(record)


def _remove_stale(records_dir: Path, keep: set[str]) -> int:
    """Delete record files of inputs that are gone or failed this time, so OUT reflects the inputs."""
    removed = 0
    for path in records_dir.iterdir():
        if path.is_file() and path.suffix in (".json", ".txt") and path.stem not in keep \
                and not _TEMP_FILE.match(path.name):
            path.unlink()
            removed += path.suffix == ".json"
    return removed


def _remove_temp_files(out: Path) -> None:
    """Temporary files left by a killed run (atomic.py's `.<name>.<random>.tmp`)."""
    for folder in (out, out / "records", out / ".cache"):
        if folder.is_dir():
            for path in folder.iterdir():
                if _TEMP_FILE.match(path.name) and path.is_file():
                    path.unlink(missing_ok=True)


def _count_codes(errors: dict[str, dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for error in errors.values():
        counts[error["error"]] = counts.get(error["error"], 0) + 1
    return dict(sorted(counts.items()))


def _chunks(tasks: list[Task], workers: int) -> list[list[Task]]:
    """Chunks small enough to balance the workers and keep progress moving, big enough to amortise the IPC."""
    size = max(1, min(8, math.ceil(len(tasks) / (workers * 8))))
    return [tasks[i:i + size] for i in range(0, len(tasks), size)]


def _check_model(model: str) -> None:
    import spacy.util

    if not (spacy.util.is_package(model) or Path(model).exists()):
        raise UsageError(f"spaCy model {model!r} is neither an installed package nor a folder")


def _show_progress(args) -> bool:
    return not args.no_progress and sys.stderr.isatty()


@contextlib.contextmanager
def _progress(total: int, enabled: bool):
    """A rich progress bar on stderr when wanted; yields advance(n)."""
    if not enabled:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True)) as progress:
        task = progress.add_task("extracting", total=total)
        yield lambda n: progress.advance(task, n)


def _evaluate(args, records_dir: Path) -> None:
    """Print the evaluation headline when there is gold to score against (the exit status stays the run's)."""
    gold = args.gold
    if gold is None and Path(args.out) == DEFAULT_OUT and DEFAULT_GOLD.is_dir():
        gold = DEFAULT_GOLD
    if gold is None:
        return
    try:
        from .evaluation import main_evaluate
    except ImportError:
        return
    ev_args = argparse.Namespace(gold=Path(gold), pred=records_dir, json=None, min_f1=None, baseline=None,
                                 config=Path("pyproject.toml"), quiet=True)
    try:
        main_evaluate(ev_args)
    except Exception as exc:  # noqa: BLE001 - scoring is a bonus here, never a reason to fail the run
        print(f"warning: evaluation failed: {type(exc).__name__}: {exc}", file=sys.stderr)
