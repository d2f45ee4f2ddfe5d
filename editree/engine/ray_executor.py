"""`--executor ray`: a batch's images edited by long-lived actors on a Ray cluster, with a local run's guarantees.

- The driver (this process) owns every file: workers send back the output's bytes (see ray_worker.py) and the
  driver writes each output atomically, then appends its manifest line, exactly as `run_batch` does for local
  workers. So `--resume`, "each image exactly once" and per-path seeds hold whichever executor ran an image.
- A bounded number of images is in flight: `IN_FLIGHT_PER_WORKER` per worker (one being edited, one waiting, so
  no worker idles on a round trip). Only those images' bytes are in the object store or the driver's memory,
  however large the folder.
- Faults: a worker that dies mid-image (killed, out of memory, its node lost) is restarted by Ray (at most
  `MAX_RESTARTS` times) and its images are sent again, to whichever worker is free first, at most
  `MAX_ATTEMPTS` times in all; beyond that the image is recorded failed and the batch goes on. An image that
  fails in the editor is recorded as locally. A worker whose node cannot run the plan (a model missing there)
  is left out, with a warning; the batch stops only when none can.
- Signals are handled by `run_batch` (the stop flag): no new image is sent, the images in flight get the grace
  period, then the workers are killed. Nothing a killed worker did is visible: it never wrote an output.

Ray is imported only when this executor is built, so `editree batch` without `--executor ray` never needs it.
"""

from __future__ import annotations

import logging
import os
import re
import socket
import time
import warnings
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from editree.engine.batch import BatchSettings, Job
from editree.engine.pool import StopFlag
from editree.engine.ray_worker import EditWorker, Parcel, Returned, WorkerInfo
from editree.errors import EditreeError, ExitCode, MissingDependencyError, UsageError

INSTALL = "pip install 'editree[ray]'"
IN_FLIGHT_PER_WORKER = 2
MAX_ATTEMPTS = 3
"""Times one image is sent to a worker before it is recorded failed (a worker died under it each time)."""
MAX_RESTARTS = 3
"""Times Ray restarts one worker that died; after that it is left out."""
CONNECT_TIMEOUT = 5.0
"""Seconds to wait for the head's port to answer before saying it cannot be reached (Ray itself retries for
minutes)."""
DEFAULT_START_TIMEOUT = 600.0
"""Seconds to wait for the first worker to start (an autoscaling cluster may add a node for it)."""
Note = Callable[[str], None]


class RayExecutorError(EditreeError):
    """The Ray cluster cannot be reached, or no worker on it can run the plan."""

    exit_code = ExitCode.RUNTIME


def import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise MissingDependencyError(f"--executor ray needs Ray, which is not installed here: {INSTALL}") from None
    return ray


@dataclass
class _Slot:
    """One actor, and what the driver knows of it."""

    actor: Any
    ready: Any | None
    """The pending ready() call while the worker (re)starts; None once it is ready."""
    info: WorkerInfo | None = None
    load: int = 0
    dead: bool = False

    @property
    def where(self) -> str:
        return f"pid {self.info.pid} on {self.info.node}" if self.info else "not started yet"


@dataclass
class _Task:
    job: Job
    slot: _Slot
    attempt: int


@dataclass
class RayExecutor:
    """Connects on entry (or uses a Ray this process already initialised) and disconnects on exit.

    `address`: None starts a Ray of our own on this machine (loopback only, no dashboard) unless RAY_ADDRESS is
    set; "auto" joins the cluster running on this machine; "HOST:PORT" a cluster's head; "ray://HOST:PORT" a
    cluster through Ray Client. `workers` and `gpus_per_worker` default to what the plan and the cluster suggest:
    one worker per GPU for a generative plan, one per CPU for a classical one."""

    address: str | None = None
    workers: int | None = None
    gpus_per_worker: float | None = None
    info: Note | None = None
    warn: Note | None = None
    start_timeout: float = DEFAULT_START_TIMEOUT
    _ray: Any = field(default=None, repr=False)
    _owned: bool = field(default=False, repr=False)
    _slots: list[_Slot] = field(default_factory=list, repr=False)
    _starting: dict[Any, _Slot] = field(default_factory=dict, repr=False)
    """Pending ready() calls, by their object ref."""
    _user: Any = field(default=None, repr=False)
    _failure: str = field(default="every Ray worker died", repr=False)
    """Why the last worker was left out, for the error when none is left."""
    _failure_code: int = field(default=int(ExitCode.RUNTIME), repr=False)

    def __enter__(self) -> RayExecutor:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def open(self) -> RayExecutor:
        self._ray = ray = import_ray()
        if ray.is_initialized():
            return self
        address = self.address or os.environ.get("RAY_ADDRESS") or None
        quiet = {"logging_level": logging.ERROR, "log_to_driver": False}
        if address not in (None, "auto"):
            _check_reachable(address)
        try:
            with warnings.catch_warnings():  # Ray Client warns of timeouts itself; the error below says it once
                warnings.simplefilter("ignore")
                if address is None:  # nothing may reach the network: loopback, no dashboard, no usage report
                    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
                    ray.init(include_dashboard=False, _node_ip_address="127.0.0.1", **quiet)
                else:
                    _init_with_retries(ray, address, quiet)
        except Exception as exc:
            if str(exc).startswith("Version mismatch"):
                raise MissingDependencyError(_version_mismatch(address or "auto", str(exc))) from None
            where = f"the Ray cluster at {address}" if address else "a local Ray"
            raise RayExecutorError(
                f"cannot start or reach {where} ({_one_line(exc)}); start one with `ray start --head`, or give "
                "--ray-address HOST:PORT (or ray://HOST:10001)"
            ) from None
        self._owned = True
        return self

    def close(self) -> None:
        if self._ray is None:
            return
        self._kill_workers()
        if self._owned:
            self._ray.shutdown()
            self._owned = False

    def worker_pids(self) -> list[int]:
        """The process ids of the workers that are ready now (for diagnostics and fault tests)."""
        return [s.info.pid for s in self._slots if s.info and s.ready is None and not s.dead]

    # ---- the run -------------------------------------------------------------------------------------
    def run(
        self,
        jobs: list[Job],
        settings: BatchSettings,
        emit: Callable[[dict[str, Any]], None],
        stop: StopFlag,
        grace: float,
        on_stop: Callable[[int], None] | None = None,
    ) -> list[Job]:
        """Edit every job on the cluster, passing each record to `emit` once its files are written. Returns the
        jobs abandoned because `stop` was requested (their workers are killed; they wrote nothing)."""
        ray = self._ray
        if ray is None:
            raise RuntimeError("RayExecutor.run outside its `with` block")
        if not jobs:
            return []
        self._user = settings.user
        cpus, gpus = self._plan_workers(settings, len(jobs))
        from ray.exceptions import RayError, RayTaskError

        queue: deque[tuple[Job, int]] = deque((job, 1) for job in jobs)
        tasks: dict[Any, _Task] = {}
        started = time.monotonic()
        deadline: float | None = None
        try:
            while queue or tasks:
                if stop.requested:
                    if deadline is None:
                        deadline = time.monotonic() + grace
                        if tasks and on_stop:
                            on_stop(len(tasks))
                    if not tasks or stop.hurry or time.monotonic() >= deadline:
                        break
                else:
                    self._dispatch(queue, tasks, emit)
                if queue and not tasks and not stop.requested:
                    self._check_workers(queue, emit, started, cpus, gpus)
                    if not queue:
                        break
                waiting = [*tasks, *self._starting]
                if not waiting:
                    time.sleep(0.1)
                    continue
                done, _ = ray.wait(waiting, num_returns=1, timeout=0.1)
                for ref in done:
                    task = tasks.pop(ref, None)
                    if task is None:
                        self._started(ref, self._starting.pop(ref))
                        continue
                    task.slot.load -= 1
                    try:
                        returned: Returned = ray.get(ref)
                    except RayTaskError as exc:  # the worker's own code raised: the image's fault, not the worker's
                        emit(_failed(task.job, f"internal error on the Ray worker: {_one_line(exc)}"))
                    except RayError as exc:  # the worker died under it: send it again, a bounded number of times
                        self._lost(task, exc, queue, emit)
                    else:
                        emit(_written(task.job, returned))
            return [task.job for task in tasks.values()]
        finally:
            self._kill_workers(tidy=not tasks)

    def _plan_workers(self, settings: BatchSettings, images: int) -> tuple[float, float]:
        """Start the actors: as many as asked, or as the cluster has room for. Returns (CPUs, GPUs) asked per worker."""
        from editree.engine.executor import generative_steps

        ray = self._ray
        resources = ray.cluster_resources()
        have_cpus, have_gpus = float(resources.get("CPU", 0)), float(resources.get("GPU", 0))
        generative = bool(generative_steps(settings.plan, settings.engine, settings.options))
        gpus = self.gpus_per_worker
        if gpus is None:
            gpus = 1.0 if generative and have_gpus >= 1 else 0.0
        if gpus > have_gpus:
            raise UsageError(
                f"--gpus-per-worker {gpus:g}: the Ray cluster has {have_gpus:g} GPUs; give fewer, or 0 to run on CPUs"
            )
        cpus = 1.0 if have_cpus >= 1 else 0.0
        room = int(have_gpus // gpus) if gpus else int(have_cpus // cpus) if cpus else 1
        count = self.workers or (room if gpus or not generative else 1)
        count = max(1, min(count, images))
        if self.info:
            each = f"{cpus:g} CPU" + (f" and {gpus:g} GPU" if gpus else "")
            self.info(
                f"Ray: {count} worker{'s' if count > 1 else ''} ({each} each) on a cluster of {have_cpus:g} CPUs "
                f"and {have_gpus:g} GPUs"
            )
        if self.warn and generative and not gpus and self.workers is None:
            self.warn(
                "the Ray cluster has no GPU for this generative plan: one CPU worker edits the images "
                "(--workers N for more, each loading its own copy of the models)"
            )
        if self.warn and count > max(room, 1):
            self.warn(f"--workers {count}: the cluster has room for {room} now; the others start when it has more")
        actor_class = ray.remote(EditWorker).options(
            num_cpus=cpus, num_gpus=gpus, max_restarts=MAX_RESTARTS, max_task_retries=0
        )
        for _ in range(count):  # settings go by value: a restarted worker needs them again
            slot = _Slot(actor_class.remote(settings), None)
            self._slots.append(slot)
            self._restarting(slot)
        return cpus, gpus

    def _dispatch(self, queue: deque[tuple[Job, int]], tasks: dict[Any, _Task], emit: Callable) -> None:
        """Send images to the ready workers with room, least loaded first, up to the in-flight bound."""
        while queue:
            free = [s for s in self._slots if s.ready is None and not s.dead and s.load < IN_FLIGHT_PER_WORKER]
            if not free:
                return
            slot = min(free, key=lambda s: s.load)
            job, attempt = queue.popleft()
            try:
                parcel = _parcel(job, self._user)
            except OSError as exc:
                emit(_failed(job, f"{job.source}: cannot read the image ({exc.strerror or exc})"))
                continue
            tasks[slot.actor.edit.remote(parcel)] = _Task(job, slot, attempt)
            slot.load += 1

    def _restarting(self, slot: _Slot) -> None:
        """Send nothing to this worker until its ready() comes back: it is starting, or Ray is restarting it."""
        if slot.ready is None and not slot.dead:
            slot.ready = slot.actor.ready.remote()
            self._starting[slot.ready] = slot

    def _started(self, ref: Any, slot: _Slot) -> None:
        """A worker's ready() came back: it is usable, or it cannot run the plan on its node, or it never started."""
        from ray.exceptions import RayError

        slot.ready = None
        try:
            info: WorkerInfo = self._ray.get(ref)
        except RayError as exc:
            slot.dead = True
            self._failure = f"a Ray worker could not start ({_one_line(exc)})"
            if self.warn:
                self.warn(f"{self._failure}; left out")
            return
        slot.info = info
        from editree import __version__

        if info.error or info.editree != __version__:
            slot.dead = True
            if info.error:
                self._failure = f"the Ray worker on {info.node} cannot run this plan: {info.error}"
                self._failure_code = info.exit_code
            else:
                self._failure = (
                    f"the Ray worker on {info.node} runs editree {info.editree}, this driver {__version__}; install "
                    f"the same version on every node ({INSTALL.replace('[ray]', f'[ray]=={__version__}')})"
                )
                self._failure_code = int(ExitCode.MISSING_DEPENDENCY)
            if self.warn:
                self.warn(f"{self._failure}; left out")
            self._ray.kill(slot.actor, no_restart=True)

    def _check_workers(self, queue: deque, emit: Callable, started: float, cpus: float, gpus: float) -> None:
        """Nothing in flight and images waiting: either workers are still starting, or none is left."""
        alive = [s for s in self._slots if not s.dead]
        if not alive:
            if not any(s.info and not s.info.error for s in self._slots):  # none ever worked: the setup's fault
                message = f"{self._failure}; each node needs editree and the plan's models (see README, Ray)"
                if self._failure_code == ExitCode.MISSING_DEPENDENCY:
                    raise MissingDependencyError(message)
                raise RayExecutorError(message)
            while queue:
                job, _ = queue.popleft()
                emit(_failed(job, f"no Ray worker left to edit it ({self._failure}); rerun with --resume"))
            return
        if all(s.info is None for s in alive) and time.monotonic() - started > self.start_timeout:
            raise RayExecutorError(
                f"no Ray worker started within {self.start_timeout:g} s; each asks for {cpus:g} CPU and {gpus:g} "
                f"GPU, and the cluster has {self._ray.available_resources()} free"
            )

    def _lost(self, task: _Task, exc: Exception, queue: deque, emit: Callable) -> None:
        slot = task.slot
        self._restarting(slot)  # once per death: wait for Ray's restart, or its giving up
        if task.attempt >= MAX_ATTEMPTS:
            emit(
                _failed(
                    task.job,
                    f"{task.job.source}: the Ray worker editing it died {task.attempt} times (last: "
                    f"{_one_line(exc)}); no output written",
                )
            )
            return
        queue.appendleft((task.job, task.attempt + 1))
        if self.warn:
            self.warn(
                f"{task.job.rel}: the Ray worker editing it ({slot.where}) died; sending it again "
                f"(attempt {task.attempt + 1} of {MAX_ATTEMPTS})"
            )

    def _kill_workers(self, tidy: bool = False) -> None:
        """End every worker; `tidy` (none is busy) lets each remove its scratch folder first."""
        if tidy and (idle := [s.actor.close.remote() for s in self._slots if s.ready is None and not s.dead]):
            try:
                self._ray.wait(idle, num_returns=len(idle), timeout=10)
            except Exception:  # a worker that cannot tidy up leaves a folder the next one on its node removes
                pass
        for slot in self._slots:
            try:
                self._ray.kill(slot.actor, no_restart=True)
            except Exception:  # already gone, or the cluster with it
                pass
        self._slots = []
        self._starting = {}


def _parcel(job: Job, user: Any) -> Parcel:
    """The image's bytes and its mask files', read here: the worker may be on a machine without them."""
    masks: dict[str, tuple[str, bytes]] = {}
    for name, path in user.for_image(job.source).masks.items():
        if path.is_file():  # a missing one is left to the worker, which fails the image as a local run would
            masks[name] = (str(path), path.read_bytes())
    return Parcel(job.rel, str(job.source), str(job.output), job.source.read_bytes(), masks)


def _written(job: Job, returned: Returned) -> dict[str, Any]:
    """Write what a worker sent back, atomically, output first and then its sidecar, as save_image does; the
    caller appends the manifest line after, so a file on disk is complete before the manifest names it."""
    from editree.engine.image_io import _write_atomically

    record = returned.record
    if record.get("status") != "done" or returned.output is None:
        return record
    try:
        job.output.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(job.output, lambda handle: handle.write(returned.output))
        if returned.sidecar is not None:
            sidecar = job.output.with_name(job.output.name + ".json")
            _write_atomically(sidecar, lambda handle: handle.write(returned.sidecar))
    except (EditreeError, OSError) as exc:
        job.output.unlink(missing_ok=True)
        message = exc.message if isinstance(exc, EditreeError) else f"{job.output}: cannot write the output ({exc})"
        return {**record, "status": "failed", "error": message, "exit_code": int(ExitCode.RUNTIME)}
    return record


def _failed(job: Job, error: str) -> dict[str, Any]:
    return {
        "kind": "image",
        "input": job.rel,
        "source": str(job.source),
        "output": str(job.output),
        "status": "failed",
        "error": error,
        "exit_code": int(ExitCode.RUNTIME),
    }


CLIENT_SERVER_RETRIES = 3
"""Tries at a Ray Client connection whose per-client server did not start."""
CLIENT_SERVER_RETRY_WAIT = 2.0


def _init_with_retries(ray: Any, address: str, options: dict[str, Any]) -> None:
    """`ray.init(address)`, tried again when Ray Client's proxy could not start this client's own server.

    The proxy behind ray://HOST:10001 starts one server process per client; on a busy head (one that is still
    cleaning up after a driver killed a moment ago, say) that process can exit before it serves, and the proxy
    answers "Starting Ray client server failed". A new connection a moment later gets a new process, so a resumed
    batch does not fail on what the cluster recovers from by itself. Other errors are not retried."""
    for attempt in range(1, CLIENT_SERVER_RETRIES + 1):
        try:
            ray.init(address=address, **options)
            return
        except Exception as exc:
            if attempt == CLIENT_SERVER_RETRIES or "Starting Ray client server failed" not in str(exc):
                raise
            time.sleep(CLIENT_SERVER_RETRY_WAIT * attempt)


def _check_reachable(address: str) -> None:
    """Fail in seconds, not after Ray's minutes of retries, when nothing listens at HOST:PORT."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        raise UsageError(f"--ray-address {address!r}: expected auto, HOST:PORT or ray://HOST:PORT")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT).close()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise RayExecutorError(
            f"cannot reach the Ray cluster at {address} ({reason}); check that its head runs (`ray status` there) "
            "and that this machine may reach that port (6379 for HOST:PORT, 10001 for ray://)"
        ) from None


def _version_mismatch(address: str, text: str) -> str:
    """Ray's multi-line mismatch report, as one line that says what to install."""
    found = re.findall(r"Ray: (\S+)\s+Python: (\S+)", text)
    if len(found) != 2:
        return f"the Ray cluster at {address} runs another Ray or Python version than this process: {_one_line(text)}"
    (cluster_ray, cluster_py), (here_ray, here_py) = found
    return (
        f"the Ray cluster at {address} runs Ray {cluster_ray} on Python {cluster_py}, this process Ray {here_ray} on "
        f"Python {here_py}; install the cluster's versions here (pip install 'ray[client]=={cluster_ray}', "
        f"Python {cluster_py})"
    )


def _one_line(exc: BaseException | str) -> str:
    """Ray's errors carry whole remote tracebacks: keep the line that says what went wrong."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    errors = [line for line in lines if line.split(":", 1)[0].endswith(("Error", "Exception", "Exit"))]
    text = errors[-1] if errors else (lines[0] if lines else type(exc).__name__)
    return " ".join(text.split())[:300]
