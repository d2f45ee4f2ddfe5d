"""`editree plan`: the dry run. Never imports torch; reads an image only for --image (to show the regions)."""

from __future__ import annotations

import json
import os
import re
import sys
import traceback
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from editree.cli.engine_flags import ControlOpt, SegmenterOpt
from editree.cli.planning import (
    LLMModelOpt,
    LLMUrlOpt,
    PlannerChoice,
    PlannerOpt,
    make_planner,
    plan_instruction,
    read_plan_file,
)
from editree.cli.regions import MaskOpt, PointOpt, RegionOpt
from editree.errors import EditreeError, ExitCode, UsageError

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
        Optional[PlanFormat],
        typer.Option(
            "--format",
            "-f",
            help="tree for people, json for programs, text for logs (it reads back with --plan), jsonl on one line "
            "[default: tree; with --file, jsonl, the only one it prints].",
            show_default=False,
        ),
    ] = None,
    schema: Annotated[bool, typer.Option("--schema", help="Print the plan's JSON Schema and exit.")] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 3) instead of keeping free-form fallbacks.")
    ] = False,
    planner: PlannerOpt = PlannerChoice.auto,
    llm_url: LLMUrlOpt = None,
    llm_model: LLMModelOpt = None,
    file: Annotated[
        Optional[Path],
        typer.Option(
            "--file",
            help="Plan every line of FILE (one instruction a line): one JSON line out per line in, the plan or "
            '{"error": …} (an empty line too); exit code 3 if any line failed.',
        ),
    ] = None,
    plan_file: Annotated[
        Optional[Path],
        typer.Option(
            "--plan",
            help="Show a saved plan (JSON or the text form, as --format json or text writes it) instead of "
            "planning an INSTRUCTION; "
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
    control: ControlOpt = None,
) -> int:
    """Show the operation tree an instruction becomes, without editing anything."""
    if schema:
        from editree.ops import plan_json_schema

        sys.stdout.write(json.dumps(plan_json_schema(), indent=2) + "\n")
        return
    if image is None:
        given = [flag for flag, value in _image_flags(overlay, region, mask, point, segmenter, control) if value]
        if given:
            raise UsageError(f"{given[0]} only applies with --image IMAGE (which regions to find, on what)")
    if sum(x is not None for x in (instruction, file, plan_file)) > 1:
        raise UsageError("give one of an INSTRUCTION, --file FILE or --plan PLAN.json")
    if file is not None:
        if image is not None:
            raise UsageError("--image shows one plan's regions; give an INSTRUCTION, not --file")
        if format not in (None, PlanFormat.jsonl):
            raise UsageError(
                f"--file prints one JSON object per line (--format jsonl), not {format.value}; to see one plan as "
                f'{format.value}, give its instruction: editree plan "INSTRUCTION" --format {format.value}'
            )
        return _plan_file(file, make_planner(strict=strict, planner=planner, llm_url=llm_url, llm_model=llm_model))
    if plan_file is not None:
        result = read_plan_file(plan_file, "--plan")
    elif instruction is None:
        raise UsageError('missing INSTRUCTION; e.g. editree plan "blur the background and make it warmer"')
    else:
        result = plan_instruction(instruction, strict=strict, planner=planner, llm_url=llm_url, llm_model=llm_model)
    format = format or PlanFormat.tree
    if format is PlanFormat.json:
        sys.stdout.write(result.to_json() + "\n")
    elif format is PlanFormat.jsonl:
        sys.stdout.write(json_line(result.to_dict()) + "\n")
    elif format is PlanFormat.text:
        from editree.ops import plan_text

        sys.stdout.write(plan_text(result) + "\n")
    if format is PlanFormat.tree or result.warnings or image is not None:
        from editree.cli import console  # rich: only for what people read (start-up time)

        if format is PlanFormat.tree:
            console.out().print(console.plan_tree(result))
        console.print_plan_warnings(result)
    if image is not None:
        # With a machine-readable format on stdout, the human report goes to stderr.
        say = console.out() if format is PlanFormat.tree else console.err()
        if control is not None:
            _check_control(image, overlay, str(control))
        _regions_on_image(result, image, overlay, region, mask, point, say, segmenter)
        if control is not None:
            _control_on_image(image, overlay, str(control), say)
    return 0


def _image_flags(*values: object) -> list[tuple[str, object]]:
    return list(zip(("--overlay", "--region", "--mask", "--point", "--segmenter", "--control"), values, strict=True))


def _control_picture(image: Path, overlay: Path | None, kind: str) -> Path:
    """Where --control writes the control image: beside the region overlay, named after the input and the kind."""
    return (overlay or image).parent / f"{image.stem}_control_{kind}.png"


def _check_control(image: Path, overlay: Path | None, kind: str) -> None:
    """Before any segmenter runs: the annotator's weights are here and the picture can be written."""
    from editree.cli.regions import check_pictures
    from editree.engine.control_images import annotator_status
    from editree.errors import MissingDependencyError

    status = annotator_status(kind)
    if not status.present:
        raise MissingDependencyError(status.reason or f"--control {kind}: annotator unavailable")
    check_pictures(image, _control_picture(image, overlay, kind))


def _control_on_image(image: Path, overlay: Path | None, kind: str, say: Any) -> None:
    """Write the control image a ControlNet would be conditioned on (of the whole picture, at its own size; a step
    computes it on the crop and at the size the model works at)."""
    from editree.engine.control_images import control_image
    from editree.engine.depth import to_8bit
    from editree.engine.image_io import load_image, save_image

    target = _control_picture(image, overlay, kind)
    save_image(target, control_image(to_8bit(load_image(image).rgb), kind))
    say.print(f"wrote {target} (--control {kind})", markup=False)


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
    resolved += _destinations(plan, resolved)
    rows = [[n, label, f"{found.mean():.1%}", source] for n, (label, found, source) in enumerate(resolved, 1)]
    say.print(console.table(f"regions on {image.name}", ["#", "region", "area", "found by"], rows))
    write_pictures(say, loaded.rgb, [(label, found) for label, found, _ in resolved], overlay=target)


def _destinations(plan: Plan, resolved: list[tuple[str, Any, str]]) -> list[tuple[str, Any, str]]:
    """Where each move and scale puts its object, as extra regions to list and draw beside the source."""
    from editree.engine.objects import destination
    from editree.ops import region_text

    masks = {label: found for label, found, _ in resolved}

    def resolve(region: Any) -> Any:
        found = masks.get(region_text(region))
        if found is None:
            raise ValueError(f"{region_text(region)} is not among the regions found")
        return found

    out = []
    for step in plan.edits():
        target = masks.get(region_text(step.target)) if step.op in ("move", "scale") else None
        if target is None:
            continue
        try:
            placed = destination(step, target, resolve)
        except ValueError:  # the region it goes beside was not found: the table above says so
            continue
        if placed is not None and placed.any():
            out.append((f"{region_text(step.target)} after {step.op}", placed, f"where {step.op} puts it"))
    return out


EXCERPT_CHARS = 80
"""How much of a failed line its error record repeats: enough to recognise it, not a long prompt echoed back."""


_QUOTED = re.compile(r"'([^']+)'|\"([^\"]+)\"")


def _plan_file(path: Path, plan: Callable[[str], Plan]) -> int:
    """One JSON object per input line, in order, so a script pairs them by position: the plan, or
    {"error", "exit_code", "line", "instruction"} for a line that fails — an empty line, a line the planner refuses,
    or an internal error, which never stops the lines after it. Exit code 3 at the end when any line failed, so
    scripts notice (with or without --strict); a one-line summary goes to stderr."""
    from editree.cli import console

    failed: list[int] = []
    lines = _read_lines(path)
    for number, line in enumerate(lines, start=1):
        record = _plan_line(plan, line, number)
        if "error" in record:
            failed.append(number)
        sys.stdout.write(json_line(record) + "\n")
        sys.stdout.flush()
    if not failed:
        return 0
    shown = ", ".join(map(str, failed[:10])) + (", …" if len(failed) > 10 else "")
    which = f"line{'s' if len(failed) > 1 else ''} {shown}"
    console.error(
        f"{len(failed)} of {len(lines)} lines of {str(path)!r} could not be planned ({which}); their JSON lines say why"
    )
    return int(ExitCode.INSTRUCTION_NOT_UNDERSTOOD)


_LINE_BREAKS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_line(record: dict[str, Any]) -> str:
    """One JSON object on one line, whatever the instruction holds: readers that split on every Unicode line break
    (Python's str.splitlines) must not see two. json.dumps escapes the control characters; these three it leaves."""
    text = json.dumps(record, ensure_ascii=False)
    for raw, escaped in _LINE_BREAKS.items():
        text = text.replace(raw, escaped)
    return text


def _read_lines(path: Path) -> list[str]:
    """The file's lines, split on line feeds only (a stray U+2028 or form feed inside an instruction does not make
    two lines: the output must stay in step with the input), without a byte-order mark or CR line ends."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--file {str(path)!r}: cannot read it as UTF-8 text ({exc})") from None
    if not text:
        return []
    return [line.removesuffix("\r") for line in text.removesuffix("\n").split("\n")]


def _plan_line(plan: Callable[[str], Plan], line: str, number: int) -> dict[str, Any]:
    if not line.strip():
        return _error_record("empty line: no instruction to plan", ExitCode.INSTRUCTION_NOT_UNDERSTOOD, number, line)
    try:
        return plan(line).to_dict()
    except EditreeError as exc:
        return _error_record(_shorten(exc.message, line), exc.exit_code, number, line)
    except Exception as exc:  # a planner bug: reported on its line, and the next lines still planned
        if os.environ.get("EDITREE_DEBUG"):
            traceback.print_exc(file=sys.stderr)
        detail = _shorten(" ".join(str(exc).split()), line)[:200]
        message = f"internal error: {type(exc).__name__}: {detail} (a bug: please report it with this line)"
        return _error_record(message, ExitCode.RUNTIME, number, line)


def _error_record(message: str, code: int, number: int, line: str) -> dict[str, Any]:
    return {"error": message, "exit_code": int(code), "line": number, "instruction": _excerpt(line)}


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


def _shorten(message: str, line: str) -> str:
    """The message with any long stretch of the instruction it quotes cut to an excerpt."""
    if len(line) > EXCERPT_CHARS and line in message:
        message = message.replace(line, _excerpt(line))
    for quoted in _QUOTED.findall(message):
        piece = quoted[0] or quoted[1]
        if len(piece) > EXCERPT_CHARS and piece in line:
            message = message.replace(piece, _excerpt(piece))
    return message
