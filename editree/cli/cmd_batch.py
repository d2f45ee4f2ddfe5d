"""`editree batch` and `editree apply`: one plan over many images, with a manifest and resume."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from editree.cli.engine_flags import (
    ControlModelOpt,
    ControlOpt,
    ControlScaleOpt,
    DeviceOpt,
    DtypeOpt,
    FaceThresholdOpt,
    GuidanceOpt,
    IdentityModelOpt,
    IdentityStrictOpt,
    InstructModelOpt,
    IpAdapterOpt,
    LowMemoryOpt,
    ModelOpt,
    NegativeOpt,
    ResolutionOpt,
    SegmenterOpt,
    StepsOpt,
    engine_options_from,
)
from editree.cli.executor_flags import (
    ExecutorChoice,
    ExecutorFlags,
    ExecutorOpt,
    GpusPerWorkerOpt,
    RayAddressOpt,
    WorkersOpt,
)
from editree.cli.planning import (
    LLMModelOpt,
    LLMUrlOpt,
    PlannerChoice,
    PlannerOpt,
    plan_instruction,
    read_plan_file,
)
from editree.cli.regions import MaskOpt, PointOpt, RegionOpt
from editree.engine.options import EngineOptions
from editree.errors import ExitCode, Interrupted, UsageError
from editree.ops import Plan


class OutputFormat(StrEnum):
    png = "png"
    jpg = "jpg"
    webp = "webp"
    tiff = "tiff"


InputsArg = Annotated[list[str], typer.Argument(help="Image files, folders or quoted globs.", show_default=False)]
OutDirOpt = Annotated[Path, typer.Option("--output", "-o", help="Folder for the outputs (mirrors the input tree).")]
RecursiveOpt = Annotated[bool, typer.Option("--recursive", "-r", help="Descend into sub-folders.")]
FormatOpt = Annotated[Optional[OutputFormat], typer.Option("--format", help="Output format [default: the input's].")]
QualityOpt = Annotated[int, typer.Option("--quality", min=1, max=100, help="JPEG/WebP quality.")]
SeedOpt = Annotated[
    int, typer.Option("--seed", min=0, help="Run seed; each image derives its own from it and its path.")
]
SkipOpt = Annotated[bool, typer.Option("--skip-existing", help="Leave images whose output exists.")]
ResumeOpt = Annotated[bool, typer.Option("--resume", help="Continue an interrupted run from OUT_DIR's manifest.")]
JobsOpt = Annotated[
    int, typer.Option("--jobs", "-j", min=1, max=64, help="Worker processes for classical and remote-model plans.")
]
RpmOpt = Annotated[
    Optional[float],
    typer.Option(
        "--rpm",
        min=0.01,
        help="Requests per minute to a hosted model (--model gemini:…, openai:…), for all workers together "
        "[env EDITREE_REMOTE_RPM; default: no limit].",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON event per image (for programs).")]
SidecarOpt = Annotated[bool, typer.Option("--sidecar", help="Also write OUTPUT.json with the provenance.")]
QuietOpt = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print only errors: no plan, progress, table or warnings.")
]
AllowNoopOpt = Annotated[
    bool,
    typer.Option("--allow-noop", help="Write images the plan leaves unchanged (else: no output, status unchanged)."),
]
FailOnWarningOpt = Annotated[
    bool, typer.Option("--fail-on-warning", help="An image with any warning fails and gets no output.")
]
MaxPixelsOpt = Annotated[
    int, typer.Option("--max-pixels", min=1, help="Fail larger images (decompression-bomb guard).")
]


def batch(
    args: Annotated[list[str], typer.Argument(help="INPUT... INSTRUCTION: images, then the instruction last.")],
    output: OutDirOpt = Path("edited"),
    recursive: RecursiveOpt = False,
    format: FormatOpt = None,
    quality: QualityOpt = 95,
    seed: SeedOpt = 0,
    skip_existing: SkipOpt = False,
    resume: ResumeOpt = False,
    jobs: JobsOpt = 1,
    rpm: RpmOpt = None,
    executor: ExecutorOpt = ExecutorChoice.local,
    ray_address: RayAddressOpt = None,
    gpus_per_worker: GpusPerWorkerOpt = None,
    workers: WorkersOpt = None,
    json_events: JsonOpt = False,
    sidecar: SidecarOpt = False,
    quiet: QuietOpt = False,
    allow_noop: AllowNoopOpt = False,
    fail_on_warning: FailOnWarningOpt = False,
    max_pixels: MaxPixelsOpt = 100_000_000,
    region: RegionOpt = None,
    mask: MaskOpt = None,
    point: PointOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 3) instead of running fallbacks.")] = False,
    planner: PlannerOpt = PlannerChoice.auto,
    llm_url: LLMUrlOpt = None,
    llm_model: LLMModelOpt = None,
    model: ModelOpt = None,
    instruct_model: InstructModelOpt = None,
    identity_model: IdentityModelOpt = None,
    face_threshold: FaceThresholdOpt = 0.6,
    identity_strict: IdentityStrictOpt = False,
    ip_adapter: IpAdapterOpt = None,
    low_memory: LowMemoryOpt = False,
    segmenter: SegmenterOpt = None,
    device: DeviceOpt = None,
    steps: StepsOpt = 30,
    guidance: GuidanceOpt = None,
    resolution: ResolutionOpt = None,
    dtype: DtypeOpt = None,
    negative: NegativeOpt = None,
    control: ControlOpt = None,
    control_scale: ControlScaleOpt = None,
    control_model: ControlModelOpt = None,
) -> int:
    """Edit every image with one instruction: planned once, each model loaded once."""
    if len(args) < 2:
        raise UsageError('expected INPUT... INSTRUCTION, e.g. editree batch photos/ "make it warmer" -o out/')
    *inputs, instruction = args
    plan = plan_instruction(instruction, strict=strict, planner=planner, llm_url=llm_url, llm_model=llm_model)
    return _run(
        plan,
        inputs,
        output,
        recursive,
        format,
        quality,
        seed,
        skip_existing,
        resume,
        jobs,
        json_events,
        sidecar,
        region,
        mask,
        point,
        engine_options_from(locals()),
        _RunFlags(quiet, allow_noop, fail_on_warning, max_pixels, rpm),
        ExecutorFlags(executor, ray_address, gpus_per_worker, workers),
    )


def apply(
    plan_file: Annotated[Path, typer.Argument(help="A plan saved with `editree plan ... --format json`.")],
    inputs: InputsArg,
    output: OutDirOpt = Path("edited"),
    recursive: RecursiveOpt = False,
    format: FormatOpt = None,
    quality: QualityOpt = 95,
    seed: SeedOpt = 0,
    skip_existing: SkipOpt = False,
    resume: ResumeOpt = False,
    jobs: JobsOpt = 1,
    rpm: RpmOpt = None,
    executor: ExecutorOpt = ExecutorChoice.local,
    ray_address: RayAddressOpt = None,
    gpus_per_worker: GpusPerWorkerOpt = None,
    workers: WorkersOpt = None,
    json_events: JsonOpt = False,
    sidecar: SidecarOpt = False,
    quiet: QuietOpt = False,
    allow_noop: AllowNoopOpt = False,
    fail_on_warning: FailOnWarningOpt = False,
    max_pixels: MaxPixelsOpt = 100_000_000,
    region: RegionOpt = None,
    mask: MaskOpt = None,
    point: PointOpt = None,
    model: ModelOpt = None,
    instruct_model: InstructModelOpt = None,
    identity_model: IdentityModelOpt = None,
    face_threshold: FaceThresholdOpt = 0.6,
    identity_strict: IdentityStrictOpt = False,
    ip_adapter: IpAdapterOpt = None,
    low_memory: LowMemoryOpt = False,
    segmenter: SegmenterOpt = None,
    device: DeviceOpt = None,
    steps: StepsOpt = 30,
    guidance: GuidanceOpt = None,
    resolution: ResolutionOpt = None,
    dtype: DtypeOpt = None,
    negative: NegativeOpt = None,
    control: ControlOpt = None,
    control_scale: ControlScaleOpt = None,
    control_model: ControlModelOpt = None,
) -> int:
    """Run a saved plan over images, like `batch`."""
    plan = read_plan_file(plan_file, "plan file")
    return _run(
        plan,
        inputs,
        output,
        recursive,
        format,
        quality,
        seed,
        skip_existing,
        resume,
        jobs,
        json_events,
        sidecar,
        region,
        mask,
        point,
        engine_options_from(locals()),
        _RunFlags(quiet, allow_noop, fail_on_warning, max_pixels, rpm),
        ExecutorFlags(executor, ray_address, gpus_per_worker, workers),
    )


@dataclass(frozen=True)
class _RunFlags:
    quiet: bool = False
    allow_noop: bool = False
    fail_on_warning: bool = False
    max_pixels: int = 100_000_000
    rpm: float | None = None


def _run(
    plan: Plan,
    inputs: list[str],
    out_dir: Path,
    recursive: bool,
    format: OutputFormat | None,
    quality: int,
    seed: int,
    skip_existing: bool,
    resume: bool,
    jobs: int,
    json_events: bool,
    sidecar: bool,
    region: list[str] | None,
    mask: list[str] | None,
    point: list[str] | None,
    options: EngineOptions,
    flags: _RunFlags,
    executor: ExecutorFlags = ExecutorFlags(),
) -> int:
    from editree.cli import console
    from editree.cli.regions import user_regions
    from editree.engine.batch import MANIFEST_NAME, BatchSettings, check_out_dir, collect_jobs, run_batch
    from editree.engine.executor import check_plan, generative_steps
    from editree.engine.regions import check_regions, unused_user_regions
    from editree.engine.segmenters import default_registry

    quiet = flags.quiet
    options = _shared_rate_limit(options, flags.rpm)
    # 1. Check everything that does not need an image, before any work.
    executor.check(jobs)
    user = user_regions(region, mask, point)
    check_plan(plan, "auto", options)
    check_regions(plan, user, default_registry(options.segmenter, options.device))
    for warning in unused_user_regions(plan, user):
        console.warn(warning)
    check_out_dir(out_dir)
    job_list, notes = collect_jobs(inputs, out_dir, recursive, format.value if format else None)
    for note in notes if not quiet else []:
        console.warn(note)
    if not job_list:
        raise UsageError(f"no images found in {' '.join(inputs)} (looked for {', '.join(_suffixes())})")
    settings = BatchSettings(
        plan=plan,
        seed=seed,
        user=user,
        quality=quality,
        sidecar=sidecar,
        max_pixels=flags.max_pixels,
        options=options,
        allow_noop=flags.allow_noop,
        fail_on_warning=flags.fail_on_warning,
    )
    if jobs > 1 and executor.executor is ExecutorChoice.local and generative_steps(plan, "auto", options):
        if not quiet:
            console.warn(
                f"--jobs {jobs}: this plan runs generative models, so images go one at a time (each worker would "
                "load its own copy of the model); the loaded pipeline is reused from image to image"
            )
        jobs = 1
    if not json_events and not quiet:
        console.print_plan_warnings(plan)
        from editree.engine.remote.calls import remote_calls

        if calls := remote_calls(plan, "auto", options).describe(len(job_list)):
            console.out().print(calls, markup=False, soft_wrap=True)

    # 2. Run, reporting each image.
    ray_executor = executor.open(None if quiet else _note, None if quiet else console.warn)
    progress = None if json_events or quiet else console.progress(len(job_list))

    def on_record(record: dict[str, Any]) -> None:
        if json_events:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
            return
        if progress is not None:
            progress.advance()
        if record["status"] in ("failed", "unchanged"):
            console.warn(_about(record))

    try:
        summary = run_batch(
            job_list,
            settings,
            out_dir,
            resume=resume,
            skip_existing=skip_existing,
            jobs_in_parallel=jobs,
            on_record=on_record,
            executor=ray_executor,
        )
    finally:
        if progress is not None:
            progress.stop()
        if ray_executor is not None:
            ray_executor.close()

    # 3. Summarise.
    if json_events:
        sys.stdout.write(
            json.dumps(
                {
                    "kind": "summary",
                    "counts": summary.counts,
                    "interrupted": summary.interrupted,
                    "seconds": round(summary.seconds, 3),
                    "warnings": summary.warnings,
                },
                ensure_ascii=False,
            )
            + "\n"
        )
    elif not quiet:
        rows = [[status, n] for status, n in sorted(summary.counts.items())]
        console.out().print(
            console.table(f"{len(job_list)} images in {summary.seconds:.1f} s", ["status", "images"], rows)
        )
        for record in summary.failed[:20]:
            console.out().print(f"failed: {_about(record)}", markup=False, soft_wrap=True)
        for record in summary.unchanged[:20]:
            console.out().print(f"unchanged: {_about(record)}", markup=False, soft_wrap=True)
        console.out().print(f"outputs and manifest in {out_dir}", markup=False, soft_wrap=True)
    if not quiet:
        _warning_summary(summary.warnings)
    if summary.interrupted:
        raise Interrupted(_interrupted_message(summary, out_dir), _signal_exit_code(summary.signal))
    if summary.failed or summary.unchanged:  # scripts read the last line: say what the exit code means
        parts = [f"{len(summary.failed)} failed"] if summary.failed else []
        parts += [f"{len(summary.unchanged)} unchanged (no output)"] if summary.unchanged else []
        console.error(f"{' and '.join(parts)} of {len(job_list)} images; see {out_dir / MANIFEST_NAME}")
        return int(ExitCode.RUNTIME if summary.failed else ExitCode.NOTHING_CHANGED)
    return 0


def _note(message: str) -> None:
    from editree.cli import console

    console.err().print(message, markup=False, style="dim", soft_wrap=True)


def _shared_rate_limit(options: EngineOptions, rpm: float | None) -> EngineOptions:
    """--rpm for the run, and the file through which every worker process keeps to it together (removed when the
    batch process exits)."""
    import atexit
    import dataclasses
    import os
    import tempfile

    from editree.engine.remote.spec import parse_remote

    if not (parse_remote(options.model) or parse_remote(options.instruct_model)):
        return dataclasses.replace(options, remote_rpm=rpm or options.remote_rpm)
    handle, path = tempfile.mkstemp(prefix="editree-rate-")
    os.close(handle)
    atexit.register(lambda: os.path.exists(path) and os.unlink(path))
    return dataclasses.replace(options, remote_rpm=rpm or options.remote_rpm, remote_rate_file=path)


def _about(record: dict[str, Any]) -> str:
    """The record's error, led by its image unless the message already names it."""
    error = str(record.get("error", ""))
    source = str(record.get("source") or record.get("input"))
    return error if error.startswith((source, str(record.get("input")))) else f"{record.get('input')}: {error}"


MAX_WARNINGS_SHOWN = 20
MAX_IMAGES_NAMED = 5


def _warning_summary(warnings: dict[str, list[str]]) -> None:
    """Each distinct warning once, with the images it was given for: what the manifest records per image."""
    from editree.cli import console

    if not warnings:
        return
    ordered = sorted(warnings.items(), key=lambda item: -len(item[1]))
    for text, images in ordered[:MAX_WARNINGS_SHOWN]:
        named = ", ".join(images[:MAX_IMAGES_NAMED])
        if len(images) > MAX_IMAGES_NAMED:
            named += f" and {len(images) - MAX_IMAGES_NAMED} more"
        count = f"{len(images)} image{'s' if len(images) != 1 else ''}"
        console.warn(f"{text} [{count}: {named}]")
    if len(ordered) > MAX_WARNINGS_SHOWN:
        console.warn(f"{len(ordered) - MAX_WARNINGS_SHOWN} more distinct warnings are in the manifest")


def _interrupted_message(summary: Any, out_dir: Path) -> str:
    parts = []
    if summary.finished_after_stop:
        parts.append(f"{summary.finished_after_stop} in progress finished")
    if summary.abandoned:
        recovered = summary.counts.get("recovered", 0)
        parts.append(f"{len(summary.abandoned)} abandoned" + (f" ({recovered} already written)" if recovered else ""))
    if summary.not_started:
        parts.append(f"{summary.not_started} not started")
    detail = f" ({', '.join(parts)})" if parts else ""
    return (
        f"stopped by {summary.signal or 'SIGINT'}{detail}; every output written is in {out_dir}'s manifest; rerun "
        f"with --resume -o {out_dir} to finish the remaining images"
    )


def _signal_exit_code(name: str | None) -> ExitCode:
    return ExitCode.TERMINATED if name == "SIGTERM" else ExitCode.INTERRUPTED


def _suffixes() -> list[str]:
    from editree.engine.batch import IMAGE_SUFFIXES

    return sorted(IMAGE_SUFFIXES)
