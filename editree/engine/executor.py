"""Plan + image -> image, under the design's guarantees.

1. Every edit's implementation and every region is checked before any pixel work.
2. The protected mask K is the union of `keep` regions; each edit applies through
   `target × keep_weight(K)`, which is exactly 0 on K, so kept pixels stay byte-identical.
3. Each op runs on the current canvas and is composited back through its effective mask; pixels
   outside every effective mask are the input's own bytes.
4. `If` conditions are evaluated when reached, on the current canvas; the branch taken is recorded.
5. An edit whose effective mask is empty is reported, and a run that leaves the image exactly as it was is
   marked (`EditResult.unchanged`, `nothing_changed`), so callers can refuse to pass a no-op off as success.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from editree.engine import masks as M
from editree.engine import registry
from editree.engine.conditions import evaluate
from editree.engine.depth import run_at_depth, to_8bit
from editree.engine.identity_measure import IdentityGuard
from editree.engine.identity_run import IdentityRun
from editree.engine.op_output import OpOutput
from editree.engine.options import EngineOptions
from editree.engine.regions import RegionResolver, UserRegions
from editree.engine.segmenters import SegmenterRegistry, default_registry
from editree.errors import EngineError, MissingDependencyError, UsageError
from editree.ops import Edit, If, Plan, Step, region_text, step_text
from editree.ops.catalog import OPS


@dataclass
class StepReport:
    path: str
    """Where the step sits in the plan, e.g. "steps[1]" or "steps[2].then[0]"."""
    text: str
    status: str
    """"done", "empty" (nothing left to change after keep), "branch" (an If)."""
    engine: str | None = None
    target_area: float = 0.0
    effective_area: float = 0.0
    seconds: float = 0.0
    branch: str | None = None
    details: dict[str, Any] | None = None
    """What the op asked provenance to record about the step (OpOutput.details; a remote step's model version,
    response ids and alignment)."""
    identity: float | None = None
    """For steps measured with CLIP: the lowest cosine similarity of a preserved subject, in the kept try."""
    tries: int = 1
    identity_scores: list[dict[str, Any]] = field(default_factory=list)
    """For steps touching a preserve_identity region: each subject's score against the input (per face: distance,
    threshold, pass), in the kept try (editree.engine.identity_measure.Score.to_dict)."""


@dataclass
class EditResult:
    rgb: np.ndarray
    steps: list[StepReport]
    warnings: list[str]
    protected: np.ndarray
    """Boolean H×W: pixels guaranteed byte-identical (the keep regions)."""
    changed: np.ndarray
    """Float H×W: the union of every effective mask; where it is 0 the output is the input (after any
    geometry op, the input moved the same way; see `exact_geometry`)."""
    regions: dict[str, dict[str, Any]] = field(default_factory=dict)
    alpha: np.ndarray | None = None
    """The input's alpha, moved by the same geometry ops."""
    exact_geometry: bool = True
    """False when a geometry op resampled pixels (resize, free rotation)."""
    reference: np.ndarray | None = None
    """The input moved by the geometry ops: what kept pixels are identical to."""
    masks: dict[str, np.ndarray] = field(default_factory=dict)
    """Every region resolved for this image, by its text form (on the input's geometry), for --save-masks."""
    unchanged: bool = False
    """The output's pixels (and alpha) are exactly the input's."""
    identity: dict[str, Any] | None = None
    """preserve_identity's outcome (IdentityRun.summary): the final scores, whether all passed, what was not
    measured and why; None when the plan preserves no identity."""


ProgressCallback = Callable[[StepReport], None]
StartCallback = Callable[[str, str], None]
"""(path, text) of the step about to run, for progress displays."""


def check_plan(plan: Plan, engine: str = "auto", options: EngineOptions | None = None) -> None:
    """Refuse, before any image is read or model loaded, a plan with a step nothing here can run."""
    for path, step in _iter_edit_paths(plan.steps, "steps"):
        impl, reasons = registry.choose(step, engine, options)
        if impl is not None:
            continue
        spec = OPS[step.op]
        detail = "; ".join(reasons)
        if spec.generative:
            raise MissingDependencyError(
                f"{path} {step_text(step)}: needs a generative model{' (' + detail + ')' if detail else ''}"
            )
        raise MissingDependencyError(
            f"{path} {step_text(step)}: no implementation for engine {engine!r}"
            f"{' (' + detail + ')' if detail else ''}; see `editree ops`"
        )


def _iter_edit_paths(steps: tuple[Step, ...], prefix: str):
    for i, step in enumerate(steps):
        path = f"{prefix}[{i}]"
        if isinstance(step, If):
            yield from _iter_edit_paths(step.then, f"{path}.then")
            yield from _iter_edit_paths(step.else_, f"{path}.else")
        else:
            yield path, step


def run_plan(
    plan: Plan,
    rgb: np.ndarray,
    *,
    seed: int = 0,
    engine: str = "auto",
    user_regions: UserRegions | None = None,
    segmenters: SegmenterRegistry | None = None,
    on_step: ProgressCallback | None = None,
    on_start: StartCallback | None = None,
    alpha: np.ndarray | None = None,
    options: EngineOptions | None = None,
) -> EditResult:
    """Run `plan` on `rgb` (uint8 or uint16 H×W×3, not modified; `alpha` H×W is carried through geometry ops).
    Raises EngineError naming a failing step."""
    # 1. Check the plan and its regions before any op runs.
    if seed < 0:
        raise UsageError(f"seed {seed} is negative; expected a whole number >= 0")
    options = options or EngineOptions()
    alpha_in = alpha
    check_plan(plan, engine, options)
    segmenters = segmenters or default_registry(options.segmenter, options.device)
    resolver = RegionResolver(to_8bit(rgb), plan, user_regions, segmenters)  # segmenters see 8 bits
    resolver.check()
    warnings: list[str] = []
    # 2. The protected mask, resolved first (see RegionResolver.resolve_protected).
    if on_start and any(k.kind == "keep" for k in plan.constraints):
        on_start("", "finding what to keep")
    keeps = [resolver.resolve_protected(k.region) for k in plan.constraints if k.kind == "keep"]
    identity = _identity_guard(plan, rgb, resolver, engine, options, warnings)
    keep = M.union(*keeps) if keeps else np.zeros(rgb.shape[:2], np.float32)
    weight = M.keep_weight(keep) if keeps else None  # None: nothing is kept, every target applies whole

    # 3. Run the pixel steps in order; geometry ops wait until they are done, so every region is found
    #    on the picture it was described on.
    state = _RunState(canvas=rgb.copy(), changed=np.zeros(rgb.shape[:2], np.float32), identity=identity)
    state.identity_run = IdentityRun(identity) if identity is not None else None
    state.on_start = on_start
    reports: list[StepReport] = []
    _run_steps(plan.steps, "steps", state, resolver, weight, seed, engine, reports, on_step, options)

    # 4. Geometry ops, applied alike to the picture, its alpha, the masks and the reference input.
    protected_mask = M.protected(keep)
    reference = rgb
    exact = True
    if state.deferred:
        last_pixel = max((i for i, r in enumerate(reports) if r.status in ("done", "empty")), default=-1)
        first_geometry = min(i for i, _, _ in state.deferred)
        if last_pixel >= first_geometry:
            warnings.append("geometry ops (crop, rotate, flip, resize) run after all pixel edits")
        for _, path, step in state.deferred:
            started = time.perf_counter()
            if on_start:
                on_start(path, step_text(step))
            from editree.engine.canvas import geometry_for

            state.counter += 1
            impl, _ = registry.choose(step, engine, options)
            assert impl is not None  # check_plan() already refused steps without one
            try:
                if step.op == "extend":
                    geo = _outpaint_geometry(step, state.canvas, np.random.default_rng([seed, state.counter]), options)
                elif step.op == "upscale":  # its Geometry comes from the chosen engine (model or Lanczos)
                    geo = impl.load()(state.canvas, step.args, impl.engine)
                else:
                    geo = geometry_for(step.op, state.canvas.shape[:2], step.args, state.canvas)
            except (ValueError, RuntimeError) as exc:
                raise EngineError(f"{path} {step_text(step)} failed: {exc}") from None
            state.canvas = geo.transform(state.canvas, False)
            reference = geo.transform(reference, False)
            state.changed = geo.transform(state.changed, True)
            protected_mask = geo.transform(protected_mask.astype(np.uint8), True).astype(bool)
            if alpha is not None:
                alpha = geo.transform(alpha, False)
            exact = exact and geo.exact
            if geo.note:
                warnings.append(f"{path}: {geo.note}")
            report = StepReport(path, step_text(step), "done", impl.engine, 1.0, 1.0, time.perf_counter() - started)
            reports.append(report)
            if on_step:
                on_step(report)
        if not exact and protected_mask.any():
            warnings.append(
                "kept regions were resampled by a geometry op, so they match the input only up to resampling"
            )

    # 5. Report.
    summary = state.identity_run.summary() if state.identity_run else None
    if summary is not None:
        warnings.extend(state.identity_run.warnings())
        if options.identity_strict and not summary["passed"]:
            raise EngineError(state.identity_run.strict_error())
    warnings.extend(state.warnings)
    warnings.extend(resolver.warnings)
    warnings.extend(
        f"{rep.path} {rep.text}: nothing to change: {_empty_cause(rep)}" for rep in reports if rep.status == "empty"
    )
    regions = {k: {"source": v.source, "area": round(v.area, 4)} for k, v in resolver.found.items()}
    masks = {region_text(region): mask for region, mask in resolver.resolved.items()}
    return EditResult(
        state.canvas,
        reports,
        list(dict.fromkeys(warnings)),
        protected_mask,
        state.changed,
        regions,
        alpha,
        exact,
        reference,
        masks,
        unchanged=_same_pixels(rgb, state.canvas) and _same_pixels(alpha_in, alpha),
        identity=summary,
    )


def _same_pixels(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.shape == b.shape and np.array_equal(a, b)


def _empty_cause(report: StepReport) -> str:
    if report.target_area == 0:
        return "its region is empty in this image (not found, or outside it)"
    return f"all of its region ({report.target_area:.1%} of the image) is kept unchanged"


def nothing_changed(result: EditResult) -> str | None:
    """Why the run gave back the image exactly as it was because it had nothing to work on (every step's region
    empty: not found, outside the image, or kept), or None. Not a no-op: an edit that changed pixels; steps that
    ran and happened to change nothing ("make it black and white" on a grey photo); conditions that chose a branch
    without edits ("if there is a dog, …" on a photo without one). Callers turn the reason into an error
    (NothingChangedError, exit 6) unless the user allowed a no-op."""
    if not result.unchanged:
        return None
    ran = [rep for rep in result.steps if rep.status != "branch"]
    if not result.steps:
        return "the plan has no steps"
    empty = [rep for rep in ran if rep.status == "empty"]
    if not empty:
        return None
    first = empty[0]
    more = f" (and {len(empty) - 1} more step{'s' if len(empty) > 2 else ''} like it)" if len(empty) > 1 else ""
    return f"{first.path} {first.text}: {_empty_cause(first)}{more}"


def generative_steps(plan: Plan, engine: str, options: EngineOptions) -> list[Any]:
    """The plan's edits that run on a diffusers pipeline."""
    chosen = [(step, registry.choose(step, engine, options)[0]) for step in plan.edits()]
    return [step for step, impl in chosen if impl is not None and impl.engine == "diffusers"]


def _identity_guard(
    plan: Plan, rgb: np.ndarray, resolver: RegionResolver, engine: str, options: EngineOptions, warnings: list[str]
) -> IdentityGuard | None:
    """The preserved subjects, described on the input before any op runs (faces with dlib, others with CLIP where
    present; see editree.engine.identity_measure). An embedder the user named that is absent stops the run here
    (exit 5); anything else that cannot be measured is a warning."""
    constraints = [k for k in plan.constraints if k.kind == "preserve_identity"]
    if not constraints:
        return None
    from editree.engine.identity_measure import build_guard, choose_embedders

    embedders = choose_embedders(options)
    regions = [(region_text(k.region), resolver.resolve(k.region)) for k in constraints]
    guard = build_guard(regions, to_8bit(rgb), embedders)
    warnings.extend(guard.notes)
    if guard.subjects and generative_steps(plan, engine, options):
        from editree.engine.diffusion.ip_adapter import locate

        if locate(options.ip_adapter)[0] is None:
            warnings.append(
                f"preserve_identity is measured and retried but not conditioned: {locate(options.ip_adapter)[1]}"
            )
    return guard


def _outpaint_geometry(step: Edit, canvas: np.ndarray, rng: np.random.Generator, options: EngineOptions) -> Any:
    """extend as a geometry op: the picture grows by generated margins; masks grow with it (margins count
    as changed, never as kept); the original pixels keep their values."""
    from editree.engine.canvas import Geometry
    from editree.engine.diffusion.outpaint import extend, margins, pad

    sizes = margins(canvas.shape[:2], step.args)
    grown = extend(canvas, step.args, rng, options)

    def transform(arr: np.ndarray, is_mask: bool) -> np.ndarray:
        if arr is canvas:
            return grown
        if arr.dtype == np.float32 and arr.ndim == 2:  # the changed mask: margins are new pixels
            return pad(arr, sizes, 1.0)
        if arr.ndim == 2 and not is_mask:  # alpha: margins are opaque
            return pad(arr, sizes, 255)
        return pad(arr, sizes, 0)

    note = f"extend by {sizes} px (left, right, top, bottom)"
    if options.control:
        note += "; --control is not applied to outpainting: its margins have no structure to keep"
    return Geometry(transform, exact=True, note=note)


@dataclass
class _RunState:
    canvas: np.ndarray
    changed: np.ndarray
    counter: int = 0
    deferred: list[tuple[int, str, Edit]] = field(default_factory=list)
    """Geometry ops waiting for the pixel edits: (report index when reached, path, step)."""
    identity: IdentityGuard | None = None
    """The preserved subjects and what measures them."""
    identity_run: IdentityRun | None = None
    """Their scores after each step that touched them."""
    on_start: StartCallback | None = None
    warnings: list[str] = field(default_factory=list)
    """What ops had to say (OpOutput.warnings), each prefixed with its step."""


def _run_steps(
    steps: tuple[Step, ...],
    prefix: str,
    state: _RunState,
    resolver: RegionResolver,
    weight: np.ndarray | None,
    seed: int,
    engine: str,
    reports: list[StepReport],
    on_step: ProgressCallback | None,
    options: EngineOptions,
) -> None:
    for i, step in enumerate(steps):
        path = f"{prefix}[{i}]"
        if isinstance(step, If):
            taken = evaluate(step.cond, to_8bit(state.canvas), resolver)
            report = StepReport(path, step_text(step).split(" {")[0], "branch", branch="then" if taken else "else")
            reports.append(report)
            if on_step:
                on_step(report)
            branch = step.then if taken else step.else_
            _run_steps(
                branch,
                f"{path}.{'then' if taken else 'else'}",
                state,
                resolver,
                weight,
                seed,
                engine,
                reports,
                on_step,
                options,
            )
            continue
        impl, _ = registry.choose(step, engine, options)
        if impl is not None and impl.geometry:
            state.deferred.append((len(reports), path, step))
            continue
        if state.on_start:
            state.on_start(path, step_text(step))
        report = _run_edit(step, path, state, resolver, weight, seed, engine, options)
        reports.append(report)
        if on_step:
            on_step(report)


def _run_edit(
    step: Edit,
    path: str,
    state: _RunState,
    resolver: RegionResolver,
    weight: np.ndarray | None,
    seed: int,
    engine: str,
    options: EngineOptions,
) -> StepReport:
    started = time.perf_counter()
    target = resolver.resolve(step.target)
    effective = np.array(target, np.float32) if weight is None else np.multiply(target, weight, dtype=np.float32)
    state.counter += 1
    report = StepReport(path, step_text(step), "done", target_area=M.area(target), effective_area=M.area(effective))
    if not effective.any():
        report.status = "empty"
        return report
    impl, _ = registry.choose(step, engine, options)
    assert impl is not None  # check_plan() already refused steps without one
    report.engine = impl.engine
    measured = state.identity is not None and state.identity.touches(effective)
    extra: dict[str, Any] = {"options": options} if impl.engine in ("diffusers", "remote") else {}
    if impl.engine == "remote":  # a hosted model is told the step and what is kept, in words
        extra.update(step=step, keeps=tuple(k.region for k in resolver.plan.constraints if k.kind == "keep"))
    if impl.wants_regions:
        extra["resolve"] = resolver.resolve
    if measured and impl.engine == "diffusers" and state.identity.box is not None:
        x0, y0, x1, y1 = state.identity.box
        extra["reference"] = state.canvas[y0:y1, x0:x1]
    # Generative and remote steps retry with new seeds below the threshold and keep the best; classical ones
    # are deterministic, so they are measured once.
    tries = options.identity_tries if measured and impl.engine != "classical" else 1
    best: tuple[Any, np.ndarray] | None = None
    for attempt in range(tries):
        # Each try has its own seed, derived from the run's seed, the op and the try.
        rng = np.random.default_rng([seed, state.counter] + ([attempt] if attempt else []))
        try:
            edited = run_at_depth(impl.load(), state.canvas, effective, step.args, rng, **extra)
            if isinstance(edited, OpOutput) and edited.details:
                report.details = edited.details
        except (MissingDependencyError, UsageError):  # a model or flag problem: its own message says what to do
            raise
        except EngineError as exc:  # an op's own one-line account (a remote model's refusal): said as it is
            raise EngineError(f"{path} {step_text(step)} failed: {exc}") from None
        except Exception as exc:  # an op failing is reported with the step that failed
            raise EngineError(f"{path} {step_text(step)} failed: {type(exc).__name__}: {exc}") from exc
        edited, through = _unpack(edited, effective, weight, f"{path} {step_text(step)}", state.warnings)
        candidate = M.composite(state.canvas, edited, through)
        if not (measured or (state.identity is not None and state.identity.touches(through))):
            best = (None, candidate)
            break
        measured = True  # also when only what a move drew elsewhere reached the subject
        scores = state.identity.measure(to_8bit(candidate))
        if best is None or scores.better_than(best[0]):
            best = (scores, candidate)
        report.tries = attempt + 1
        if scores.passed:
            break
    assert best is not None
    if measured:
        kept = best[0]
        report.identity_scores = kept.to_list()
        similarity = kept.clip_similarity()
        report.identity = round(similarity, 4) if similarity is not None else None
        state.identity_run.record(path, step_text(step), kept)
    state.canvas = best[1]
    np.maximum(state.changed, through, out=state.changed)
    if through is not effective:  # move and scale change their object's old place and its new one
        report.effective_area = M.area(through)
    report.seconds = time.perf_counter() - started
    return report


def _unpack(
    edited: Any, effective: np.ndarray, weight: np.ndarray | None, where: str, warnings: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """An op's picture and the mask it is composited through: its effective mask, or, for an op that changed
    more than its target (OpOutput.changed: move and scale draw the object elsewhere), that less the kept
    regions, with a warning where a kept region clipped it."""
    if not isinstance(edited, OpOutput):
        return edited, effective
    warnings.extend(f"{where}: {text}" for text in edited.warnings)
    if edited.changed is None:
        return edited.image, effective
    if weight is None:
        return edited.image, edited.changed
    if bool(((edited.changed > effective) & (weight < 1)).any()):
        warnings.append(f"{where}: the object's new place reaches a kept region; it is clipped there")
    return edited.image, np.multiply(edited.changed, weight, dtype=np.float32)


__all__ = ["EditResult", "StepReport", "check_plan", "nothing_changed", "region_text", "run_plan"]
