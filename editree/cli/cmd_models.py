"""`editree models list|info|pull`: which models editree knows, which are here, how to get the rest."""

from __future__ import annotations

import os
import threading
from pathlib import Path
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
    """Every preset, its repository, whether it is in the local cache and how much room it takes there."""
    from editree.cli import console
    from editree.engine.diffusion.models import model_status
    from editree.engine.diffusion.presets import PRESETS

    rows = []
    for preset in PRESETS.values():
        status = model_status(preset.name, preset.kind)
        here = "present" if status.present else "not present"
        on_disk = human_bytes(disk_usage(Path(status.source))[0]) if status.source else "-"
        rows.append(
            [
                preset.name,
                preset.kind,
                preset.repo,
                f"{preset.native_size}px",
                ",".join(preset.languages),
                here,
                on_disk,
            ]
        )
    columns = ["preset", "kind", "repository", "works at", "reads", "here", "on disk"]
    console.out().print(console.table(None, columns, rows, fold=True))
    console.out().print(console.table("hosted models (--model NAME)", *_remote_rows(), fold=True))


def _remote_rows() -> tuple[list[str], list[list[str]]]:
    """The hosted models editree knows, what each takes, and whether its SDK and key are here (no request made;
    the key's value is never shown). Any other model name of these providers works too."""
    from editree.engine.remote.availability import sdk_present
    from editree.engine.remote.settings import key_status, remote_settings
    from editree.engine.remote.spec import KNOWN_MODELS, PROVIDERS, parse_remote

    rows = []
    for known in KNOWN_MODELS:
        spec = parse_remote(known.spec)
        assert spec is not None
        info = PROVIDERS[known.provider]
        variable, _ = key_status(spec, remote_settings(None, spec))
        if not sdk_present(spec):
            ready = "needs editree[remote]"
        else:
            ready = f"ready (key in {variable})" if variable else f"set {info.key_variables[0]}"
        sizes = ", ".join(f"{w}x{h}" for w, h in dict.fromkeys(info.sizes.values()))
        rows.append(
            [
                known.spec,
                known.description,
                info.takes_mask,
                "yes" if info.seed else "no",
                f"fixed: {sizes}" if len(info.sizes) < 5 else f"fixed per aspect ({len(info.sizes)} ratios, ~1 MP)",
                ",".join(info.languages),
                ready,
            ]
        )
    return ["model", "name", "mask", "seed", "sizes", "reads", "here"], rows


@app.command("info")
def info(name: Annotated[str, typer.Argument(help="A preset name.")]) -> None:
    """Details of one preset, where it would load from and its size on disk."""
    from editree.cli import console
    from editree.engine.diffusion.models import model_status, pull_command
    from editree.engine.diffusion.presets import PRESETS
    from editree.engine.remote.spec import parse_remote

    if parse_remote(name):
        return _remote_info(name)
    if name not in PRESETS:
        raise UsageError(f"no preset named {name!r}; expected one of {', '.join(PRESETS)}")
    preset = PRESETS[name]
    status = model_status(name, preset.kind)
    out = console.out()
    out.print(f"{preset.name}: {preset.description}", markup=False, soft_wrap=True)
    out.print(
        f"repository {preset.repo} (revision {preset.revision}), kind {preset.kind}, "
        f"native size {preset.native_size}px, sizes a multiple of {preset.size_multiple}",
        markup=False,
        soft_wrap=True,
    )
    if status.source:
        size, files = disk_usage(Path(status.source))
        out.print(f"present at {status.source}", markup=False, soft_wrap=True)
        out.print(f"on disk: {human_bytes(size)} in {files} file{'s' if files != 1 else ''}", markup=False)
    else:
        out.print(f"not present; get it with `{pull_command(name)}`", markup=False, soft_wrap=True)
    if status.commit:
        out.print(f"cached commit {status.commit} (recorded in the metadata of outputs made with it)", markup=False)


def _remote_info(name: str) -> None:
    from editree.cli import console
    from editree.engine.remote.availability import sdk_present
    from editree.engine.remote.settings import key_status, remote_settings, safe_url
    from editree.engine.remote.spec import parse_remote

    spec = parse_remote(name)
    assert spec is not None
    info = spec.info
    settings = remote_settings(None, spec)
    variable, missing = key_status(spec, settings)
    out = console.out()
    out.print(f"{spec.text}: hosted by {info.service}", markup=False, soft_wrap=True)
    out.print(f"server: {safe_url(settings.url) or 'the provider default'}", markup=False, soft_wrap=True)
    out.print(
        f"takes a mask: {info.takes_mask}; seed: {'yes' if info.seed else 'no'}; reads {', '.join(info.languages)}",
        markup=False,
        soft_wrap=True,
    )
    sizes = ", ".join(f"{ratio} {w}x{h}" for ratio, (w, h) in info.sizes.items())
    out.print(f"answers at: {sizes}", markup=False, soft_wrap=True)
    sdk = "present" if sdk_present(spec) else f"absent: pip install 'editree[remote]' ({info.distribution})"
    out.print(f"SDK {info.module}: {sdk}", markup=False, soft_wrap=True)
    out.print(f"key: in {variable}" if variable else f"key: {missing or 'none needed by this server'}", markup=False)


def disk_usage(folder: Path) -> tuple[int, int]:
    """(bytes, files) of a model folder. Hugging Face snapshots are links into a shared blob store, so each blob
    is counted once, at its real size; plain folders are summed as they are."""
    seen: set[Path] = set()
    total = 0
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            try:
                target = path.resolve(strict=True)
                size = target.stat().st_size
            except OSError:  # a dangling link: a download that did not finish
                continue
            if target not in seen:
                seen.add(target)
                total += size
    return total, len(seen)


def human_bytes(size: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} TB"  # pragma: no cover - the loop returns


@app.command("pull")
def pull(name: Annotated[str, typer.Argument(help="A preset name.")]) -> None:
    """Download a preset into the standard Hugging Face cache (respects HF_HOME and HF_HUB_OFFLINE)."""
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
        with _quiet_hub(), _DownloadProgress(preset.repo):
            folder = download(preset)
    except Exception as exc:  # network, auth and disk errors all end the same way for the user
        raise MissingDependencyError(
            f"could not download {preset.repo}: {type(exc).__name__}: {first_words(str(exc), 200)}; check the "
            "network and, for gated models, `huggingface-cli login`"
        ) from None
    console.out().print(f"{name} is in {folder}", markup=False, soft_wrap=True)


def first_words(text: str, limit: int) -> str:
    """The first line of `text`, at most `limit` characters, cut between words (with an ellipsis) if longer."""
    line = " ".join((text.strip().splitlines() or [""])[0].split())
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0] if " " in line[:limit] else line[:limit]
    return cut.rstrip(",;:") + "…"


class _quiet_hub:
    """The hub libraries' own logging ("Couldn't connect to the Hub…", deprecation notes) and per-file progress
    bars are theirs, not ours: silenced for the download, which reports one bar and one line of its own."""

    LOGGERS = ("huggingface_hub", "diffusers", "transformers")

    def __enter__(self) -> None:
        import logging
        import warnings

        self._warnings = warnings.catch_warnings()
        self._warnings.__enter__()
        warnings.simplefilter("ignore")
        self._levels = {name: logging.getLogger(name).level for name in self.LOGGERS}
        for name in self.LOGGERS:
            logging.getLogger(name).setLevel(logging.ERROR)
        from huggingface_hub.utils import are_progress_bars_disabled, disable_progress_bars

        self._bars_were_disabled = are_progress_bars_disabled()
        disable_progress_bars()

    def __exit__(self, *exc: object) -> None:
        import logging

        from huggingface_hub.utils import enable_progress_bars

        if not self._bars_were_disabled:
            enable_progress_bars()
        for name, level in self._levels.items():
            logging.getLogger(name).setLevel(level)
        self._warnings.__exit__(*exc)


class _DownloadProgress:
    """One progress bar (bytes so far, speed) for a whole download, on a terminal only: it watches the repository's
    blob folder in the cache grow, whichever library or transfer protocol writes it."""

    def __init__(self, repo: str) -> None:
        from huggingface_hub import constants

        self.blobs = Path(constants.HF_HUB_CACHE) / f"models--{repo.replace('/', '--')}" / "blobs"
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> _DownloadProgress:
        from editree.cli import console

        self.bar = console.byte_progress(f"downloading {self.blobs.parent.name.removeprefix('models--')}")
        if self.bar.active:
            self._start = folder_bytes(self.blobs)
            self._thread = threading.Thread(target=self._watch, name="editree-download-progress", daemon=True)
            self._thread.start()
        return self

    def _watch(self) -> None:
        while not self._done.wait(0.5):
            self.bar.update(max(0, folder_bytes(self.blobs) - self._start))

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join()
        self.bar.stop()


def folder_bytes(folder: Path) -> int:
    """Bytes in the files of `folder`, partial downloads (*.incomplete) included."""
    total = 0
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    if entry.is_file(follow_symlinks=False):
                        total += entry.stat(follow_symlinks=False).st_size
                except OSError:
                    continue
    except OSError:
        return 0
    return total
