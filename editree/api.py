"""The Python API for scripts: plan text, edit images, keep models loaded across calls.

import editree
plan = editree.plan("keep the person unchanged and blur the background")
result = editree.edit("photo.jpg", plan, seed=1)
result.save("out.jpg")

with editree.Session() as session:          # segmenters and models stay loaded between calls
    for path in paths:
        session.edit(path, "make it warmer").save(out / path.name)

An edit that would leave the image exactly as it was (its regions empty, not found or kept) raises
NothingChangedError, like the CLI's exit code 6, instead of passing a no-op off as an edit; its `result` is the
unchanged Edited. `allow_noop=True` returns it instead; `Edited.changed` tells either way.

editree.batch(["photos/"], plan, "out/", executor="ray")   # many images, a manifest, resume; on Ray if asked
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from editree.engine.executor import EditResult, StepReport, nothing_changed, run_plan
from editree.engine.image_io import LoadedImage, check_output_path, load_image, save_image
from editree.engine.options import EngineOptions
from editree.engine.regions import UserRegions, check_regions, parse_box_option, parse_point_option, region_key
from editree.engine.segmenters import SegmenterRegistry, default_registry
from editree.errors import NothingChangedError, UsageError
from editree.ops import Plan


@dataclass
class Edited:
    """An edit's result: `rgb` (uint8 H×W×3), `alpha` (H×W or None) and how it was made."""

    rgb: np.ndarray
    alpha: np.ndarray | None
    plan: Plan
    seed: int
    steps: list[StepReport]
    warnings: list[str]
    source: LoadedImage | None = None
    _result: EditResult | None = field(default=None, repr=False)
    _options: EngineOptions | None = field(default=None, repr=False)
    _user: UserRegions | None = field(default=None, repr=False)
    _source_path: Path | None = field(default=None, repr=False)
    _engine: str = field(default="auto", repr=False)

    @property
    def changed(self) -> bool:
        """False when the output's pixels (and alpha) are exactly the input's."""
        return self._result is None or not self._result.unchanged

    def to_pil(self) -> Any:
        from PIL import Image

        img = Image.fromarray(self.rgb, "RGB")
        if self.alpha is not None:
            img.putalpha(Image.fromarray(self.alpha, "L"))
        return img

    def save(self, path: str | Path, quality: int = 95) -> Path:
        """Write atomically, with the plan and seed embedded; refuses to write over the source file."""
        from editree.provenance import provenance

        out = check_output_path(path)
        meta = None
        if self._result is not None:  # the models, settings and named regions too, so `editree replay` can redo it
            meta = provenance(
                self.plan,
                seed=self.seed,
                engine=self._engine,
                result=self._result,
                source=self._source_path,
                options=self._options,
                user=self._user,
            )
        save_image(out, self.rgb, self.alpha, source=self.source, metadata=meta, quality=quality)
        return out


class Session:
    """Keeps segmenters (and, later, diffusion pipelines) loaded across calls."""

    def __init__(
        self, engine: str = "auto", segmenters: SegmenterRegistry | None = None, options: EngineOptions | None = None
    ) -> None:
        self.engine = engine
        self.options = options or EngineOptions()
        self.segmenters = segmenters or default_registry(self.options.segmenter, self.options.device)

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def plan(self, text: str, strict: bool = False) -> Plan:
        from editree.planner import parse

        return parse(text, strict=strict)

    def edit(
        self,
        image: str | Path | np.ndarray | Any,
        plan: Plan | str,
        *,
        seed: int = 0,
        regions: dict[str, tuple[float, float, float, float]] | None = None,
        masks: dict[str, str | Path] | None = None,
        points: dict[str, list[tuple[float, float]]] | None = None,
        allow_noop: bool = False,
    ) -> Edited:
        """Edit `image` (a path, a uint8 H×W×3 array, or a PIL image) by a plan or an instruction. Raises
        NothingChangedError when nothing would change, unless `allow_noop`."""
        if isinstance(plan, str):
            plan = self.plan(plan)
        named = [region_key(n) for n in [*(regions or {}), *(masks or {}), *(points or {})]]
        if twice := sorted({n for n in named if named.count(n) > 1}):
            raise UsageError(f"region name {twice[0]!r} is given twice (in regions, masks or points); give it once")
        user = UserRegions()
        for name, box in (regions or {}).items():
            key, parsed = parse_box_option(f"{name}={','.join(str(v) for v in box)}")
            user.boxes[key] = parsed
        for name, path in (masks or {}).items():
            user.masks[region_key(name)] = Path(path)
        for name, xys in (points or {}).items():
            for x, y in xys:
                key, parsed = parse_point_option(f"{name}={x},{y}")
                user.points.setdefault(key, []).append(parsed)
        check_regions(plan, user, self.segmenters)
        loaded = _load(image)
        result = run_plan(
            plan,
            loaded.rgb,
            seed=seed,
            engine=self.engine,
            user_regions=user,
            segmenters=self.segmenters,
            alpha=loaded.alpha,
            options=self.options,
        )
        source_path = Path(image) if isinstance(image, (str, Path)) else None
        edited = Edited(
            result.rgb,
            result.alpha,
            plan,
            seed,
            result.steps,
            result.warnings,
            loaded,
            result,
            self.options,
            user,
            source_path,
            self.engine,
        )
        if not allow_noop and (reason := nothing_changed(result)):
            raise NothingChangedError(
                f"nothing changed: {reason}; pass allow_noop=True to get the unchanged image", result=edited
            )
        return edited


def _load(image: str | Path | np.ndarray | Any) -> LoadedImage:
    if isinstance(image, (str, Path)):
        return load_image(image)
    if isinstance(image, np.ndarray):
        if image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] not in (3, 4):
            raise UsageError(f"expected a uint8 H×W×3 (or ×4) array, got {image.dtype} {image.shape}")
        alpha = image[..., 3].copy() if image.shape[2] == 4 else None
        return LoadedImage(np.ascontiguousarray(image[..., :3]), alpha)
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - pillow is a dependency
        raise UsageError("expected a path, a numpy array or a PIL image") from None
    if isinstance(image, Image.Image):
        from editree.engine.image_io import _to_loaded

        return _to_loaded(image)
    raise UsageError(f"expected a path, a numpy array or a PIL image, got {type(image).__name__}")


_DEFAULT: Session | None = None


def _session() -> Session:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Session()
    return _DEFAULT


def plan(text: str, strict: bool = False) -> Plan:
    """Plan an instruction without touching any image."""
    return _session().plan(text, strict=strict)


def edit(image: str | Path | np.ndarray | Any, plan_or_text: Plan | str, **kwargs: Any) -> Edited:
    """Edit one image with the default session (models stay loaded for the next call)."""
    return _session().edit(image, plan_or_text, **kwargs)


def batch(
    inputs: list[str | Path],
    plan_or_text: Plan | str,
    out_dir: str | Path,
    *,
    seed: int = 0,
    recursive: bool = False,
    resume: bool = False,
    skip_existing: bool = False,
    allow_noop: bool = False,
    jobs: int = 1,
    executor: str = "local",
    ray_address: str | None = None,
    workers: int | None = None,
    gpus_per_worker: float | None = None,
    options: EngineOptions | None = None,
    on_record: Callable[[dict[str, Any]], None] | None = None,
) -> Any:
    """`editree batch` from Python: every image of `inputs` (files, folders, globs) edited into `out_dir`, with
    its manifest, `resume` and per-path seeds. `executor="ray"` edits on a Ray cluster: the one this process has
    already initialised, or `ray_address`, or a Ray of its own on this machine. Returns the BatchSummary;
    `on_record` gets each image's manifest record as it finishes."""
    from contextlib import nullcontext

    from editree.engine.batch import BatchSettings, check_out_dir, collect_jobs, run_batch
    from editree.engine.executor import check_plan

    if executor not in ("local", "ray"):
        raise UsageError(f"executor={executor!r}: expected 'local' or 'ray'")
    if executor == "local" and (ray_address, workers, gpus_per_worker) != (None, None, None):
        raise UsageError("ray_address, workers and gpus_per_worker are for executor='ray'; locally, jobs=N")
    plan = _session().plan(plan_or_text) if isinstance(plan_or_text, str) else plan_or_text
    options = options or EngineOptions()
    check_plan(plan, "auto", options)
    out = Path(out_dir)
    check_out_dir(out)
    found, _ = collect_jobs([str(i) for i in inputs], out, recursive)
    if not found:
        raise UsageError(f"no images found in {', '.join(str(i) for i in inputs)}")
    settings = BatchSettings(plan=plan, seed=seed, options=options, allow_noop=allow_noop)
    runner: Any = nullcontext()
    if executor == "ray":
        from editree.engine.ray_executor import RayExecutor

        runner = RayExecutor(ray_address, workers, gpus_per_worker)
    with runner as ray_executor:
        return run_batch(
            found,
            settings,
            out,
            resume=resume,
            skip_existing=skip_existing,
            jobs_in_parallel=jobs,
            on_record=on_record,
            executor=ray_executor,
        )


__all__ = ["Edited", "Session", "batch", "edit", "plan"]
