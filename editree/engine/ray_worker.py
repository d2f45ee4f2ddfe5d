"""The worker side of `--executor ray`: a long-lived actor that edits the images the driver sends it.

Why bytes travel, not paths: the nodes of a cluster need not see the driver's files, and a worker that never
writes where the outputs live cannot leave a partial file there, nor write one twice when it is killed and its
image is retried elsewhere. The driver sends an input's bytes (and its per-image mask files); the worker edits
a private copy in its own scratch folder with the very code a local batch runs (`process_image`, so seeds,
pixels and provenance are the same) and sends back the record with the output's bytes. The driver alone
writes outputs (atomically) and the manifest.

This module imports no Ray: the driver wraps `EditWorker` with `ray.remote` when a batch asks for Ray, and
the workers import it by name, so every node needs editree itself installed.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from editree.engine.batch import BatchSettings, Job, process_image

SCRATCH_PREFIX = "editree-ray-"


@dataclass(frozen=True)
class Parcel:
    """One image on its way to a worker: what it needs to edit it away from the driver's files."""

    rel: str
    source: str
    """The driver's paths, for the record and for messages: the worker never opens them."""
    output: str
    data: bytes
    masks: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    """Region name -> (mask file path on the driver, its bytes), for the masks the driver could read."""


@dataclass(frozen=True)
class Returned:
    """A finished image: its manifest record, and the files to write when its status is "done"."""

    record: dict[str, Any]
    output: bytes | None = None
    sidecar: bytes | None = None


@dataclass(frozen=True)
class WorkerInfo:
    pid: int
    node: str
    editree: str
    error: str | None = None
    """Why this worker cannot run the plan (a model missing on its node), or None."""
    exit_code: int = 0


class EditWorker:
    """Holds the batch's settings for its whole life, so models and segmenters, cached per process by the
    engine, are loaded on its first image and reused for every later one."""

    def __init__(self, settings: BatchSettings) -> None:
        self.settings = settings
        self.scratch = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-"))
        self.count = 0
        _remove_orphaned_scratch(self.scratch.parent)

    def ready(self) -> WorkerInfo:
        """Checks, once, that this node can run every step of the plan (models present, packages installed)."""
        from editree import __version__
        from editree.engine.executor import check_plan
        from editree.errors import EditreeError

        info = WorkerInfo(os.getpid(), socket.gethostname(), __version__)
        try:
            check_plan(self.settings.plan, self.settings.engine, self.settings.options)
        except EditreeError as exc:
            return replace(info, error=exc.message, exit_code=int(exc.exit_code))
        return info

    def edit(self, parcel: Parcel) -> Returned:
        self.count += 1
        folder = self.scratch / str(self.count)
        try:
            return self._edit(parcel, folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _edit(self, parcel: Parcel, folder: Path) -> Returned:
        source = folder / "in" / Path(parcel.source).name  # the same name: provenance records it
        output = folder / "out" / Path(parcel.output).name  # the same suffix: it picks the format
        source.parent.mkdir(parents=True)
        source.write_bytes(parcel.data)
        moved = {str(source): parcel.source, str(output): parcel.output}
        masks = dict(self.settings.user.for_image(Path(parcel.source)).masks)
        for i, (name, (path, data)) in enumerate(parcel.masks.items()):
            local = folder / "masks" / str(i) / Path(path).name
            local.parent.mkdir(parents=True)
            local.write_bytes(data)
            masks[name] = local
            moved[str(local)] = path
        settings = replace(self.settings, user=replace(self.settings.user, masks=masks))
        record = process_image(Job(source, parcel.rel, output), settings)
        record.update(source=parcel.source, output=parcel.output)
        for key in ("error", "warnings"):
            if key in record:
                record[key] = _relocated(record[key], moved)
        if record.get("status") != "done":
            return Returned(record)
        sidecar = output.with_name(output.name + ".json")
        return Returned(record, output.read_bytes(), sidecar.read_bytes() if sidecar.exists() else None)

    def close(self) -> None:
        """Remove the scratch folder; the driver calls it before ending the worker (a kill skips __del__)."""
        shutil.rmtree(self.scratch, ignore_errors=True)


def _relocated(value: Any, moved: dict[str, str]) -> Any:
    """Messages name the driver's files, as a local run's would, not the worker's scratch copies."""
    if isinstance(value, list):
        return [_relocated(v, moved) for v in value]
    if isinstance(value, str):
        for local, original in moved.items():
            value = value.replace(local, original)
    return value


def _remove_orphaned_scratch(parent: Path) -> None:
    """A worker killed mid-image leaves its scratch folder behind; the next worker on the node removes it."""
    for folder in parent.glob(f"{SCRATCH_PREFIX}*-*"):
        pid = folder.name[len(SCRATCH_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
