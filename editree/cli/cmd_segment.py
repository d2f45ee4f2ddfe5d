"""`editree segment IMAGE PHRASE`: find one region and write its mask (and a picture to check it)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from editree.cli.engine_flags import SegmenterOpt
from editree.cli.regions import MaskOpt, PointOpt, RegionOpt
from editree.errors import UsageError


def segment(
    image: Annotated[Path, typer.Argument(help="The image.")],
    phrase: Annotated[str, typer.Argument(help='What to find, as in an instruction: "the car on the left", "人物".')],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the mask (white = region).")] = None,
    overlay: Annotated[
        Optional[Path], typer.Option("--overlay", help="Write the image with the region tinted.")
    ] = None,
    region: RegionOpt = None,
    mask: MaskOpt = None,
    point: PointOpt = None,
    segmenter: SegmenterOpt = None,
) -> None:
    """Find a region, print its area and which segmenter found it, and write its mask."""
    from editree.cli import console
    from editree.cli.regions import check_pictures, resolve_for_image, user_regions, write_pictures
    from editree.planner import detect_lang, parse

    if not phrase.strip():
        raise UsageError('PHRASE is empty; name what to find, e.g. editree segment photo.jpg "the person"')
    # The phrase is read like the target of an instruction, so qualifiers and Chinese words work.
    verb = "虚化" if detect_lang(phrase) == "zh" else "blur "
    plan = parse(verb + phrase)
    if not plan.steps or getattr(plan.steps[0], "fallback", True):
        raise UsageError(f'could not read {phrase!r} as a region; try a noun phrase such as "the car on the left"')
    target = plan.steps[0].target
    check_pictures(image, output, overlay)
    loaded, resolved = resolve_for_image(image, plan, user_regions(region, mask, point), [target], segmenter)
    label, found, source = resolved[0]
    console.out().print(f"{label}: {found.mean():.1%} of the image ({source})", markup=False)
    write_pictures(console.out(), loaded.rgb, [(label, found)], mask=output, overlay=overlay)
