"""`editree edit IMAGE INSTRUCTION`: plan, check, edit, write atomically, report."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

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
from editree.cli.planning import (
    LLMModelOpt,
    LLMUrlOpt,
    PlannerChoice,
    PlannerOpt,
    plan_instruction,
    read_plan_file,
    with_misspelling_hint,
)
from editree.cli.regions import MaskOpt, PointOpt, RegionOpt, check_input_image
from editree.errors import MissingDependencyError, UsageError

if TYPE_CHECKING:
    from editree.engine.options import EngineOptions
    from editree.engine.regions import UserRegions
    from editree.ops import Plan


class Engine(StrEnum):
    auto = "auto"
    classical = "classical"
    diffusers = "diffusers"
    remote = "remote"


def default_output(image: Path) -> Path:
    from editree.engine.image_io import SAVE_FORMATS

    suffix = image.suffix if image.suffix.lower() in SAVE_FORMATS else ".png"
    return image.with_name(f"{image.stem}_edited{suffix}")


def edit(
    image: Annotated[Path, typer.Argument(help="The image to edit (never modified).")],
    instruction: Annotated[Optional[str], typer.Argument(help="What to do, in quotes.")] = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Output file [default: IMAGE_edited.EXT].")
    ] = None,
    plan_file: Annotated[
        Optional[Path],
        typer.Option("--plan", help="Run a saved plan (JSON or the text form) instead of an instruction."),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Plan and check everything, write nothing.")] = False,
    seed: Annotated[
        int, typer.Option("--seed", min=0, help="Seed for every random choice; same seed, same output.")
    ] = 0,
    region: RegionOpt = None,
    mask: MaskOpt = None,
    point: PointOpt = None,
    engine: Annotated[Engine, typer.Option("--engine", help="Which engine runs the ops.")] = Engine.auto,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Allow -o to be the input file.")] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 3) instead of running free-form fallbacks.")
    ] = False,
    max_pixels: Annotated[
        int, typer.Option("--max-pixels", min=1, help="Refuse larger images (decompression-bomb guard).")
    ] = 100_000_000,
    allow_noop: Annotated[
        bool, typer.Option("--allow-noop", help="Write the output even when nothing changed (else exit 6).")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors and the output path.")] = False,
    first_frame: Annotated[
        bool,
        typer.Option("--first-frame", help="Of an animated GIF/WebP/PNG, edit and write the first frame only."),
    ] = False,
    save_masks: Annotated[
        Optional[Path],
        typer.Option("--save-masks", help="Also write every region's mask (PNG, white = region) to this folder."),
    ] = None,
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
) -> None:
    """Edit one image with a plain-language instruction (or a saved plan)."""
    from editree.cli.regions import user_regions

    plan = _load_or_parse(instruction, plan_file, strict, planner, llm_url, llm_model)
    user = user_regions(region, mask, point)
    execute_edit(
        plan,
        image,
        output=output,
        seed=seed,
        user=user,
        engine=engine.value,
        overwrite=overwrite,
        dry_run=dry_run,
        max_pixels=max_pixels,
        quiet=quiet,
        save_masks=save_masks,
        options=engine_options_from(locals()),
        allow_noop=allow_noop,
        first_frame=first_frame,
    )


def execute_edit(
    plan: Plan,
    image: Path,
    *,
    output: Path | None = None,
    seed: int = 0,
    user: UserRegions | None = None,
    engine: str = "auto",
    overwrite: bool = False,
    dry_run: bool = False,
    max_pixels: int = 100_000_000,
    quiet: bool = False,
    options: EngineOptions | None = None,
    save_masks: Path | None = None,
    allow_noop: bool = False,
    first_frame: bool = False,
) -> None:
    """Check, run, write and report one edit; shared by `edit` and `replay`. Every frame of an animation is
    edited with the same plan, its regions found frame by frame, unless `first_frame`. A run that changes nothing writes
    nothing and fails with exit 6 (NothingChangedError), unless `allow_noop`."""
    from editree.cli import console
    from editree.engine.executor import check_plan
    from editree.engine.image_io import check_output_path
    from editree.engine.options import EngineOptions
    from editree.engine.regions import UserRegions, check_regions, unused_user_regions
    from editree.engine.segmenters import default_registry

    user = user or UserRegions()
    # 1. Every input that can be checked without reading the image.
    out_path = check_output_path(output or default_output(image), [image], overwrite)
    try:
        check_plan(plan, engine, options)
        options = options or EngineOptions()
        check_regions(plan, user, default_registry(options.segmenter, options.device))
    except MissingDependencyError as exc:
        raise with_misspelling_hint(exc, plan) from None
    for warning in unused_user_regions(plan, user):
        console.warn(warning)
    check_input_image(image)
    if save_masks is not None:
        from editree.cli.regions import check_mask_folder

        check_mask_folder(save_masks)

    if not quiet:
        console.out().print(console.plan_tree(plan))
    console.print_plan_warnings(plan)
    if dry_run:
        if not quiet:
            from editree.engine.remote.calls import remote_calls

            if calls := remote_calls(plan, engine, options).describe():
                console.out().print(f"dry run: {calls}", markup=False, soft_wrap=True)
            console.out().print(f"dry run: would write {out_path}", markup=False)
        return

    # 2. Read, run, write.
    from editree.engine.executor import nothing_changed, run_plan
    from editree.engine.image_io import load_image, save_image
    from editree.errors import NothingChangedError
    from editree.provenance import provenance

    loaded = load_image(image, max_pixels=max_pixels, all_frames=not first_frame)
    for note in loaded.notes:
        console.warn(note)
    from editree.cli.progress import StepProgress

    with StepProgress(enabled=None if not quiet else False) as progress:
        result = run_plan(
            plan,
            loaded.rgb,
            seed=seed,
            engine=engine,
            user_regions=user,
            alpha=loaded.alpha,
            options=options,
            on_start=progress.start,
            on_step=progress.done,
        )
        others = [
            run_plan(plan, rgb, seed=seed, engine=engine, user_regions=user, alpha=alpha, options=options)
            for rgb, alpha in loaded.frames
        ]
    for number, other in enumerate(others, start=2):
        result.warnings.extend(f"frame {number}: {w}" for w in other.warnings if w not in result.warnings)
    if not allow_noop and (reason := nothing_changed(result)):
        for w in result.warnings:
            console.warn(w)
        raise NothingChangedError(
            f"nothing changed: {reason}; nothing was written (pass --allow-noop to write the unchanged image)"
        )
    mask_files: dict[str, Path] = {}
    if save_masks is not None:
        from editree.cli.regions import mask_paths

        mask_files = mask_paths(save_masks, list(result.masks), [image, *user.masks.values()], out_path)
    metadata = provenance(plan, seed=seed, engine=engine, result=result, source=image, options=options, user=user)
    saved = save_image(
        out_path,
        result.rgb,
        result.alpha,
        source=loaded,
        metadata=metadata,
        reference=result.reference,
        frames=[(other.rgb, other.alpha) for other in others] or None,
        first_frame=first_frame,
    )
    for note in saved:
        console.warn(note)
    if mask_files:
        from editree.cli.regions import save_masks as write_masks

        write_masks(mask_files, result.masks)

    # 3. Report.
    from editree.cli.cmd_identity import step_cell, summary_lines

    for w in result.warnings:
        console.warn(w)
    if quiet:
        console.out().print(str(out_path), markup=False)
        return
    rows = [
        [
            r.path,
            r.text,
            r.status if r.status != "branch" else f"took {r.branch}",
            f"{r.effective_area:.1%}" if r.status != "branch" else "",
            f"{r.seconds * 1000:.0f} ms",
            *([step_cell(r.identity_scores, r.tries)] if any(x.identity_scores for x in result.steps) else []),
        ]
        for r in result.steps
    ]
    columns = ["step", "op", "status", "area changed", "time"]
    if any(r.identity_scores for r in result.steps):
        columns.append("identity")
    console.out().print(console.table(None, columns, rows))
    for line in summary_lines(result.identity):
        console.out().print(line, markup=False)
    from editree.engine.image_io import fidelity_line

    if others:
        console.out().print(f"edited all {1 + len(others)} frames (the table shows the first)", markup=False)
    if kept := fidelity_line(metadata.get("output")):
        console.out().print(kept, markup=False)
    console.out().print(f"wrote {out_path}", markup=False)
    if mask_files:
        console.out().print(
            f"wrote {len(mask_files)} mask{'s' if len(mask_files) != 1 else ''} to {save_masks}", markup=False
        )


def _load_or_parse(
    instruction: str | None,
    plan_file: Path | None,
    strict: bool,
    planner: PlannerChoice = PlannerChoice.auto,
    llm_url: str | None = None,
    llm_model: str | None = None,
) -> Plan:
    if plan_file is not None:
        if instruction is not None:
            raise UsageError("give either an INSTRUCTION or --plan FILE, not both")
        return read_plan_file(plan_file, "--plan")
    if instruction is None:
        raise UsageError('missing INSTRUCTION (or --plan FILE); e.g. editree edit photo.jpg "blur the background"')
    return plan_instruction(instruction, strict=strict, planner=planner, llm_url=llm_url, llm_model=llm_model)
