"""`editree plan`: the dry run. Never imports torch; reads an image only for --image (to show the regions)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from editree.cli.engine_flags import SegmenterOpt
from editree.cli.planning import LLMModelOpt, LLMUrlOpt, PlannerChoice, PlannerOpt, plan_instruction, read_plan_file
from editree.cli.regions import MaskOpt, PointOpt, RegionOpt
from editree.errors import UsageError

if TYPE_CHECKING:
    from editree.ops import Plan


class PlanFormat(StrEnum):
    tree = "tree"
    json = "json"
    text = "text"
    jsonl = "jsonl"


def plan(
    instruction: Annotated[Optional[str], typer.Argument(help="The instruction, in quotes.")] = None,
    format: Annotated[
        PlanFormat, typer.Option("--format", "-f", help="tree for people, json for programs, text for logs.")
    ] = PlanFormat.tree,
    schema: Annotated[bool, typer.Option("--schema", help="Print the plan's JSON Schema and exit.")] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 3) instead of keeping free-form fallbacks.")
    ] = False,
    planner: PlannerOpt = PlannerChoice.auto,
    llm_url: LLMUrlOpt = None,
    llm_model: LLMModelOpt = None,
    file: Annotated[
        Optional[Path], typer.Option("--file", help="Plan every line of FILE (one instruction a line); prints JSONL.")
    ] = None,
    plan_file: Annotated[
        Optional[Path],
        typer.Option(
            "--plan",
            help="Show a saved plan (JSON, as --format json writes it) instead of planning an INSTRUCTION; "
            "with --image, find its regions before an `apply` run.",
        ),
    ] = None,
    image: Annotated[
        Optional[Path],
        typer.Option(
            "--image",
            help="Also find the plan's regions on IMAGE: print each area and segmenter, and "
            "write an overlay picture (nothing is edited).",
        ),
    ] = None,
    overlay: Annotated[
        Optional[Path], typer.Option("--overlay", help="Where --image writes its picture [default: IMAGE_regions.png].")
    ] = None,
    region: RegionOpt = None,
    mask: MaskOpt = None,
    point: PointOpt = None,
    segmenter: SegmenterOpt = None,
) -> int:
    """Show the operation tree an instruction becomes, without editing anything."""
    from editree.cli import console
    from editree.ops import plan_json_schema, plan_text

    if schema:
        sys.stdout.write(json.dumps(plan_json_schema(), indent=2) + "\n")
        return
    if image is None:
        given = [flag for flag, value in _image_flags(overlay, region, mask, point, segmenter) if value]
        if given:
            raise UsageError(f"{given[0]} only applies with --image IMAGE (which regions to find, on what)")
    if sum(x is not None for x in (instruction, file, plan_file)) > 1:
        raise UsageError("give one of an INSTRUCTION, --file FILE or --plan PLAN.json")
    if file is not None:
        if image is not None:
            raise UsageError("--image shows one plan's regions; give an INSTRUCTION, not --file")
        if format not in (PlanFormat.jsonl, PlanFormat.tree):
            raise UsageError(f"--file prints one JSON object per line; use --format jsonl, not {format.value}")
        return _plan_file(file, strict, planner, llm_url, llm_model)
    if plan_file is not None:
        result = read_plan_file(plan_file, "--plan")
    elif instruction is None:
        raise UsageError('missing INSTRUCTION; e.g. editree plan "blur the background and make it warmer"')
    else:
        result = plan_instruction(instruction, strict=strict, planner=planner, llm_url=llm_url, llm_model=llm_model)
    if format is PlanFormat.json:
        sys.stdout.write(result.to_json() + "\n")
    elif format is PlanFormat.jsonl:
        sys.stdout.write(result.to_json(indent=None) + "\n")
    elif format is PlanFormat.text:
        sys.stdout.write(plan_text(result) + "\n")
    else:
        console.out().print(console.plan_tree(result))
    console.print_plan_warnings(result)
    if image is not None:
        # With a machine-readable format on stdout, the human report goes to stderr.
        say = console.out() if format is PlanFormat.tree else console.err()
        _regions_on_image(result, image, overlay, region, mask, point, say, segmenter)
    return 0


def _image_flags(*values: object) -> list[tuple[str, object]]:
    return list(zip(("--overlay", "--region", "--mask", "--point", "--segmenter"), values, strict=True))


def _regions_on_image(
    plan: Plan,
    image: Path,
    overlay: Path | None,
    region: list[str] | None,
    mask: list[str] | None,
    point: list[str] | None,
    say: Any,
    segmenter: str | None,
) -> None:
    from editree.cli import console
    from editree.cli.regions import check_pictures, resolve_for_image, user_regions, write_pictures
    from editree.ops import regions as r
    from editree.ops.plan import walk_regions

    wanted = []
    for item in walk_regions(plan):
        if (
            isinstance(item, (r.PhraseRegion, r.BackgroundRegion, r.BoxRegion, r.PointsRegion, r.MaskRegion))
            and item not in wanted
        ):
            wanted.append(item)
    if not wanted:
        say.print("the plan names no region to find", markup=False)
        return
    target = overlay or image.with_name(f"{image.stem}_regions.png")
    check_pictures(image, target)
    loaded, resolved = resolve_for_image(image, plan, user_regions(region, mask, point), wanted, segmenter)
    rows = [[n, label, f"{found.mean():.1%}", source] for n, (label, found, source) in enumerate(resolved, 1)]
    say.print(console.table(f"regions on {image.name}", ["#", "region", "area", "found by"], rows))
    write_pictures(say, loaded.rgb, [(label, found) for label, found, _ in resolved], overlay=target)


def _plan_file(path: Path, strict: bool, planner: PlannerChoice, llm_url: str | None, llm_model: str | None) -> int:
    """One JSON object per input line: the plan, or {"error", "exit_code", "line"} for that line.
    Exit code 3 when any line failed, so scripts notice; the other lines are still planned."""
    from editree.errors import EditreeError

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--file {str(path)!r}: cannot read it as UTF-8 text ({exc})") from None
    failed = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            plan = plan_instruction(line, strict=strict, planner=planner, llm_url=llm_url, llm_model=llm_model)
            record = plan.to_dict()
        except EditreeError as exc:
            failed += 1
            record = {"error": exc.message, "exit_code": int(exc.exit_code), "line": number, "instruction": line}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 3 if failed else 0
