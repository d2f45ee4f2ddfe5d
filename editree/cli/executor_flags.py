"""Where `batch` and `apply` edit their images: local worker processes (`--jobs`) or a Ray cluster.

Nothing here imports Ray: it is imported when `--executor ray` runs, so `--help` and local batches never need it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from editree.errors import UsageError

if TYPE_CHECKING:
    from editree.engine.ray_executor import RayExecutor


class ExecutorChoice(StrEnum):
    local = "local"
    ray = "ray"


ExecutorOpt = Annotated[
    ExecutorChoice,
    typer.Option("--executor", help="Edit on this machine's processes (--jobs) or on a Ray cluster (editree[ray])."),
]
RayAddressOpt = Annotated[
    Optional[str],
    typer.Option(
        "--ray-address",
        help="The Ray cluster: auto (the one started on this machine), HOST:PORT of its head, or ray://HOST:PORT "
        "(Ray Client) [env RAY_ADDRESS; default: a Ray of its own on this machine].",
    ),
]
GpusPerWorkerOpt = Annotated[
    Optional[float],
    typer.Option(
        "--gpus-per-worker",
        min=0,
        help="GPUs each Ray worker holds (0.5: two share one) [default: 1 for generative plans when the "
        "cluster has GPUs, else 0].",
    ),
]
WorkersOpt = Annotated[
    Optional[int],
    typer.Option(
        "--workers",
        min=1,
        max=4096,
        help="Ray workers, each loading the models once [default: one per GPU for generative plans, one per CPU "
        "otherwise].",
    ),
]


@dataclass(frozen=True)
class ExecutorFlags:
    executor: ExecutorChoice = ExecutorChoice.local
    ray_address: str | None = None
    gpus_per_worker: float | None = None
    workers: int | None = None

    def check(self, jobs: int) -> None:
        """Flags for the other executor are refused rather than ignored."""
        ray_flags = [
            flag
            for flag, value in (
                ("--ray-address", self.ray_address),
                ("--gpus-per-worker", self.gpus_per_worker),
                ("--workers", self.workers),
            )
            if value is not None
        ]
        if self.executor is ExecutorChoice.local and ray_flags:
            raise UsageError(
                f"{ray_flags[0]} is for --executor ray: add --executor ray, or drop {ray_flags[0]} (locally, --jobs N "
                "sets the worker processes)"
            )
        if self.executor is ExecutorChoice.ray and jobs > 1:
            raise UsageError(f"--jobs {jobs} is for the local executor; with --executor ray, --workers N sets them")
        address = self.ray_address
        if address is not None and address != "auto":
            host, _, port = address.removeprefix("ray://").rpartition(":")
            if not host or "/" in host or not port.isdigit():
                raise UsageError(f"--ray-address {address!r}: expected auto, HOST:PORT or ray://HOST:PORT")

    def open(self, info: Callable[[str], None] | None, warn: Callable[[str], None] | None) -> RayExecutor | None:
        """The connected Ray executor (close() it), or None for local workers."""
        if self.executor is not ExecutorChoice.ray:
            return None
        from editree.engine.ray_executor import RayExecutor

        executor = RayExecutor(self.ray_address, self.workers, self.gpus_per_worker, info=info, warn=warn)
        return executor.open()
