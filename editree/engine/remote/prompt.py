"""The words sent with the picture: the op as an editing model understands it, where it applies, and what must stay.

Hosted editing models follow instructions but are not told about masks (Gemini takes none) and tend to redraw,
reframe and relight everything. The prompt says the op plainly, names the region in words and, for a crop, where
it sits in the picture sent (so a box or a mask file, which has no name, is still findable), states each of the
plan's keep constraints, and asks for the framing and lighting to stay. None of this is trusted: the exact
composite and the alignment make the guarantees, the prompt only makes a good answer likelier.
"""

from __future__ import annotations

from editree.ops import Edit
from editree.ops import regions as r

ATMOSPHERE_WORDS = {
    "rain": "Make it rain",
    "snow": "Make it snow",
    "night": "Make it night time",
    "sunset": "Make it look like sunset",
    "fog": "Add fog",
    "haze": "Add haze",
}


def region_words(region: r.Region) -> str | None:
    """The region as words a model can find, or None for one that has no name (a box, points, a mask file)."""
    if isinstance(region, r.AllRegion):
        return "the whole picture"
    if isinstance(region, r.BackgroundRegion):
        return "the background"
    if isinstance(region, r.PhraseRegion):
        words = region.text if region.text.lower().startswith(("the ", "a ", "an ")) else f"the {region.text}"
        q = region.qualifiers
        if q.count in ("all", "each"):
            words = f"every {region.text}"
        elif isinstance(q.count, int):
            words = f"{_ordinal(q.count)} {region.text}"
        if q.size:
            words = f"the {q.size} {region.text}"
        if q.position:
            words += " in the centre" if q.position == "center" else f" on the {q.position}"
        return words
    if isinstance(region, r.NotRegion):
        inner = region_words(region.region)
        return f"everything except {inner}" if inner else None
    if isinstance(region, r.UnionRegion):
        parts = [region_words(x) for x in region.regions]
        return " and ".join(p for p in parts if p) if all(parts) else None
    if isinstance(region, r.MinusRegion):
        inner, exclude = region_words(region.region), region_words(region.exclude)
        if inner and exclude:
            return f"{inner} except {exclude}"
        return inner
    return None


def _ordinal(n: int) -> str:
    return {1: "the first", 2: "the second", 3: "the third"}.get(n, f"the {n}th")


def location_words(box: tuple[float, float, float, float]) -> str:
    """Where a box (fractions of the picture sent: x0, y0, x1, y1) is, in words and rounded percentages."""
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    column = "left" if cx < 0.36 else "right" if cx > 0.64 else ""
    row = "top" if cy < 0.36 else "bottom" if cy > 0.64 else ""
    place = f"{row} {column}".strip() or "centre"
    return (
        f"the area at the {place} of the picture (from {x0:.0%} to {x1:.0%} of its width and {y0:.0%} to "
        f"{y1:.0%} of its height)"
    )


def as_asked(text: str, source: str | None) -> str:
    """The words as the user wrote them where the planner translated them: both hosted models read Chinese, and a
    word-by-word translation ("一点魔幻" -> "some magical") loses what was meant."""
    return source.strip() if source and source.strip() else text


def op_sentence(step: Edit, target: str) -> str:
    """What to do, as one imperative sentence about `target`."""
    args = step.args
    whole = target == "the whole picture"
    if step.op == "replace":
        return f"Replace {target} with {as_asked(args.prompt, args.prompt_source)}."
    if step.op == "remove":
        return (
            f"Remove {target} completely and fill its place with what would naturally be behind it, continuing "
            "the surroundings."
        )
    if step.op == "add":
        what = as_asked(args.prompt, args.prompt_source)
        return f"Add {what}." if whole else f"Add {what} to {target}."
    if step.op == "recolor":
        return f"Change the colour of {target} to {as_asked(args.color, args.color_source)}."
    if step.op == "restyle":
        return f"Make {target} look like {as_asked(args.style, args.style_source)}."
    if step.op == "atmosphere":
        words = ATMOSPHERE_WORDS[args.effect]
        return f"{words}." if whole else f"{words} in {target}."
    if step.op == "edit":
        text = (args.instruction_source or args.instruction).strip()  # both models read Chinese as written
        return text if whole else f"{text} (only in {target})"
    raise ValueError(f"no remote wording for op {step.op!r}")


def write_prompt(
    step: Edit,
    keeps: tuple[r.Region, ...],
    target_box: tuple[float, float, float, float] | None,
    whole_frame: bool,
) -> str:
    """The prompt for one step. `target_box` is the target's box in fractions of the picture sent (None when
    the target is the whole of it)."""
    named = region_words(step.target)
    where = location_words(target_box) if target_box is not None else None
    if named and named != "the whole picture" and where and not whole_frame:
        target = f"{named} ({where.removeprefix('the ')})"
    else:
        target = named if named and (named != "the whole picture" or where is None) else (where or "the picture")
    lines = [op_sentence(step, target)]
    if target != "the whole picture":
        lines.append("Change nothing outside that area.")
    for keep in keeps:
        words = region_words(keep)
        if words and words != "the whole picture":
            lines.append(f"Keep {words} exactly as it is.")
    lines.append(
        "Keep the framing, composition, camera position, scale, lighting and colours of everything else exactly "
        "as they are: do not crop, zoom, shift, rotate or relight the picture. Return only the edited image."
    )
    return " ".join(lines)
