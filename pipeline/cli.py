"""Command line: ``python -m pipeline {run,export,eval,report,compact} ...``.

Commands:
  run       process input files into the dataset's Parquet tables (incremental)
  export    print the dataset's entities, one JSON object per document
  eval      score datasets against gold annotations (P/R/F1 per type and language)
  report    write an HTML page about a run: entities in context, counts, errors
  compact   merge each table partition's small files into one (content unchanged)

Every command names the dataset folder with --dataset (old spellings still work:
--output for run and compact, --run for export, eval and report).

Exit codes a scheduler can act on:
0 success (runs.status ok or partial); 2 bad usage or config; 3 no readable input;
4 per-document error rate above run.max_error_rate; 5 output folder locked by
another run; 6 a model or backend is missing; 130 interrupted (Ctrl-C);
143 terminated (SIGTERM). A stopped run keeps what it committed; the next run
completes the rest.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

EXIT_OK, EXIT_CONFIG, EXIT_NO_INPUT, EXIT_ERROR_RATE, EXIT_LOCKED, EXIT_MODEL = 0, 2, 3, 4, 5, 6
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143
log = logging.getLogger("pipeline")


class Terminated(BaseException):
    """SIGTERM arrived; raised in the main thread so the run stops its workers and records itself."""


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("mining-ner")
    except metadata.PackageNotFoundError:
        return "unknown"


def _dataset_arg(parser: argparse.ArgumentParser, *aliases: str, multiple: bool = False) -> None:
    kwargs: dict[str, object] = {"action": "append"} if multiple else {"required": True}
    if multiple:
        kwargs["required"] = True
    parser.add_argument("--dataset", *aliases, dest="dataset", type=Path, metavar="FOLDER",
                        help="the dataset (output) folder" + (" (repeatable)" if multiple else "")
                        + (f"; also spelled {', '.join(aliases)}" if aliases else ""), **kwargs)  # type: ignore[arg-type]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"mining-ner {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="{run,export,eval,report,compact}")

    run = sub.add_parser("run", help="process input files into Parquet tables")
    run.add_argument("--input", nargs="+", type=Path, required=True, help="files or directories (.txt, .md, .jsonl)")
    _dataset_arg(run, "--output")
    run.add_argument("--config", type=Path, default=Path("configs/default.yaml"),
                     help="YAML profile (a relative path not found here is looked up in the project)")
    run.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                     help="override a config value, e.g. --set run.batch_docs=8 (repeatable)")
    run.add_argument("--full", action="store_true", help="reprocess documents already in the output")
    run.add_argument("--retry-failed", action="store_true",
                     help="retry inputs that failed before with the same content (default: recorded once, skipped)")
    run.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                     help="wait this long for another run's lock (default: fail at once; -1 waits forever)")
    run.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                     help="progress bar (default: only on a terminal)")
    run.add_argument("--executor", choices=["auto", "serial", "process", "dask"],
                     help="where batches run (sets run.executor; default from the config: auto)")
    run.add_argument("--workers", type=int, help="worker processes (sets run.workers; 0 = one per core)")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler address, e.g. tcp://host:8786 (implies --executor dask)")
    run.add_argument("--log-format", choices=["text", "json"], default="text",
                     help="log lines on stderr as text or JSON lines (each with an ISO time and the run id)")
    run.add_argument("--log-level", default="WARNING", help="log level (default WARNING: quiet)")

    export = sub.add_parser("export", help="print the dataset's entities, one JSON object per document")
    export.add_argument("--format", choices=["gold-jsonl"], default="gold-jsonl")
    _dataset_arg(export, "--run")

    compact = sub.add_parser("compact", help="merge each table partition's small files into one (content unchanged)")
    _dataset_arg(compact, "--output")
    compact.add_argument("--wait", type=float, default=0.0, metavar="SECONDS", help="wait for a running run's lock")

    report = sub.add_parser("report", help="write an HTML page about a run: entities in context, counts, errors")
    _dataset_arg(report, "--run")
    report.add_argument("--output", type=Path, help="HTML file (default: <dataset>/report.html)")
    report.add_argument("--run-id", help="which run (default: the newest run that processed documents)")
    report.add_argument("--max-docs", type=int, default=100, help="documents rendered in full")
    report.add_argument("--max-doc-chars", type=int, default=20_000, help="characters rendered per document")

    ev = sub.add_parser("eval", help="score datasets against gold annotations (P/R/F1 per type and language)",
                        description="Score one or more runs, each against its gold file: --gold and --dataset are "
                                    "given in pairs (the first --gold goes with the first --dataset). Several sets "
                                    "print side by side.")
    ev.add_argument("--gold", type=Path, action="append", required=True, help="gold JSON lines (repeatable)")
    _dataset_arg(ev, "--run", multiple=True)
    ev.add_argument("--name", action="append", help="a set's name (default: the gold file's stem, e.g. dev)")
    ev.add_argument("--errors", type=Path, metavar="FILE.md",
                    help="write every missed and spurious item with its sentence here (and FILE.jsonl beside it)")
    ev.add_argument("--json", action="store_true",
                    help="print rows as JSON (one set: the reference scorer's rows; several: {name: rows})")
    return parser


class JsonFormatter(logging.Formatter):
    """One JSON object per log line: ISO time with zone, level, event, run id and the record's extras."""

    _SKIP = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}

    def format(self, record: logging.LogRecord) -> str:
        when = datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")
        payload = {"time": when, "level": record.levelname, "logger": record.name, "event": record.getMessage()}
        payload.update({k: v for k, v in vars(record).items() if k not in self._SKIP})
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False, default=str)


class _RunId(logging.Filter):
    def __init__(self, run_id: str | None) -> None:
        super().__init__()
        self.run_id = run_id

    def filter(self, record: logging.LogRecord) -> bool:
        record.run_id = self.run_id
        return True


_FORMAT = {"fmt": "text"}


def configure_logging(fmt: str, level: str, run_id: str | None = None) -> None:
    """Log lines of the pipeline and of the libraries it runs (Dask, warnings) in one format on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    text = logging.Formatter("%(asctime)s %(levelname)s [%(run_id)s] %(message)s")
    handler.setFormatter(JsonFormatter() if fmt == "json" else text)
    handler.addFilter(_RunId(run_id))
    _FORMAT["fmt"] = fmt
    logger = logging.getLogger("pipeline")
    logger.handlers[:] = [handler]
    logger.setLevel(level.upper())
    logger.propagate = False
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    logging.captureWarnings(True)


def _fail(code: int, message: str) -> int:
    if _FORMAT["fmt"] == "json":
        log.error(message, extra={"exit_code": code})
    else:
        print(f"error: {message}", file=sys.stderr)
    return code


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise Terminated()


def cmd_run(args: argparse.Namespace) -> int:
    from pipeline.io.catalog import LegacyLayout
    from pipeline.nlp.errors import BackendUnavailable
    from pipeline.run.config import ConfigError, load_config
    from pipeline.run.runner import LockHeld, execute, new_run_id
    from pipeline.stages import ChainError

    run_id = new_run_id()
    overrides = list(args.overrides)
    if args.scheduler:
        overrides += ["run.executor=dask", f"run.dask_address={args.scheduler}"]
    if args.executor:
        overrides.append(f"run.executor={args.executor}")
    if args.workers is not None:
        overrides.append(f"run.workers={args.workers}")
    configure_logging(args.log_format, args.log_level, run_id)
    try:
        config = load_config(args.config, overrides)
    except ConfigError as exc:
        return _fail(EXIT_CONFIG, str(exc))

    def dashboard(address: str) -> None:
        if _FORMAT["fmt"] == "json":
            log.warning("dask dashboard", extra={"dashboard": address})
        else:
            print(f"dask dashboard: {address}", file=sys.stderr, flush=True)

    try:
        result = execute(args.input, args.dataset, config, overrides, full=args.full, wait_for_lock=args.wait,
                         progress=args.progress, retry_failed=args.retry_failed, run_id=run_id,
                         on_dashboard=dashboard)
    except ChainError as exc:
        return _fail(EXIT_CONFIG, str(exc))
    except LockHeld as exc:
        return _fail(EXIT_LOCKED, str(exc))
    except LegacyLayout as exc:
        return _fail(EXIT_CONFIG, str(exc))
    except (BackendUnavailable, FileNotFoundError, OSError, ImportError) as exc:
        return _fail(EXIT_MODEL, f"{type(exc).__name__}: {exc}".splitlines()[0])
    print(json.dumps({"run_id": result.run_id, "status": result.status, "inputs": result.n_inputs,
                      "documents": result.n_documents, "skipped": result.n_skipped,
                      "skipped_known_failures": result.n_known_failed, "errors": result.n_errors,
                      "warnings": result.n_warnings, "mentions": result.n_mentions, "chars": result.n_chars,
                      "seconds": round(result.wall_seconds, 2),
                      "stage_seconds": {k: round(v, 3) for k, v in result.stage_seconds.items()}}), flush=True)
    if result.no_input:
        return _fail(EXIT_NO_INPUT, f"no readable input among {[str(p) for p in args.input]} (see the errors table)")
    if result.error_rate > config.run.max_error_rate:
        return _fail(EXIT_ERROR_RATE, f"{result.n_errors} of {result.n_inputs} inputs of this run failed "
                     f"({result.error_rate:.0%} > run.max_error_rate={config.run.max_error_rate:.0%})")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from pipeline.io.export import export_gold

    if not (args.dataset / "documents").is_dir():
        return _fail(EXIT_NO_INPUT, f"{args.dataset} holds no documents table (not a run output folder?)")
    for record in export_gold(args.dataset):
        print(json.dumps(record, ensure_ascii=False))
    return EXIT_OK


def cmd_compact(args: argparse.Namespace) -> int:
    from filelock import FileLock, Timeout

    from pipeline.io.catalog import CURRENT, is_legacy
    from pipeline.io.sink import Dataset

    out = args.dataset
    if not out.is_dir():
        return _fail(EXIT_NO_INPUT, f"{out} does not exist")
    try:
        with FileLock(str(out / ".lock"), timeout=args.wait):
            if not (out / CURRENT).is_symlink() and not is_legacy(out):
                return _fail(EXIT_NO_INPUT, f"{out} holds no dataset (not a run output folder?)")
            merged = Dataset(out).compact(f"c{datetime.now(UTC):%Y%m%dt%H%M%S%f}")
    except Timeout:
        return _fail(EXIT_LOCKED, f"{out} is locked: a run is writing to it; use --wait SECONDS to queue")
    print(json.dumps({"merged_parts": merged}))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from pipeline.tools.report import ReportError, write_report

    target = args.output or args.dataset / "report.html"
    try:
        path = write_report(args.dataset, target, run_id=args.run_id, max_doc_chars=args.max_doc_chars,
                            max_docs=args.max_docs)
    except ReportError as exc:
        return _fail(EXIT_NO_INPUT, str(exc))
    print(path)
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from pipeline.io.export import export_gold
    from pipeline.tools.eval.error_listing import document_texts, list_errors, write_listing
    from pipeline.tools.eval.scoring import (
        delegates_with_titles,
        format_side_by_side,
        format_table,
        load_docs,
        score,
        title_share,
    )

    if len(args.gold) != len(args.dataset) or (args.name and len(args.name) != len(args.gold)):
        return _fail(EXIT_CONFIG, "give --gold and --dataset (and --name, if any) the same number of times")
    names = args.name or [g.name.split(".")[0] for g in args.gold]
    results, titles, titled, errors = {}, {}, {}, []
    for name, gold, run in zip(names, args.gold, args.dataset, strict=True):
        if not gold.is_file():
            return _fail(EXIT_NO_INPUT, f"gold file {gold} does not exist")
        if not (run / "documents").is_dir():
            return _fail(EXIT_NO_INPUT, f"{run} holds no documents table (not a run output folder?)")
        gold_lines = gold.read_text(encoding="utf-8").splitlines()
        exported = list(export_gold(run))
        pred_lines = [json.dumps(r, ensure_ascii=False) for r in exported]
        results[name] = score(load_docs(gold_lines), load_docs(pred_lines), by_lang=True)
        titles[name] = title_share(gold_lines, pred_lines)
        titled[name] = delegates_with_titles(pred_lines)
        if args.errors:
            errors += list_errors(name, [json.loads(x) for x in gold_lines if x.strip()], exported,
                                  document_texts(run))
    if args.json:
        # One set: the reference scorer's own JSON rows; several: those rows per set name.
        print(json.dumps(next(iter(results.values())) if len(results) == 1 else results, ensure_ascii=False))
    else:
        print(format_table(next(iter(results.values()))) if len(results) == 1 else format_side_by_side(results))
        for name, (hit, total) in titles.items():
            print(f"{name}: titles reproduced exactly: {hit}/{total} = {hit / total if total else 0:.3f} "
                  "(informational)")
            with_title, found = titled[name]
            print(f"{name}: delegates found with at least one title: {with_title}/{found} = "
                  f"{with_title / found if found else 0:.3f} (informational)")
    if args.errors:
        page, jsonl = write_listing(errors, args.errors)
        sys.stdout.flush()
        print(f"error listing: {page} ({len(errors)} items; also {jsonl})", file=sys.stderr)
    return EXIT_OK


def entry() -> None:
    """The command's entry point (``python -m pipeline`` and the ``mining-ner`` script): ``main``, then the exit.
    A stopped run has committed what it could and recorded itself; the interpreter's exit hooks would still join
    the process pool's threads and children, whose workers were just stopped, and a stopped run was once seen
    alive a minute after its last line, so it ends at once, after flushing what was written."""
    code = main()
    if code in (EXIT_INTERRUPTED, EXIT_TERMINATED):
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = {"run": cmd_run, "export": cmd_export, "eval": cmd_eval, "compact": cmd_compact,
               "report": cmd_report}[args.command]
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return handler(args)
    except KeyboardInterrupt:
        return _fail(EXIT_INTERRUPTED, "interrupted; what was committed is kept, the next run completes the rest")
    except Terminated:
        return _fail(EXIT_TERMINATED, "terminated (SIGTERM); what was committed is kept, the next run completes "
                     "the rest")
    finally:
        signal.signal(signal.SIGTERM, previous)
