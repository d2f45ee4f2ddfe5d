"""Run one plan over many images: safely, resumably, and with a record of everything.

- Outputs mirror the input tree under OUT_DIR; each is written atomically, so a crash or SIGKILL
  never leaves a corrupt file, and inputs are never outputs.
- A manifest (JSON lines, OUT_DIR/editree-manifest.jsonl) gets one record per image as soon as the
  image is finished: status, output, seed, per-step timings, mask areas, branch taken, warnings,
  error. Lines are appended and flushed one at a time; a torn last line (SIGKILL) is ignored on read.
- `resume` skips images the manifest records as done, and also images whose output already carries
  this plan's digest and the input's hash in its provenance (finished, but killed before the
  manifest line was written), so each image is done exactly once.
- One bad image is recorded and skipped; the batch goes on.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editree.engine.image_io import SAVE_FORMATS
from editree.engine.options import EngineOptions
from editree.engine.regions import UserRegions
from editree.errors import EditreeError, UsageError
from editree.ops import Plan

MANIFEST_NAME = "editree-manifest.jsonl"
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp", ".gif", ".jfif"})
FORMAT_SUFFIX = {"png": ".png", "jpg": ".jpg", "jpeg": ".jpg", "webp": ".webp", "tiff": ".tif", "bmp": ".bmp"}


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

    @property
    def plan_digest(self) -> str:
        return plan_digest(self.plan)


@dataclass
class BatchSummary:
    counts: dict[str, int] = field(default_factory=dict)
    failed: list[dict[str, Any]] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0

    def add(self, record: dict[str, Any]) -> None:
        self.counts[record["status"]] = self.counts.get(record["status"], 0) + 1
        if record["status"] == "failed":
            self.failed.append(record)


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
    for spec in inputs:
        path = Path(spec)
        if path.is_dir():
            pattern = "**/*" if recursive else "*"
            for p in sorted(path.glob(pattern)):
                if p.is_file() and not _inside(p, out_dir):
                    found.append((p, p.relative_to(path).as_posix()))
        elif path.is_file():
            found.append((path, path.name))
        elif glob.has_magic(spec):
            matches = sorted(Path(m) for m in glob.glob(spec, recursive=recursive))
            root = Path(_glob_root(spec))
            for p in matches:
                if p.is_file() and not _inside(p, out_dir):
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
    return jobs, notes


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
    from editree.engine.executor import run_plan
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
        result = run_plan(
            settings.plan,
            loaded.rgb,
            seed=seed,
            engine=settings.engine,
            user_regions=settings.user,
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
            user=settings.user,
        )
        meta["source_sha256"] = file_digest(job.source)
        meta["plan_digest"] = settings.plan_digest
        job.output.parent.mkdir(parents=True, exist_ok=True)
        notes = save_image(job.output, result.rgb, result.alpha, source=loaded, metadata=meta, quality=settings.quality)
        if settings.sidecar:
            _write_sidecar(job.output, meta)
        record.update(
            status="done",
            steps=meta["steps"],
            regions=meta["regions"],
            warnings=[*loaded.notes, *result.warnings, *notes],
        )
    except EditreeError as exc:
        record.update(status="failed", error=exc.message, exit_code=int(exc.exit_code))
    except Exception as exc:  # an unexpected failure on one image must not stop the batch
        record.update(status="failed", error=f"internal error: {type(exc).__name__}: {exc}", exit_code=1)
    record["seconds"] = round(time.perf_counter() - started, 4)
    return record


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


def run_batch(
    jobs: list[Job],
    settings: BatchSettings,
    out_dir: Path,
    *,
    resume: bool = False,
    skip_existing: bool = False,
    jobs_in_parallel: int = 1,
    on_record: EventCallback | None = None,
) -> BatchSummary:
    """Edit every job; records go to the manifest and to `on_record`. Ctrl-C stops cleanly."""
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
    try:
        if jobs_in_parallel > 1 and len(todo) > 1:
            _run_parallel(todo, settings, jobs_in_parallel, emit)
        else:
            for job in todo:
                emit(process_image(job, settings))
    except KeyboardInterrupt:
        summary.interrupted = True
        manifest.write({"kind": "interrupted", "at": time.time()})
    finally:
        manifest.close()
        summary.seconds = time.perf_counter() - started
    return summary


def _run_parallel(todo: list[Job], settings: BatchSettings, workers: int, emit: EventCallback) -> None:
    """Classical plans need no resident model, so images go to worker processes. At most 2×workers
    images are in flight, so memory stays bounded however long the batch."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    pending: dict[Future[dict[str, Any]], Job] = {}
    queue: Iterator[Job] = iter(todo)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        try:
            for job in queue:
                pending[pool.submit(process_image, job, settings)] = job
                if len(pending) >= 2 * workers:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        pending.pop(future)
                        emit(future.result())
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    pending.pop(future)
                    emit(future.result())
        except KeyboardInterrupt:
            for future in pending:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
