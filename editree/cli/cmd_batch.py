"""`editree batch` and `editree apply`: one plan over many images, with a manifest and resume."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from editree.cli.engine_flags import (
    DeviceOpt,
    DtypeOpt,
    GuidanceOpt,
    IdentityModelOpt,
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
SeedOpt = Annotated[int, typer.Option("--seed", help="Run seed; each image derives its own from it and its path.")]
SkipOpt = Annotated[bool, typer.Option("--skip-existing", help="Leave images whose output exists.")]
ResumeOpt = Annotated[bool, typer.Option("--resume", help="Continue an interrupted run from OUT_DIR's manifest.")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=1, max=64, help="Worker processes for classical plans.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON event per image (for programs).")]
SidecarOpt = Annotated[bool, typer.Option("--sidecar", help="Also write OUTPUT.json with the provenance.")]


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
    json_events: JsonOpt = False,
    sidecar: SidecarOpt = False,
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
    ip_adapter: IpAdapterOpt = None,
    low_memory: LowMemoryOpt = False,
    segmenter: SegmenterOpt = None,
    device: DeviceOpt = None,
    steps: StepsOpt = 30,
    guidance: GuidanceOpt = None,
    resolution: ResolutionOpt = None,
    dtype: DtypeOpt = None,
    negative: NegativeOpt = None,
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
    json_events: JsonOpt = False,
    sidecar: SidecarOpt = False,
    region: RegionOpt = None,
    mask: MaskOpt = None,
    point: PointOpt = None,
    model: ModelOpt = None,
    instruct_model: InstructModelOpt = None,
    identity_model: IdentityModelOpt = None,
    ip_adapter: IpAdapterOpt = None,
    low_memory: LowMemoryOpt = False,
    segmenter: SegmenterOpt = None,
    device: DeviceOpt = None,
    steps: StepsOpt = 30,
    guidance: GuidanceOpt = None,
    resolution: ResolutionOpt = None,
    dtype: DtypeOpt = None,
    negative: NegativeOpt = None,
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
    )


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
) -> int:
    from editree.cli import console
    from editree.cli.regions import user_regions
    from editree.engine.batch import BatchSettings, collect_jobs, run_batch
    from editree.engine.executor import check_plan, generative_steps
    from editree.engine.regions import check_regions, unused_user_regions
    from editree.engine.segmenters import default_registry

    # 1. Check everything that does not need an image, before any work.
    user = user_regions(region, mask, point)
    check_plan(plan, "auto", options)
    check_regions(plan, user, default_registry(options.segmenter, options.device))
    for warning in unused_user_regions(plan, user):
        console.warn(warning)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"-o {str(out_dir)!r} is a file; expected a folder for the outputs")
    job_list, notes = collect_jobs(inputs, out_dir, recursive, format.value if format else None)
    for note in notes:
        console.warn(note)
    if not job_list:
        raise UsageError(f"no images found in {' '.join(inputs)} (looked for {', '.join(_suffixes())})")
    settings = BatchSettings(plan=plan, seed=seed, user=user, quality=quality, sidecar=sidecar, options=options)
    if jobs > 1 and generative_steps(plan, "auto", options):
        console.warn(
            f"--jobs {jobs}: this plan runs generative models, so images go one at a time (each worker would load "
            "its own copy of the model); the loaded pipeline is reused from image to image"
        )
        jobs = 1
    if not json_events:
        console.print_plan_warnings(plan)

    # 2. Run, reporting each image.
    progress = None if json_events else console.progress(len(job_list))

    def on_record(record: dict[str, Any]) -> None:
        if json_events:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
            return
        if progress is not None:
            progress.advance()
        if record["status"] == "failed":
            console.warn(record["error"])

    try:
        summary = run_batch(
            job_list,
            settings,
            out_dir,
            resume=resume,
            skip_existing=skip_existing,
            jobs_in_parallel=jobs,
            on_record=on_record,
        )
    finally:
        if progress is not None:
            progress.stop()

    # 3. Summarise.
    if json_events:
        sys.stdout.write(
            json.dumps(
                {
                    "kind": "summary",
                    "counts": summary.counts,
                    "interrupted": summary.interrupted,
                    "seconds": round(summary.seconds, 3),
                }
            )
            + "\n"
        )
    else:
        rows = [[status, n] for status, n in sorted(summary.counts.items())]
        console.out().print(
            console.table(f"{len(job_list)} images in {summary.seconds:.1f} s", ["status", "images"], rows)
        )
        for record in summary.failed[:20]:
            console.out().print(f"failed: {record['error']}", markup=False)
        console.out().print(f"outputs and manifest in {out_dir}", markup=False)
    if summary.interrupted:
        raise Interrupted(f"interrupted; rerun with --resume -o {out_dir} to finish the remaining images")
    return int(ExitCode.RUNTIME) if summary.failed else 0


def _suffixes() -> list[str]:
    from editree.engine.batch import IMAGE_SUFFIXES

    return sorted(IMAGE_SUFFIXES)
