"""Region resolution: Region descriptions -> float masks, once per image, cached.

Lookup order for a phrase: a region the user named on the command line (`--region car=…`,
`--mask car=…`), then the segmenter registry. `background` is the complement of the plan's
subjects (every phrase the plan names), or of the people in the photo when it names none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from pydantic import ValidationError

from editree.engine import masks as M
from editree.engine.segmenters import Segmenter, SegmenterRegistry
from editree.errors import ImageError, MissingDependencyError, UsageError
from editree.ops import Plan, Region, walk_regions
from editree.ops import regions as r
from editree.ops.text import region_text
from editree.ops.validation import describe_validation_error

_DETERMINERS = re.compile(r"^(?:the|a|an|my|this|that|these|those|his|her|its|their|our|your)\s+")


def region_key(text: str) -> str:
    """How names and phrases are matched: lower case, single spaces, no leading determiner."""
    words = re.sub(r"\s+", " ", text.strip().lower())
    return _DETERMINERS.sub("", words)


@dataclass
class UserRegions:
    """Regions given by name on the command line or through the Python API."""

    boxes: dict[str, r.BoxRegion] = field(default_factory=dict)
    masks: dict[str, Path] = field(default_factory=dict)
    points: dict[str, list[tuple[float, float, bool]]] = field(default_factory=dict)
    """Points on the object, (x, y, is_fraction); SAM turns them into a mask."""

    def names(self) -> set[str]:
        return {region_key(n) for n in [*self.boxes, *self.masks, *self.points]}

    def for_image(self, source: Path) -> UserRegions:
        """These regions for one image of a batch: a mask path naming `{stem}` or `{name}` (`--mask
        object=masks/{stem}.png`) becomes that image's own mask file."""
        if not any(MASK_TEMPLATE.search(str(p)) for p in self.masks.values()):
            return self
        masks = {
            k: Path(MASK_TEMPLATE.sub(lambda m: _template_value(m, source), str(p))) for k, p in self.masks.items()
        }
        return UserRegions(boxes=self.boxes, masks=masks, points=self.points)


MASK_TEMPLATE = re.compile(r"\{(stem|name)\}")
"""Placeholders of a per-image mask path: the image's file name without its extension, or with it."""


def _template_value(match: re.Match[str], source: Path) -> str:
    return source.stem if match.group(1) == "stem" else source.name


def parse_box_option(spec: str) -> tuple[str, r.BoxRegion]:
    """`NAME=x0,y0,x1,y1` in pixels, or fractions of the image when every value is at most 1."""
    name, sep, coords = spec.partition("=")
    if not sep or not name.strip():
        raise UsageError(f"--region {spec!r}: expected NAME=x0,y0,x1,y1 (e.g. car=10,20,200,180)")
    try:
        values = tuple(float(v) for v in coords.split(","))
    except ValueError:
        raise UsageError(f"--region {spec!r}: coordinates must be numbers, as in car=10,20,200,180") from None
    if len(values) != 4:
        raise UsageError(f"--region {spec!r}: expected 4 numbers x0,y0,x1,y1, got {len(values)}")
    units = "fraction" if max(values) <= 1.0 and any(not v.is_integer() for v in values) else "px"
    try:
        box = r.BoxRegion(box=values, units=units)
    except ValidationError as exc:
        raise UsageError(f"--region {spec!r}: {describe_validation_error(exc)}") from None
    return region_key(name), box


def parse_point_option(spec: str) -> tuple[str, tuple[float, float, bool]]:
    """`NAME=x,y` in pixels, or fractions of the image when both are at most 1 and one has a decimal point."""
    name, sep, coords = spec.partition("=")
    usage = f"--point {spec!r}: expected NAME=x,y (e.g. shirt=240,310)"
    if not sep or not name.strip():
        raise UsageError(usage)
    try:
        values = tuple(float(v) for v in coords.split(","))
    except ValueError:
        raise UsageError(usage) from None
    if len(values) != 2 or min(values) < 0:
        raise UsageError(usage)
    fraction = max(values) <= 1.0 and any(not v.is_integer() for v in values)
    return region_key(name), (values[0], values[1], fraction)


def parse_mask_option(spec: str) -> tuple[str, Path]:
    name, sep, path = spec.partition("=")
    if not sep or not name.strip() or not path.strip():
        raise UsageError(f"--mask {spec!r}: expected NAME=path/to/mask.png")
    p = Path(path)
    if MASK_TEMPLATE.search(path):  # one mask per image of a batch: checked when each image is read
        if not p.parent.is_dir():
            raise UsageError(f"--mask {spec!r}: no such folder {str(p.parent)!r}")
        return region_key(name), p
    if not p.is_file():
        raise UsageError(f"--mask {spec!r}: no such file {path!r}")
    return region_key(name), p


def user_key(region: r.PhraseRegion, user: UserRegions) -> str:
    """The name under which the user gave `region`: its English text, or its words as written (a Chinese
    instruction's 招牌 matches --region 招牌=… as well as --region signboard=…)."""
    key = region_key(region.text)
    if key not in user.names() and region.source and region_key(region.source) in user.names():
        return region_key(region.source)
    return key


def phrase_source(region: r.PhraseRegion, user: UserRegions, segmenters: SegmenterRegistry) -> str:
    """Who will find `region`: "user" for a named box or mask, else a segmenter's name."""
    key = user_key(region, user)
    if key in user.boxes or key in user.masks:
        return "user"
    if key in user.points:
        if segmenters.sam is None:
            raise MissingDependencyError(
                f"--point {key}=… needs a SAM model to turn points into a mask; run `editree models pull "
                "sam-vit-base` where the network allows, or pass --segmenter with a SAM folder or .pth checkpoint"
            )
        return "user"
    segmenter = segmenters.find(region.text)
    if segmenter is None:
        name = key.replace(" ", "_")
        raise MissingDependencyError(
            f"no segmenter available here can find {region.text!r} (offline ones know people, faces and face parts); "
            f"name it yourself with --region {name}=x0,y0,x1,y1 or --mask {name}=mask.png, or get the "
            "open-vocabulary segmenters with `editree models pull grounding-dino-tiny` and "
            "`editree models pull sam-vit-base` (or `clipseg`)"
        )
    return segmenter.name


def unused_user_regions(plan: Plan, user: UserRegions) -> list[str]:
    """Warnings for regions the user named that no part of the plan uses: a typo (--region persn=…) would
    otherwise be ignored while a segmenter finds the real phrase its own way."""
    used = set()
    for region in walk_regions(plan):
        if isinstance(region, r.PhraseRegion):
            used.add(user_key(region, user))
        elif isinstance(region, r.MaskRegion):
            used.add(region_key(region.name))
    phrases = sorted({region_key(x.text) for x in walk_regions(plan) if isinstance(x, r.PhraseRegion)})
    named = ", ".join(repr(p) for p in phrases) or "no phrase"
    return [
        f"the region {name!r} you named is not in the plan, so it is not used (the plan names {named})"
        for name in sorted(user.names() - used)
    ]


def check_regions(plan: Plan, user: UserRegions, segmenters: SegmenterRegistry) -> None:
    """Refuse, before any image is read, a plan naming a region nothing here can find."""
    for region in walk_regions(plan):
        if isinstance(region, r.PhraseRegion):
            phrase_source(region, user, segmenters)
        elif isinstance(region, r.PointsRegion) and segmenters.sam is None:
            raise MissingDependencyError(
                f"the plan's {region_text(region)} needs a SAM model to turn points into a mask; run `editree models "
                "pull sam-vit-base` where the network allows, or pass --segmenter with a SAM folder or .pth checkpoint"
            )
        elif isinstance(region, r.MaskRegion) and region_key(region.name) not in user.masks:
            raise UsageError(
                f"the plan uses mask({region.name!r}) but no such mask was given; "
                f"pass --mask {region.name}=path/to/mask.png"
            )


@dataclass
class ResolvedRegion:
    label: str
    source: str
    """Which segmenter or user input produced the mask."""
    area: float


class RegionResolver:
    """Masks for one image. `rgb` is uint8 H×W×3; every mask is float32 H×W in [0, 1]."""

    def __init__(
        self,
        rgb: np.ndarray,
        plan: Plan,
        user: UserRegions | None = None,
        segmenters: SegmenterRegistry | None = None,
    ) -> None:
        self.rgb = rgb
        self.shape = rgb.shape[:2]
        self.plan = plan
        self.user = user or UserRegions()
        self._segmenters = segmenters
        self._cache: dict[object, np.ndarray] = {}
        self.found: dict[str, ResolvedRegion] = {}
        self.instance_counts: dict[str, int] = {}
        """How many instances each phrase had, where instances were told apart."""
        self.warnings: list[str] = []

    @property
    def segmenters(self) -> SegmenterRegistry:
        if self._segmenters is None:
            from editree.engine.segmenters import default_registry

            self._segmenters = default_registry()
        return self._segmenters

    # ---- checks before any work ----------------------------------------------------------------
    def check(self) -> None:
        """Fail fast, before any op runs, on a region nothing can find."""
        check_regions(self.plan, self.user, self.segmenters)

    def _phrase_source(self, region: r.PhraseRegion) -> str:
        return phrase_source(region, self.user, self.segmenters)

    # ---- resolution ------------------------------------------------------------------------------
    @property
    def resolved(self) -> dict[Region, np.ndarray]:
        """Every region resolved so far, with its mask."""
        return dict(self._cache)

    def resolve(self, region: Region) -> np.ndarray:
        if region not in self._cache:
            self._cache[region] = self._resolve(region)
        return self._cache[region]

    def _resolve(self, region: Region) -> np.ndarray:
        if isinstance(region, r.AllRegion):
            return M.full(self.shape, 1.0)
        if isinstance(region, r.BackgroundRegion):
            return self._background()
        if isinstance(region, r.PhraseRegion):
            return self._phrase(region)
        if isinstance(region, r.NotRegion):
            return M.complement(self.resolve(region.region))
        if isinstance(region, r.UnionRegion):
            return M.union(*(self.resolve(x) for x in region.regions))
        if isinstance(region, r.MinusRegion):
            return M.minus(self.resolve(region.region), self.resolve(region.exclude))
        if isinstance(region, r.BoxRegion):
            return self._box(region)
        if isinstance(region, r.PointsRegion):
            mask = self._points([(x, y, region.units == "fraction") for x, y in region.points], "points(…) in the plan")
            label = region_text(region)
            self.found[label] = ResolvedRegion(label, "points (SAM)", M.area(mask))
            if not mask.any():
                self.warnings.append(f"{label}: SAM found nothing at these points (area 0%)")
            return mask
        if isinstance(region, r.MaskRegion):
            return self._mask_file(region_key(region.name), self.user.masks.get(region_key(region.name)))
        raise TypeError(f"unknown region {region!r}")

    def resolve_protected(self, region: Region) -> np.ndarray:
        """What a keep constraint protects. A bare singular phrase covers every instance: "keep the person
        unchanged" in a photo of three keeps all three, since protecting too much never destroys anything and
        protecting the best one would hand the other two to the edits. Qualifiers still pick ("keep the person
        on the left"). Resolve keeps before anything else: the mask is cached under the phrase itself, so the
        background (the complement of the subjects) leaves every kept instance out too."""
        if not (isinstance(region, r.PhraseRegion) and region.qualifiers == r.Qualifiers()):
            return self.resolve(region)
        if region not in self._cache:
            self._cache[region] = self._phrase(region.model_copy(update={"qualifiers": r.Qualifiers(count="all")}))
            count = self.instance_counts.get(region.text, 0)
            if count > 1:
                self.warnings.append(
                    f"keep {region.text!r}: {count} found and all of them are kept (to keep one, name it, e.g. "
                    f"'the {region.text} on the left')"
                )
        return self._cache[region]

    def _phrase(self, region: r.PhraseRegion) -> np.ndarray:
        from editree.engine.segmenters.instances import parts, select

        key = user_key(region, self.user)
        instances = None
        if key in self.user.boxes:
            mask, source = self._box(self.user.boxes[key]), "--region"
        elif key in self.user.masks:
            mask, source = self._mask_file(key, self.user.masks[key]), "--mask"
        elif key in self.user.points:
            mask, source = self._points(self.user.points[key]), "--point (SAM)"
        else:
            segmenter = self.segmenters.find(region.text)
            if segmenter is None:
                self._phrase_source(region)  # raises the helpful error
            mask, instances = self._segment(segmenter, region.text)
            source = segmenter.name
        if region.qualifiers != r.Qualifiers() or instances is not None:
            # Qualifiers pick among instances; a singular phrase means the best instance.
            found = instances if instances is not None else parts(mask)
            self.instance_counts[region.text] = len(found)
            if len(found) > 1 or region.qualifiers != r.Qualifiers():
                mask, note = select(found, region.qualifiers, self.shape)
                if note:
                    self.warnings.append(f"{region.text!r}: {note}")
        self.found[region.text] = ResolvedRegion(region.text, source, M.area(mask))
        if not mask.any():
            self.warnings.append(f"{region.text!r} was not found in the image (area 0%, {source})")
        return mask

    def _points(self, points: list[tuple[float, float, bool]], given_as: str = "--point") -> np.ndarray:
        h, w = self.shape
        pixels = [(x * w, y * h) if fraction else (x, y) for x, y, fraction in points]
        for x, y in pixels:
            if not (0 <= x < w and 0 <= y < h):
                raise UsageError(f"{given_as}: point {x:g},{y:g} is outside the {w}×{h} image; give pixels inside it")
        assert self.segmenters.sam is not None  # check_regions refused points without a SAM
        return self.segmenters.sam.for_points(self.rgb, pixels)

    def _segment(self, segmenter: Segmenter, text: str) -> tuple[np.ndarray, list | None]:
        """The segmenter's mask (and instances, if it tells them apart), computed on a downscaled copy
        when the image is larger than the segmenter wants, and scaled back to the image."""
        import cv2

        from editree.engine.segmenters.instances import union

        h, w = self.shape
        limit = getattr(segmenter, "max_side", None)
        scale = limit / max(h, w) if limit and max(h, w) > limit else 1.0
        rgb = (
            self.rgb
            if scale == 1.0
            else cv2.resize(self.rgb, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
        )

        def full(mask: np.ndarray) -> np.ndarray:
            if scale == 1.0:
                return mask
            big = cv2.resize(np.asarray(mask, np.float32), (w, h), interpolation=cv2.INTER_LINEAR)
            return np.clip(big, 0.0, 1.0, out=big)

        if hasattr(segmenter, "instances"):
            instances = segmenter.instances(rgb, text)
            for instance in instances:
                instance.mask = full(instance.mask)
            return union(instances, self.shape), instances
        return full(segmenter.segment(rgb, text)), None

    def _background(self) -> np.ndarray:
        subjects = [x for x in walk_regions(self.plan) if isinstance(x, r.PhraseRegion)]
        if not subjects:
            person = r.PhraseRegion(text="person", qualifiers=r.Qualifiers(count="all"))  # every one of them
            subjects = [person] if self.segmenters.find("person") else []
        masks = [self.resolve(s) for s in subjects]
        if not masks or not any(m.any() for m in masks):
            self.warnings.append("background: no subject was found, so the background is the whole image")
            return M.full(self.shape, 1.0)
        return M.complement(M.union(*masks) if len(masks) > 1 else masks[0])

    def _box(self, box: r.BoxRegion) -> np.ndarray:
        h, w = self.shape
        x0, y0, x1, y1 = box.box
        if box.units == "fraction":
            x0, x1, y0, y1 = x0 * w, x1 * w, y0 * h, y1 * h
        mask = np.zeros(self.shape, np.float32)
        c0, r0 = round(min(max(x0, 0), w)), round(min(max(y0, 0), h))
        c1, r1 = round(min(max(x1, 0), w)), round(min(max(y1, 0), h))
        if c1 <= c0 or r1 <= r0:
            self.warnings.append(f"box {list(box.box)} lies outside the {w}x{h} image")
        mask[r0:r1, c0:c1] = 1.0
        return mask

    def _mask_file(self, name: str, path: Path | None) -> np.ndarray:
        from PIL import Image, UnidentifiedImageError

        if path is None:
            raise UsageError(f"no mask named {name!r}; pass --mask {name}=path/to/mask.png")
        if MASK_TEMPLATE.search(str(path)):
            raise UsageError(f"--mask {name}={path}: {{stem}} and {{name}} name one mask per image of `editree batch`")
        try:
            with Image.open(path) as img:
                if img.mode in ("RGBA", "LA", "PA") and img.getchannel("A").getextrema() != (255, 255):
                    gray = img.getchannel("A")
                else:
                    gray = img.convert("L")
                arr = np.asarray(gray, np.float32) / 255.0
        except (UnidentifiedImageError, OSError) as exc:
            raise ImageError(f"--mask {name}={path}: cannot read the mask ({exc})") from None
        if arr.shape != self.shape:
            raise UsageError(
                f"--mask {name}={path}: mask is {arr.shape[1]}x{arr.shape[0]} but the image is "
                f"{self.shape[1]}x{self.shape[0]}; expected the same size (white = region)"
            )
        return arr
