"""`editree ops`: every op, its arguments, and which engines implement it here."""

from __future__ import annotations

from typing import Annotated, Any

import typer


def ops(
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the ops as JSON (names, kinds, argument schemas, engines).")
    ] = False,
) -> None:
    """List the ops a plan can use, their arguments and the engines that implement them."""
    import json
    import sys

    from editree.cli import console

    described = describe_ops()
    if json_output:
        sys.stdout.write(json.dumps(described, indent=2, ensure_ascii=False) + "\n")
        return
    rows = []
    for op in described:
        args = "\n".join(
            f"{a['name']}{'' if a['required'] else '?'}: {a['summary'].replace('|', ' | ')}" for a in op["args"]
        )
        impls = "; ".join(f"{i['engine']} ({i['describe']})" for i in op["implementations"]) or "none installed"
        rows.append([op["op"], args or "-", op["kind"], impls])
    console.out().print(console.table(None, ["op", "args", "kind", "implemented by"], rows, fold=True))


def describe_ops() -> list[dict[str, Any]]:
    """One entry per op: its name, kind (classical, generative or canvas), arguments (the words people read, and
    the JSON Schema programs check against) and the implementations present here."""
    from editree.engine.registry import engines_for
    from editree.ops import OPS

    described = []
    for spec in OPS.values():
        schema = spec.args_model.model_json_schema()
        properties = schema.get("properties", {})
        args = [
            {"name": name, "required": required, "summary": summary, "schema": properties.get(name, {})}
            for name, summary, required in spec.arg_summaries()
            if not name.endswith("_source")
        ]
        described.append(
            {
                "op": spec.name,
                "kind": "canvas" if spec.canvas else ("generative" if spec.generative else "classical"),
                "args": args,
                "implementations": [{"engine": i.engine, "describe": i.describe} for i in engines_for(spec.name)],
            }
        )
    return described
