"""Run one plan over many images: safely, resumably, and with a record of everything.

- Outputs mirror the input tree under OUT_DIR; each is written atomically, so a crash or SIGKILL
  never leaves a corrupt file, and inputs are never outputs.
- A manifest (JSON lines, OUT_DIR/editree-manifest.jsonl) gets one record per image as soon as the
  image is finished: status, output, seed, per-step timings, mask areas, branch taken, warnings,
  error. Lines are appended and flushed one at a time; a torn last line (SIGKILL) is ignored on read.
- `resume` skips images the manifest records as done, and also images whose output already carries
  this plan's digest and the input's hash in its provenance (finished, but killed before the
  manifest line was written), so each image is done exactly once.
- One bad image is recorded and skipped; the batch goes on. An image the plan leaves exactly as it was is
  recorded "unchanged" and gets no output (unless allowed), and with `fail_on_warning` a warned image fails.
- SIGINT and SIGTERM stop the run within a grace period (EDITREE_STOP_GRACE seconds, default 3): no new image
  starts, images in flight may finish, the rest are abandoned (their temporary files removed). Every output on
  disk is in the manifest before run_batch returns: an abandoned image whose output was complete is recorded
  "recovered". Worker processes never outlive the parent (see pool.py).
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from editree.engine.image_io import SAVE_FORMATS, check_writable_folder
from editree.engine.options import EngineOptions
from editree.engine.pool import StopFlag, run_in_workers
from editree.engine.regions import UserRegions
from editree.errors import EditreeError, ExitCode, UsageError
from editree.ops import Plan

MANIFEST_NAME = "editree-manifest.jsonl"
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp", ".gif", ".jfif"})
FORMAT_SUFFIX = {"png": ".png", "jpg": ".jpg", "jpeg": ".jpg", "webp": ".webp", "tiff": ".tif", "bmp": ".bmp"}
DEFAULT_STOP_GRACE = 3.0


@dataclass(frozen=True)
class Job:
    source: Path
    rel: str
    """Path relative to its input root, with forward slashes: the manifest's key for the image."""
    output: Path


@dataclass(frozen=True)
class BatchSettings:
    """Everything a worker needs to edit one image; picklable for worker processes."""

    plan: Plan
    seed: int = 0
    engine: str = "auto"
    user: UserRegions = field(default_factory=UserRegions)
    quality: int = 95
    sidecar: bool = False
    max_pixels: int = 100_000_000
    options: EngineOptions = field(default_factory=EngineOptions)
    allow_noop: bool = False
    """Write (and count as done) an image the plan leaves exactly as it was; otherwise it is "unchanged"."""
    fail_on_warning: bool = False
    """An image with any warning fails, and gets no output."""

    @property
    def plan_digest(self) -> str:
        return plan_digest(self.plan)


@dataclass
class BatchSummary:
    counts: dict[str, int] = field(default_factory=dict)
    failed: list[dict[str, Any]] = field(default_factory=list)
    unchanged: list[dict[str, Any]] = field(default_factory=list)
    warnings: dict[str, list[str]] = field(default_factory=dict)
    """Each distinct warning, with the images (manifest keys) it was given for."""
    interrupted: bool = False
    signal: str | None = None
    """SIGINT or SIGTERM, when a signal stopped the run."""
    finished_after_stop: int = 0
    """Images in flight when the run was stopped that finished within the grace period."""
    abandoned: list[str] = field(default_factory=list)
    not_started: int = 0
    seconds: float = 0.0

    def add(self, record: dict[str, Any]) -> None:
        self.counts[record["status"]] = self.counts.get(record["status"], 0) + 1
        if record["status"] == "failed":
            self.failed.append(record)
        elif record["status"] == "unchanged":
            self.unchanged.append(record)
        for warning in record.get("warnings") or []:
            self.warnings.setdefault(warning, []).append(record["input"])


def plan_digest(plan: Plan) -> str:
    return hashlib.sha256(plan.to_json(indent=None).encode("utf-8")).hexdigest()[:16]


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


def image_seed(seed: int, rel: str) -> int:
    """Each image's seed depends on the run's seed and the image's path, not on the order of work."""
    return int.from_bytes(hashlib.sha256(f"{seed}:{rel}".encode()).digest()[:4], "big")


# ---- inputs -------------------------------------------------------------------------------------------
def collect_jobs(
    inputs: list[str], out_dir: Path, recursive: bool = False, output_format: str | None = None
) -> tuple[list[Job], list[str]]:
    """Expand files, folders and globs into jobs; returns (jobs, notes). Refuses collisions up front."""
    out_dir = out_dir.resolve()
    found: list[tuple[Path, str]] = []
    notes: list[str] = []
    in_out_dir = 0
    for spec in inputs:
        path = Path(spec)
        if path.is_dir():
            pattern = "**/*" if recursive else "*"
            for p in sorted(path.glob(pattern)):
                if p.is_file() and _inside(p, out_dir):
                    in_out_dir += p.suffix.lower() in IMAGE_SUFFIXES
                elif p.is_file():
                    found.append((p, p.relative_to(path).as_posix()))
        elif path.is_file():
            found.append((path, path.name))
        elif glob.has_magic(spec):
            matches = sorted(Path(m) for m in glob.glob(spec, recursive=recursive))
            root = Path(_glob_root(spec))
            for p in matches:
                if p.is_file() and _inside(p, out_dir):
                    in_out_dir += p.suffix.lower() in IMAGE_SUFFIXES
                elif p.is_file():
                    rel = p.relative_to(root).as_posix() if _inside(p, root.resolve()) else p.name
                    found.append((p, rel))
            if not matches:
                notes.append(f"{spec}: matched no files")
        else:
            raise UsageError(f"input {spec!r} does not exist; give files, folders or quoted globs")
    jobs: list[Job] = []
    ignored = 0
    seen: dict[Path, str] = {}
    for source, rel in found:
        if source.suffix.lower() not in IMAGE_SUFFIXES:
            ignored += 1
            continue
        output = out_dir / _output_rel(rel, output_format)
        if output in seen:
            raise UsageError(f"{source} and {seen[output]} would both be written to {output}; give them separate runs")
        if output.exists() and os.path.samefile(output, source):
            raise UsageError(f"{source} would be overwritten by its own output; choose an OUT_DIR elsewhere")
        seen[output] = str(source)
        jobs.append(Job(source, rel, output))
    if ignored:
        what = "file that is not an image" if ignored == 1 else "files that are not images"
        notes.append(f"ignored {ignored} {what} (by extension)")
    if in_out_dir and not jobs:
        raise UsageError(
            f"every image given ({in_out_dir}) is inside the output folder {str(out_dir)!r}, and images there are "
            "never taken as inputs (they would be overwritten, or edited twice); choose another -o"
        )
    if in_out_dir:
        notes.append(f"left out {in_out_dir} image{'s' if in_out_dir > 1 else ''} inside the output folder {out_dir}")
    return jobs, notes


def check_out_dir(out_dir: Path) -> None:
    """Before any work: OUT_DIR is a folder, or can be created, and files can be written there."""
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"-o {str(out_dir)!r} is a file; expected a folder for the outputs")
    existing = out_dir.absolute()
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise UsageError(f"-o {str(out_dir)!r}: {str(existing)!r} is a file, so the folder cannot be created")
    check_writable_folder(existing, f"-o {str(out_dir)!r}")


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder)
        return True
    except ValueError:
        return False


def _glob_root(spec: str) -> str:
    parts = Path(spec).parts
    root = [p for p in parts[: next(i for i, p in enumerate(parts) if glob.has_magic(p))]]
    return str(Path(*root)) if root else "."


def _output_rel(rel: str, output_format: str | None) -> str:
    path = Path(rel)
    if output_format:
        return path.with_suffix(FORMAT_SUFFIX[output_format]).as_posix()
    if path.suffix.lower() not in SAVE_FORMATS:
        return path.with_suffix(".png").as_posix()
    return rel


# ---- manifest -----------------------------------------------------------------------------------------
def read_manifest(out_dir: Path) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """(run headers, last record per image). Torn or foreign lines are skipped, not fatal."""
    path = out_dir / MANIFEST_NAME
    runs: list[dict[str, Any]] = []
    last: dict[str, dict[str, Any]] = {}
    if not path.exists():
        return runs, last
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if not isinstance(record, dict):
                continue
            if record.get("kind") == "run":
                runs.append(record)
            elif record.get("kind") == "image" and isinstance(record.get("input"), str):
                last[record["input"]] = record
    return runs, last


class Manifest:
    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / MANIFEST_NAME
        self._handle = open(self.path, "a", encoding="utf-8")  # closed in close()

    def write(self, record: dict[str, Any]) -> None:
        self._handle.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def close(self) -> None:
        self._handle.close()


# ---- one image ----------------------------------------------------------------------------------------
def process_image(job: Job, settings: BatchSettings) -> dict[str, Any]:
    """Edit one image and write its output; never raises for a bad image, returns its record."""
    from editree.engine.executor import nothing_changed, run_plan
    from editree.engine.image_io import load_image, save_image
    from editree.provenance import provenance

    started = time.perf_counter()
    seed = image_seed(settings.seed, job.rel)
    record: dict[str, Any] = {
        "kind": "image",
        "input": job.rel,
        "source": str(job.source),
        "output": str(job.output),
        "seed": seed,
    }
    try:
        loaded = load_image(job.source, max_pixels=settings.max_pixels)
        user = settings.user.for_image(job.source)
        result = run_plan(
            settings.plan,
            loaded.rgb,
            seed=seed,
            engine=settings.engine,
            user_regions=user,
            alpha=loaded.alpha,
            options=settings.options,
        )
        meta = provenance(
            settings.plan,
            seed=seed,
            engine=settings.engine,
            result=result,
            source=job.source,
            options=settings.options,
            user=user,
        )
        meta["source_sha256"] = file_digest(job.source)
        meta["plan_digest"] = settings.plan_digest
        warnings = [*loaded.notes, *result.warnings]
        record.update(steps=meta["steps"], regions=meta["regions"], warnings=warnings)
        if "identity" in meta:  # preserve_identity's outcome per image, for scripts that filter on it
            record["identity"] = meta["identity"]
        if not settings.allow_noop and (reason := nothing_changed(result)):
            record.update(
                status="unchanged",
                error=f"nothing changed: {reason}; no output written (--allow-noop writes it)",
                exit_code=int(ExitCode.NOTHING_CHANGED),
            )
        elif settings.fail_on_warning and warnings:
            record.update(status="failed", error=_warned(warnings), exit_code=int(ExitCode.RUNTIME))
        else:
            job.output.parent.mkdir(parents=True, exist_ok=True)
            notes = save_image(
                job.output, result.rgb, result.alpha, source=loaded, metadata=meta, quality=settings.quality
            )
            if settings.sidecar:
                _write_sidecar(job.output, meta)
                notes = [n for n in notes if "--sidecar" not in n]  # it is kept beside the file, as asked
            record["warnings"] = [*warnings, *notes]
            if settings.fail_on_warning and notes:  # known only once written (alpha dropped, no provenance)
                _remove_output(job.output)
                record.update(status="failed", error=_warned(notes), exit_code=int(ExitCode.RUNTIME))
            else:
                record["status"] = "done"
    except EditreeError as exc:
        record.update(status="failed", error=exc.message, exit_code=int(exc.exit_code))
    except Exception as exc:  # an unexpected failure on one image must not stop the batch
        detail = " ".join(str(exc).split())[:300]
        record.update(status="failed", error=f"internal error: {type(exc).__name__}: {detail}", exit_code=1)
    record["seconds"] = round(time.perf_counter() - started, 4)
    return record


def _warned(warnings: list[str]) -> str:
    more = f" (and {len(warnings) - 1} more)" if len(warnings) > 1 else ""
    return f"warning treated as an error (--fail-on-warning): {warnings[0]}{more}; no output written"


def _remove_output(output: Path) -> None:
    for path in (output, output.with_name(output.name + ".json")):
        path.unlink(missing_ok=True)


def _remove_orphaned_temporaries(todo: list[Job]) -> None:
    """A batch killed outright (SIGKILL, power loss) while writing an output leaves its hidden temporary file
    (`.NAME.*.tmp`, see image_io._write_atomically) beside it; the run that edits that image again removes it.
    Only temporaries named after an output of this batch are touched, one listing per output folder."""
    by_folder: dict[Path, set[str]] = {}
    for job in todo:
        names = by_folder.setdefault(job.output.parent, set())
        names.update((job.output.name, job.output.name + ".json"))
    for folder, names in by_folder.items():
        try:
            entries = [e for e in os.scandir(folder) if e.name.startswith(".") and e.name.endswith(".tmp")]
        except OSError:  # not made yet
            continue
        for entry in entries:
            name = entry.name[1:-4]
            if name in names or name.rsplit(".", 1)[0] in names:
                Path(entry.path).unlink(missing_ok=True)


def _write_sidecar(output: Path, meta: dict[str, Any]) -> None:
    sidecar = output.with_name(output.name + ".json")
    tmp = sidecar.with_name(f".{sidecar.name}.tmp")
    tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, sidecar)


def finished_state(job: Job, settings: BatchSettings, last: dict[str, dict[str, Any]]) -> str | None:
    """How an earlier run of the same plan finished this image: "already-done" (the manifest says
    so), "recovered" (its output is complete and carries this plan and input, but the run was killed
    before recording it), or None (it still has to be done)."""
    from editree.engine.image_io import read_metadata

    if not job.output.exists():
        return None
    record = last.get(job.rel)
    if record and record.get("status") in ("done", "recovered"):
        return "already-done"
    try:
        meta = read_metadata(job.output)
    except EditreeError:
        return None
    if (
        meta
        and meta.get("plan_digest") == settings.plan_digest
        and meta.get("source_sha256") == file_digest(job.source)
    ):
        return "recovered"
    return None


# ---- the run ------------------------------------------------------------------------------------------
EventCallback = Callable[[dict[str, Any]], None]


class BatchExecutor(Protocol):
    """Runs the images somewhere other than this machine's processes (engine/ray_executor.py). The driver keeps
    the manifest and the stop flag: `run` passes each finished record to `emit` once its output is on disk, stops
    sending images when `stop.requested`, and returns the jobs it abandoned after `grace` seconds."""

    def run(
        self,
        jobs: list[Job],
        settings: BatchSettings,
        emit: EventCallback,
        stop: StopFlag,
        grace: float,
        on_stop: Callable[[int], None] | None = None,
    ) -> list[Job]: ...


def run_batch(
    jobs: list[Job],
    settings: BatchSettings,
    out_dir: Path,
    *,
    resume: bool = False,
    skip_existing: bool = False,
    jobs_in_parallel: int = 1,
    on_record: EventCallback | None = None,
    executor: BatchExecutor | None = None,
) -> BatchSummary:
    """Edit every job; records go to the manifest and to `on_record`. SIGINT and SIGTERM (handled while this
    runs in the main thread) stop it within the grace period; the summary says what finished and what not.
    `executor` (a RayExecutor) edits the images elsewhere; this process still writes the manifest."""
    out_dir.mkdir(parents=True, exist_ok=True)
    runs, last = read_manifest(out_dir)
    if resume and runs and runs[-1].get("plan_digest") not in (None, settings.plan_digest):
        raise UsageError(
            f"{out_dir / MANIFEST_NAME} was written by a different plan; use another OUT_DIR, or drop --resume "
            "to redo every image with this plan"
        )
    summary = BatchSummary()
    started = time.perf_counter()
    manifest = Manifest(out_dir)
    manifest.write(
        {
            "kind": "run",
            "plan_digest": settings.plan_digest,
            "plan": settings.plan.to_dict(),
            "seed": settings.seed,
            "images": len(jobs),
            "started": time.time(),
            "resume": resume,
        }
    )

    def emit(record: dict[str, Any]) -> None:
        if record["status"] != "already-done":  # its record is in the manifest already
            manifest.write(record)
        summary.add(record)
        if on_record:
            on_record(record)

    todo: list[Job] = []
    for job in jobs:
        if skip_existing and job.output.exists():
            emit({"kind": "image", "input": job.rel, "output": str(job.output), "status": "skipped"})
        elif resume and (state := finished_state(job, settings, last)):
            emit({"kind": "image", "input": job.rel, "output": str(job.output), "status": state})
        else:
            todo.append(job)
    _remove_orphaned_temporaries(todo)
    parallel = executor is not None or (jobs_in_parallel > 1 and len(todo) > 1)
    stop = _Stop(_grace(), serial=not parallel)
    finished: set[str] = set()

    def emit_finished(record: dict[str, Any]) -> None:
        finished.add(record["input"])
        if stop.requested:
            summary.finished_after_stop += 1
        emit(record)

    abandoned: list[Job] = []
    try:
        with stop.handling():
            if executor is not None:
                abandoned = executor.run(todo, settings, emit_finished, stop, stop.grace, on_stop=stop.announce)
            elif parallel:
                abandoned = run_in_workers(
                    todo,
                    process_image,
                    settings,
                    jobs_in_parallel,
                    emit_finished,
                    stop,
                    stop.grace,
                    on_stop=stop.announce,
                    died=_died,
                )
            else:
                for job in todo:
                    if stop.requested:
                        break
                    try:
                        record = stop.abandonable(process_image, job, settings)
                    except _Abandon:
                        abandoned.append(job)
                        break
                    emit_finished(record)
        if stop.requested:
            summary.interrupted, summary.signal = True, stop.signal_name
    except KeyboardInterrupt:  # not in the main thread, so Ctrl-C arrived as an exception
        summary.interrupted, summary.signal = True, "SIGINT"
    finally:
        if summary.interrupted:
            for job in abandoned:
                emit(_settle_abandoned(job, settings))
            summary.abandoned = [job.rel for job in abandoned]
            summary.not_started = len(todo) - len(finished) - len(abandoned)
            manifest.write(
                {
                    "kind": "interrupted",
                    "at": time.time(),
                    "signal": summary.signal,
                    "finished_after_stop": summary.finished_after_stop,
                    "abandoned": summary.abandoned,
                    "not_started": summary.not_started,
                }
            )
        manifest.close()
        summary.seconds = time.perf_counter() - started
    return summary


def _died(job: Job, exitcode: int | None) -> dict[str, Any]:
    how = f"by signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"with exit code {exitcode}"
    return {
        "kind": "image",
        "input": job.rel,
        "source": str(job.source),
        "output": str(job.output),
        "status": "failed",
        "error": f"{job.source}: the worker process editing it died {how} (out of memory?); no output written",
        "exit_code": int(ExitCode.RUNTIME),
    }


def _settle_abandoned(job: Job, settings: BatchSettings) -> dict[str, Any]:
    """The record of an image whose worker was stopped: its temporary files are removed; an output that was
    complete (written just before the stop) is "recovered", so that nothing on disk is missing from the manifest."""
    for tmp in job.output.parent.glob(f".{glob.escape(job.output.name)}.*tmp"):
        tmp.unlink(missing_ok=True)
    record = {"kind": "image", "input": job.rel, "source": str(job.source), "output": str(job.output)}
    if finished_state(job, settings, {}) == "recovered":
        return {**record, "status": "recovered"}
    return {**record, "status": "interrupted", "error": "abandoned when the run was stopped; no output written"}


def _grace() -> float:
    try:
        return max(0.0, float(os.environ.get("EDITREE_STOP_GRACE", DEFAULT_STOP_GRACE)))
    except ValueError:
        return DEFAULT_STOP_GRACE


class _Abandon(BaseException):
    """Raised in the main thread to give up the image in progress (a BaseException, so no `except Exception`
    in an op or a library takes it for a failure of the image)."""


class _Stop(StopFlag):
    """SIGINT/SIGTERM handling for one run. The first signal stops new work and gives the images in flight
    `grace` seconds; a second one abandons them at once. In a serial run the image is in this thread, so the
    handler (or a SIGALRM at the end of the grace period) raises _Abandon into it."""

    def __init__(self, grace: float, serial: bool) -> None:
        self.grace = grace
        self.serial = serial
        self.signum: int | None = None
        self._in_image = False

    @property
    def signal_name(self) -> str:
        return signal.Signals(self.signum).name if self.signum else "SIGINT"

    def handling(self) -> _Handlers:
        return _Handlers(self)

    def on_signal(self, signum: int, frame: object) -> None:
        if self.requested:
            self.hurry = True
            self._write(f"editree: {signal.Signals(signum).name} again: abandoning the images in progress\n")
            if self._in_image:
                raise _Abandon
            return
        self.requested, self.signum = True, signum
        if self.serial and self._in_image:
            if self.grace <= 0 or not hasattr(signal, "setitimer"):
                raise _Abandon
            self.announce(1)
            signal.setitimer(signal.ITIMER_REAL, self.grace)

    def on_alarm(self, signum: int, frame: object) -> None:
        if self._in_image:
            raise _Abandon

    def announce(self, in_flight: int) -> None:
        images = "the image" if in_flight == 1 else f"the {in_flight} images"
        if self.grace <= 0:
            self._write(f"editree: {self.signal_name}: stopping; abandoning {images} in progress\n")
            return
        self._write(
            f"editree: {self.signal_name}: stopping; waiting up to {self.grace:g} s for {images} in progress "
            "(signal again to abandon now)\n"
        )

    def abandonable(self, work: Callable[[Job, BatchSettings], dict[str, Any]], job: Job, s: BatchSettings) -> Any:
        self._in_image = True
        try:
            return work(job, s)
        finally:
            self._in_image = False
            if hasattr(signal, "setitimer"):
                signal.setitimer(signal.ITIMER_REAL, 0)

    @staticmethod
    def _write(text: str) -> None:
        try:
            os.write(2, text.encode("utf-8", "replace"))  # safe in a signal handler, unlike sys.stderr
        except OSError:
            pass


class _Handlers:
    """Installs the run's handlers (main thread only: elsewhere Python cannot) and puts the old ones back."""

    def __init__(self, stop: _Stop) -> None:
        self.stop = stop
        self.old: dict[int, Any] = {}

    def __enter__(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        for signum in (signal.SIGINT, signal.SIGTERM):
            self.old[signum] = signal.signal(signum, self.stop.on_signal)
        if self.stop.serial and hasattr(signal, "SIGALRM"):
            self.old[signal.SIGALRM] = signal.signal(signal.SIGALRM, self.stop.on_alarm)

    def __exit__(self, *exc: object) -> None:
        if hasattr(signal, "setitimer") and self.old:
            signal.setitimer(signal.ITIMER_REAL, 0)
        for signum, handler in self.old.items():
            signal.signal(signum, handler)
