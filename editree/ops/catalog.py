"""The closed set of ops as data: what each one means, its arguments, and whether it is generative.

Which engines implement an op is not declared here: the engine's registry says so, truthfully,
from the implementations that exist (`editree ops` joins both).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from editree.ops import args as a
from editree.ops.steps import Edit


@dataclass(frozen=True)
class OpSpec:
    name: str
    summary: str
    generative: bool
    """True when the op can need a generative model (the classical engine may still cover some args)."""
    canvas: bool
    """True for ops that change the image geometry and so apply to the whole image."""

    @property
    def args_model(self) -> type[a.OpArgs]:
        return Edit.by_op[self.name].model_fields["args"].annotation

    def arg_summaries(self) -> list[tuple[str, str, bool]]:
        """(name, type description, required) for each argument, from the args model itself."""
        schema: dict[str, Any] = self.args_model.model_json_schema()
        required = set(schema.get("required", []))
        out = []
        for name, prop in schema.get("properties", {}).items():
            out.append((name, _describe_schema(prop), name in required))
        return out


def _describe_schema(prop: dict[str, Any]) -> str:
    if "discriminator" in prop and "Region" in str(prop["discriminator"].get("mapping", {}).values()):
        return "region"
    if "enum" in prop:
        return "|".join(str(v) for v in prop["enum"])
    if "anyOf" in prop:
        kinds = [_describe_schema(p) for p in prop["anyOf"] if p.get("type") != "null"]
        return " or ".join(kinds)
    kind = prop.get("type", "any")
    bounds = []
    for key, sym in (("minimum", ">="), ("exclusiveMinimum", ">"), ("maximum", "<="), ("exclusiveMaximum", "<")):
        if key in prop:
            bounds.append(f"{sym}{prop[key]}")
    if "const" in prop:
        return repr(prop["const"])
    text = {"number": "number", "integer": "int", "string": "text", "boolean": "bool", "array": "list"}.get(kind, kind)
    return f"{text} {' '.join(bounds)}".strip()


OPS: dict[str, OpSpec] = {
    spec.name: spec
    for spec in (
        OpSpec("replace", "replace the target with something described by `prompt`", True, False),
        OpSpec("remove", "remove the target and fill in what was behind it", True, False),
        OpSpec("add", "add what `prompt` describes at the target location", True, False),
        OpSpec("recolor", "change the target's colour, keeping its shading", True, False),
        OpSpec("restyle", "render the target in a style (black and white, sepia, watercolor…)", True, False),
        OpSpec("adjust", "tonal and colour adjustment by a signed amount in [-1, 1]", False, False),
        OpSpec("blur", "blur the target (strength in (0, 1])", False, False),
        OpSpec("atmosphere", "weather and light: fog, haze, rain, snow, night, sunset", True, False),
        OpSpec("enhance", "denoise, dehaze, deblur or automatic enhancement", False, False),
        OpSpec("crop", "crop to a box or an aspect ratio", False, True),
        OpSpec("rotate", "rotate by degrees (counter-clockwise)", False, True),
        OpSpec("flip", "mirror horizontally or vertically", False, True),
        OpSpec("resize", "resize to a width/height or by a scale", False, True),
        OpSpec("extend", "extend the canvas and fill the margins (outpaint)", True, True),
        OpSpec("vignette", "darken the picture towards its edges (strength in (0, 1])", False, False),
        OpSpec("move", "move the target object to a side, beside another region, or by an offset", False, False),
        OpSpec("scale", "make the target object bigger or smaller, anchored at its base or centre", False, False),
        OpSpec("upscale", "super-resolution of the whole picture by 2, 3 or 4", False, True),
        OpSpec("edit", "free-form instruction, for what no other op expresses", True, False),
    )
}
