"""`editree models list|info|pull`: which models editree knows, which are here, how to get the rest."""

from __future__ import annotations

from typing import Annotated

import typer

from editree.errors import MissingDependencyError, UsageError

app = typer.Typer(
    help="Model presets: what is known, what is present, how to download.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


@app.command("list")
def list_models() -> None:
    """Every preset, its repository, and whether it is in the local cache."""
    from editree.cli import console
    from editree.engine.diffusion.models import model_status
    from editree.engine.diffusion.presets import PRESETS

    rows = []
    for preset in PRESETS.values():
        here = "present" if model_status(preset.name, preset.kind).present else "not present"
        rows.append(
            [preset.name, preset.kind, preset.repo, f"{preset.native_size}px", ",".join(preset.languages), here]
        )
    console.out().print(console.table(None, ["preset", "kind", "repository", "size", "reads", "here"], rows))


@app.command("info")
def info(name: Annotated[str, typer.Argument(help="A preset name.")]) -> None:
    """Details of one preset and where it would load from."""
    from editree.cli import console
    from editree.engine.diffusion.models import model_status, pull_command
    from editree.engine.diffusion.presets import PRESETS

    if name not in PRESETS:
        raise UsageError(f"no preset named {name!r}; expected one of {', '.join(PRESETS)}")
    preset = PRESETS[name]
    status = model_status(name, preset.kind)
    out = console.out()
    out.print(f"{preset.name}: {preset.description}", markup=False)
    out.print(
        f"repository {preset.repo} (revision {preset.revision}), kind {preset.kind}, "
        f"native size {preset.native_size}px, sizes a multiple of {preset.size_multiple}",
        markup=False,
    )
    out.print(
        f"present at {status.source}" if status.present else f"not present; get it with `{pull_command(name)}`",
        markup=False,
    )
    if status.commit:
        out.print(f"cached commit {status.commit} (recorded in the metadata of outputs made with it)", markup=False)


@app.command("pull")
def pull(name: Annotated[str, typer.Argument(help="A preset name.")]) -> None:
    """Download a preset into the standard Hugging Face cache (respects HF_HOME and HF_HUB_OFFLINE)."""
    import os

    from editree.cli import console
    from editree.engine.diffusion.models import download
    from editree.engine.diffusion.presets import PRESETS

    if name not in PRESETS:
        raise UsageError(f"no preset named {name!r}; expected one of {', '.join(PRESETS)}")
    if os.environ.get("HF_HUB_OFFLINE") == "1":
        raise MissingDependencyError(
            "HF_HUB_OFFLINE=1 forbids downloads; unset it, or copy the model folder here and pass --model PATH"
        )
    preset = PRESETS[name]
    try:
        folder = download(preset)
    except Exception as exc:  # network, auth and disk errors all end the same way for the user
        raise MissingDependencyError(
            f"could not download {preset.repo}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}; check the "
            "network and, for gated models, `huggingface-cli login`"
        ) from None
    console.out().print(f"{name} is in {folder}", markup=False)
