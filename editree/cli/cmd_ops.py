"""`editree ops`: every op, its arguments, and which engines implement it here."""

from __future__ import annotations


def ops() -> None:
    """List the ops a plan can use, their arguments and the engines that implement them."""
    from editree.cli import console
    from editree.engine.registry import engines_for
    from editree.ops import OPS

    rows = []
    for spec in OPS.values():
        args = (
            ", ".join(
                f"{n}{'' if req else '?'}: {t}" for n, t, req in spec.arg_summaries() if not n.endswith("_source")
            )
            or "-"
        )
        impls = "; ".join(f"{i.engine} ({i.describe})" for i in engines_for(spec.name)) or "none installed"
        kind = "canvas" if spec.canvas else ("generative" if spec.generative else "classical")
        rows.append([spec.name, args, kind, impls])
    console.out().print(console.table(None, ["op", "args", "kind", "implemented by"], rows))
