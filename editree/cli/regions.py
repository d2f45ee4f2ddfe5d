"""Shared by `segment`, `plan --image` and `edit`: user regions from flags, and resolving regions on an image."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from editree.ops import Plan, Region, region_text

if TYPE_CHECKING:
    import numpy as np

    from editree.engine.image_io import LoadedImage
    from editree.engine.regions import UserRegions

RegionOpt = Annotated[
    Optional[list[str]], typer.Option("--region", help="Name a box: NAME=x0,y0,x1,y1 (pixels, or fractions <= 1).")
]
MaskOpt = Annotated[
    Optional[list[str]], typer.Option("--mask", help="Name a mask image: NAME=path.png (white = region).")
]
PointOpt = Annotated[
    Optional[list[str]],
    typer.Option("--point", help="Name an object by a point on it: NAME=x,y (repeat for more points); needs SAM."),
]


def user_regions(region: list[str] | None, mask: list[str] | None, point: list[str] | None = None) -> UserRegions:
    """The named regions of the command line. A name given twice (two --region car=…, or --region and --mask for
    the same name) is refused: one of them would silently win. Repeated --point NAME=… add points to one object."""
    from editree.engine.regions import UserRegions, parse_box_option, parse_mask_option, parse_point_option
    from editree.errors import UsageError

    user = UserRegions()
    given: dict[str, str] = {}

    def claim(name: str, flag: str, spec: str) -> None:
        if name in given and not (flag == "--point" and given[name].startswith("--point")):
            raise UsageError(
                f"region name {name!r} is given twice ({given[name]} and {flag} {spec}); give each name once, "
                "or use different names"
            )
        given.setdefault(name, f"{flag} {spec}")

    for spec in point or []:
        name, xy = parse_point_option(spec)
        claim(name, "--point", spec)
        user.points.setdefault(name, []).append(xy)
    for spec in region or []:
        name, box = parse_box_option(spec)
        claim(name, "--region", spec)
        user.boxes[name] = box
    for spec in mask or []:
        name, path = parse_mask_option(spec)
        claim(name, "--mask", spec)
        user.masks[name] = path
    return user


def check_input_image(image: Path, flag: str = "image") -> None:
    """A path that is not a file is a usage error (exit 2) whether it is missing or a folder; a file that cannot
    be decoded is a runtime error (exit 1), found when it is read."""
    from editree.errors import UsageError

    if image.is_dir():
        raise UsageError(f"{flag} {str(image)!r} is a folder; expected an image file (`editree batch` takes folders)")
    if not image.exists():
        raise UsageError(f"{flag} {str(image)!r} does not exist; check the path")


def resolve_for_image(
    image: Path, plan: Plan, user: UserRegions, regions: list[Region], segmenter: str | None = None
) -> tuple[LoadedImage, list[tuple[str, np.ndarray, str]]]:
    """(loaded image, [(label, mask, source)]) for each region, without editing anything."""
    import os

    from editree.cli import console
    from editree.engine.image_io import load_image
    from editree.engine.regions import RegionResolver, check_regions, unused_user_regions
    from editree.engine.segmenters import default_registry
    from editree.ops import regions as r

    check_input_image(image)
    registry = default_registry(segmenter or os.environ.get("EDITREE_SEGMENTER") or None)
    check_regions(plan, user, registry)
    for warning in unused_user_regions(plan, user):
        console.warn(warning)
    loaded = load_image(image)
    resolver = RegionResolver(loaded.rgb, plan, user, registry)
    for constraint in plan.constraints:  # first, as the executor does (see RegionResolver.resolve_protected)
        if constraint.kind == "keep":
            resolver.resolve_protected(constraint.region)
    out = []
    for region in regions:
        mask = resolver.resolve(region)
        label = region_text(region)
        if isinstance(region, r.PhraseRegion) and region.text in resolver.found:
            source = resolver.found[region.text].source
        elif isinstance(region, r.BackgroundRegion):
            source = "complement of the subjects"
        elif isinstance(region, r.MaskRegion):
            source = "--mask"
        elif isinstance(region, r.BoxRegion):
            source = "box in the plan"
        elif isinstance(region, r.PointsRegion):
            source = "points in the plan (SAM)"
        else:
            source = "computed"
        out.append((label, mask, source))
    for warning in dict.fromkeys(resolver.warnings):
        console.warn(warning)
    return loaded, out


def mask_file_names(labels: list[str]) -> dict[str, str]:
    """One safe, distinct PNG name per region label ("the car on the left" -> the_car_on_the_left.png);
    letters of any script survive so Chinese labels stay readable."""
    import re

    names: dict[str, str] = {}
    used: set[str] = set()
    for label in labels:
        stem = re.sub(r"[^\w]+", "_", label).strip("_")[:80] or "region"
        name, n = stem, 2
        while name.lower() in used:
            name, n = f"{stem}_{n}", n + 1
        used.add(name.lower())
        names[label] = f"{name}.png"
    return names


def check_mask_folder(folder: Path) -> None:
    """Fail before any work when the folder cannot take the masks."""
    from editree.errors import UsageError

    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--save-masks {str(folder)!r} is a file; give a folder (it is created if missing)")
    if not folder.parent.exists():
        raise UsageError(f"--save-masks {str(folder)!r}: folder {str(folder.parent)!r} does not exist; create it first")


def mask_paths(folder: Path, labels: list[str], inputs: list[Path], output: Path | None = None) -> dict[str, Path]:
    """Where each mask goes; refuses (before anything is written) a name that would replace an input or
    the edited image itself."""
    import os

    from editree.errors import UsageError

    def same(a: Path, b: Path) -> bool:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return a.resolve() == b.resolve()

    paths = {label: folder / name for label, name in mask_file_names(labels).items()}
    for path in paths.values():
        for source in inputs:
            if same(path, source):
                raise UsageError(
                    f"--save-masks would replace the input {str(source)!r} with a mask; choose another folder"
                )
        if output is not None and same(path, output):
            raise UsageError(f"--save-masks would write a mask over the output {str(output)!r}; choose another folder")
    return paths


def save_masks(paths: dict[str, Path], masks: dict[str, Any]) -> None:
    """Write each mask as a greyscale PNG (white = region), atomically."""
    import numpy as np

    from editree.engine.image_io import save_image

    for label, path in paths.items():
        path.parent.mkdir(exist_ok=True)
        gray = np.clip(np.rint(masks[label] * 255), 0, 255).astype(np.uint8)
        save_image(path, gray)


def check_pictures(image: Path, *paths: Path | None) -> None:
    """Refuse, before any segmenter runs, a picture path that is the input or cannot be written. These commands
    have no --overwrite: they never write over their input."""
    from editree.engine.image_io import check_output_path
    from editree.errors import UsageError

    for path in paths:
        if path is None:
            continue
        if _same_file(path, image):
            raise UsageError(f"{str(path)!r} is the input image; choose another file name for the picture")
        check_output_path(path, [image])


def _same_file(a: Path, b: Path) -> bool:
    import os

    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def write_pictures(
    say: Any, rgb: Any, masks: list[tuple[str, Any]], *, mask: Path | None = None, overlay: Path | None = None
) -> None:
    """Write the first mask (greyscale, white = region) and/or the overlay of all of them; `say` is the
    console that reports each file (stderr when stdout carries JSON). Paths are checked by check_pictures."""
    import numpy as np

    from editree.engine.image_io import save_image
    from editree.engine.overlay import overlay as draw

    if mask is not None:
        gray = np.clip(np.rint(masks[0][1] * 255), 0, 255).astype(np.uint8)
        save_image(mask, gray)
        say.print(f"wrote {mask}", markup=False)
    if overlay is not None:
        save_image(overlay, draw(rgb, masks))
        say.print(f"wrote {overlay}", markup=False)
