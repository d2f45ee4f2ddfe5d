"""`editree inspect` and `editree replay`: read what an output says about how it was made, and redo it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from editree.cli.regions import MaskOpt, PointOpt, RegionOpt
from editree.errors import ImageError, PlanValidationError, UsageError


def _provenance(path: Path) -> tuple[dict, Path | None]:
    """(provenance, the sidecar it came from or None when embedded). Formats that cannot carry it (TIFF, BMP)
    have it beside them as OUTPUT.json when written with --sidecar; a re-saved file may have lost its own copy."""
    from editree.cli.regions import check_input_image
    from editree.engine.image_io import read_metadata

    check_input_image(path)
    meta = read_metadata(path)
    if meta is not None:
        return meta, None
    sidecar = path.with_name(path.name + ".json")
    if not sidecar.is_file():
        raise ImageError(
            f"{path}: carries no editree provenance and has no {sidecar.name} beside it (it was not written by "
            "editree, or was re-saved; TIFF and BMP outputs keep it only with --sidecar)"
        )
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ImageError(f"{sidecar}: cannot read it as editree provenance ({type(exc).__name__})") from None
    if not isinstance(meta, dict) or "plan" not in meta:
        raise ImageError(f"{sidecar}: is not editree provenance (expected an object with a plan)")
    return meta, sidecar


def inspect(
    image: Annotated[Path, typer.Argument(help="An image written by editree.")],
    json_output: Annotated[bool, typer.Option("--json", help="Print the raw provenance JSON.")] = False,
) -> None:
    """Show the provenance embedded in an output: plan, seed, versions, steps, branches, areas."""
    from editree.cli import console
    from editree.ops import plan_from_dict

    meta, sidecar = _provenance(image)
    if json_output:
        sys.stdout.write(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
        return
    out = console.out()
    out.print(
        f"editree {meta.get('editree', '?')}, seed {meta.get('seed')}, engine {meta.get('engine')}, "
        f"source {meta.get('source')}" + (f" (from {sidecar.name})" if sidecar else ""),
        markup=False,
    )
    try:
        plan = plan_from_dict(meta.get("plan"), source=f"{image} (embedded plan)")
        out.print(console.plan_tree(plan))
    except PlanValidationError as exc:
        console.warn(exc.message)
    from editree.cli.cmd_identity import step_cell, summary_lines

    steps = meta.get("steps", [])
    measured = any(s.get("identity") is not None for s in steps)
    rows = [
        [
            s.get("path"),
            s.get("op"),
            s.get("status") if s.get("status") != "branch" else f"took {s.get('branch')}",
            f"{s.get('effective_area', 0):.1%}",
            f"{1000 * s.get('seconds', 0):.0f} ms",
            *([step_cell(s.get("identity"), s.get("tries", 1))] if measured else []),
        ]
        for s in steps
    ]
    columns = ["step", "op", "status", "area changed", "time", *(["identity"] if measured else [])]
    out.print(console.table(None, columns, rows))
    for line in summary_lines(meta.get("identity")):
        out.print(line, markup=False)
    for name, info in (meta.get("regions") or {}).items():
        out.print(f"region {name!r}: {info.get('area', 0):.1%} via {info.get('source')}", markup=False)
    for line in _model_lines(meta.get("models")) + _user_region_lines(meta.get("user_regions")):
        out.print(line, markup=False)
    versions = meta.get("versions") or {}
    out.print("versions: " + ", ".join(f"{k} {v}" for k, v in versions.items() if v), markup=False)
    for w in meta.get("warnings", []):
        out.print(f"warning at edit time: {w}", markup=False)


def _model_lines(models: object) -> list[str]:
    """One line per generative model that ran: what a reader needs to reproduce the output elsewhere."""
    if not isinstance(models, dict):
        return []
    lines = []
    for role in ("inpaint", "instruct"):
        m = models.get(role)
        if not isinstance(m, dict):
            continue
        where = m.get("repo") or m.get("model")
        if m.get("commit"):
            where = f"{where}@{str(m['commit'])[:12]}"
        settings = ", ".join(
            f"{key} {m[key] if m.get(key) is not None else default}"
            for key, default in (
                ("steps", "?"),
                ("guidance", "model default"),
                ("resolution", "native"),
                ("dtype", "auto"),
            )
        )
        if m.get("negative"):
            settings += f", negative {m['negative']!r}"
        lines.append(f"{role} model {m.get('model')} ({where}): {settings}")
    identity = models.get("identity")
    if isinstance(identity, dict):
        embedders = [str(e) for e in identity.get("embedders") or [identity.get("embedder")]]
        thresholds = [f"face threshold {identity.get('face_threshold')}"] if "face" in embedders else []
        if any(e != "face" for e in embedders):
            thresholds.append(f"similarity threshold {identity.get('threshold')}")
        strict = ", strict" if identity.get("strict") else ""
        lines.append(f"identity measured with {', '.join(embedders)}, {', '.join(thresholds)}{strict}")
    segmenter = models.get("segmenter")
    if isinstance(segmenter, dict):
        lines.append(f"segmenter {segmenter.get('spec')}")
    remote = models.get("remote")
    if isinstance(remote, dict):
        named = remote.get("model") or remote.get("instruct_model")
        ops = remote.get("ops") if isinstance(remote.get("ops"), list) else []
        lines.append(f"remote model {named} for {', '.join(map(str, ops))} (each step's alignment: --json)")
    control = models.get("control")
    if isinstance(control, dict):
        lines.append(_control_line(control))
    return lines


def _control_line(control: dict) -> str:
    """The ControlNet that conditioned the generative steps: kind, scale, ControlNet@commit, annotator, ops."""
    where = control.get("repo") or control.get("model")
    if control.get("commit"):
        where = f"{where}@{str(control['commit'])[:12]}"
    line = f"control {control.get('kind')} at scale {control.get('scale')}: ControlNet {control.get('model')} ({where})"
    if control.get("annotator"):
        commit = control.get("annotator_commit")
        line += f", annotator {control['annotator']}" + (f"@{str(commit)[:12]}" if commit else "")
    ops = control.get("ops")
    return line + (f", for {', '.join(map(str, ops))}" if isinstance(ops, list) and ops else "")


def _user_region_lines(record: object) -> list[str]:
    """The regions the user named on the command line, as the flags that name them again."""
    if not isinstance(record, dict):
        return []
    flags = []
    for name, box in (record.get("boxes") or {}).items():
        if isinstance(box, dict) and isinstance(box.get("box"), list):
            flags.append(f"--region {name}={','.join(f'{v:g}' for v in box['box'] if isinstance(v, (int, float)))}")
    for name, points in (record.get("points") or {}).items():
        for point in points if isinstance(points, list) else []:
            if isinstance(point, list) and len(point) >= 2 and all(isinstance(v, (int, float)) for v in point[:2]):
                flags.append(f"--point {name}={point[0]:g},{point[1]:g}")
    for name, file in (record.get("masks") or {}).items():
        flags.append(f"--mask {name}={file}")
    return [f"given: {' '.join(flags)}"] if flags else []


def replay(
    image: Annotated[Path, typer.Argument(help="An image written by editree.")],
    on: Annotated[Path, typer.Option("--on", help="The image to run the embedded plan on.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Output file.")] = None,
    seed: Annotated[Optional[int], typer.Option("--seed", min=0, help="Override the embedded seed.")] = None,
    region: RegionOpt = None,
    mask: MaskOpt = None,
    point: PointOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors and the output path.")] = False,
    allow_noop: Annotated[
        bool, typer.Option("--allow-noop", help="Write the output even when nothing changed (else exit 6).")
    ] = False,
) -> int:
    """Run the plan embedded in an output again, on another image (same seed unless --seed), with the same
    --region boxes and --point points; regions given here replace recorded ones of the same name."""
    from editree.cli.cmd_edit import execute_edit
    from editree.cli.regions import user_regions
    from editree.ops import plan_from_dict
    from editree.provenance import options_from_provenance, user_regions_from_provenance

    meta, _ = _provenance(image)
    plan = plan_from_dict(meta.get("plan"), source=f"{image} (embedded plan)")
    user, recorded_masks = user_regions_from_provenance(meta)
    given = user_regions(region, mask, point)
    for name in given.names():
        for recorded in (user.boxes, user.points, recorded_masks):
            recorded.pop(name, None)
    user.boxes.update(given.boxes)
    user.points.update(given.points)
    user.masks.update(given.masks)
    if missing := sorted(set(recorded_masks) - set(user.masks)):
        flags = " ".join(f"--mask {n}={recorded_masks[n]}" for n in missing)
        raise UsageError(f"{image} was made with mask files the output does not carry; give them again: {flags}")
    if isinstance((meta.get("models") or {}).get("remote"), dict) and not quiet:
        from editree.cli import console
        from editree.engine.remote.record import REPLAY_NOTE

        console.warn(f"{image} was made with a hosted model: {REPLAY_NOTE}")
    execute_edit(
        plan,
        on,
        output=output,
        seed=seed if seed is not None else _recorded_seed(image, meta),
        engine=str(meta.get("engine", "auto")),
        quiet=quiet,
        options=options_from_provenance(meta),
        user=user,
        allow_noop=allow_noop,
    )
    return 0


def _recorded_seed(image: Path, meta: dict) -> int:
    seed = meta.get("seed", 0)
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise UsageError(f"{image}: its recorded seed {seed!r} is not a whole number >= 0; pass --seed N")
    return seed
