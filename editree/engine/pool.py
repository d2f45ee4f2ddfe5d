"""Worker processes for batches: one image per worker at a time, stoppable at once, never outliving the parent.

Why not concurrent.futures: a ProcessPoolExecutor cannot say which image each worker holds, cannot kill one
worker, and turns one crashed worker into a broken pool. Here the parent hands each worker one job over its own
pipe, so at every moment it knows what is in flight; it can wait a grace period for those images, then kill the
workers and clean up after them, and a worker that dies (out of memory, a segfault in a library) fails only its
own image.

Signals: the parent alone decides. Workers ignore SIGINT (a terminal's Ctrl-C reaches the whole process group)
and, while the parent lives, SIGTERM (a scheduler may signal the group); the parent stops them with SIGKILL after
the grace period and removes their temporary files itself. A worker whose parent died, even by SIGKILL, exits:
Linux tells it at once (PR_SET_PDEATHSIG), and a watchdog thread polling the parent id covers other systems.
Workers are started with "spawn", so they are the parent's own children (a forkserver would be their parent).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

JobT = TypeVar("JobT")
Work = Callable[[Any, Any], dict[str, Any]]

_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
_WATCH_SECONDS = 0.5


class StopFlag:
    """Set by the parent's signal handlers: `requested` at the first signal, `hurry` at the second."""

    requested: bool = False
    hurry: bool = False


@dataclass
class _Worker(Generic[JobT]):
    process: Any
    conn: Any
    job: JobT | None = None
    dead: bool = False


def run_in_workers(
    jobs: list[JobT],
    work: Work,
    settings: Any,
    workers: int,
    emit: Callable[[dict[str, Any]], None],
    stop: StopFlag,
    grace: float,
    on_stop: Callable[[int], None] | None = None,
    died: Callable[[JobT, int | None], dict[str, Any]] | None = None,
) -> list[JobT]:
    """Run `work(job, settings)` for every job in `workers` processes, passing each record to `emit` (in this
    thread, in the order they finish). When `stop.requested` turns true, no new job starts; images in flight get
    `grace` seconds (none once `stop.hurry`), then their workers are killed. Returns the jobs abandoned that way.
    `died(job, exitcode)` makes the record of a job whose worker died on its own."""
    import multiprocessing
    from multiprocessing.connection import wait

    context = multiprocessing.get_context("spawn")
    queue: deque[JobT] = deque(jobs)
    pool: list[_Worker[JobT]] = []
    parent = os.getpid()

    def start() -> _Worker[JobT]:
        ours, theirs = context.Pipe()
        process = context.Process(target=_worker_main, args=(theirs, work, settings, parent), daemon=True)
        with _signals_blocked():  # the child starts with them blocked, and unblocks once it ignores them
            process.start()
        theirs.close()
        return _Worker(process, ours)

    def feed(worker: _Worker[JobT]) -> None:
        worker.job = queue.popleft() if queue and not stop.requested else None
        if worker.job is not None:
            worker.conn.send(worker.job)

    deadline: float | None = None
    try:
        for _ in range(min(workers, len(queue))):
            pool.append(start())
        for worker in pool:
            feed(worker)
        while busy := [w for w in pool if w.job is not None and not w.dead]:
            if stop.requested and deadline is None:
                deadline = time.monotonic() + grace
                if on_stop:
                    on_stop(len(busy))
            if deadline is not None and (stop.hurry or time.monotonic() >= deadline):
                break
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=0.1))
            for worker in busy:
                if worker.conn in ready or worker.process.sentinel in ready:
                    record = _receive(worker)
                    if record is not None:
                        emit(record)
                        feed(worker)
                        continue
                    worker.dead = True
                    worker.process.join(1)
                    if stop.requested or died is None:
                        continue  # stopping: the job counts as abandoned, and its output is looked at
                    emit(died(worker.job, worker.process.exitcode))
                    worker.job = None
                    if queue:
                        pool.append(replacement := start())
                        feed(replacement)
        return [w.job for w in pool if w.job is not None]
    finally:
        _shut_down(pool)


def _receive(worker: _Worker[Any]) -> dict[str, Any] | None:
    try:
        if worker.conn.poll():
            return worker.conn.recv()
    except (EOFError, OSError):
        pass
    return None


def _shut_down(pool: list[_Worker[Any]]) -> None:
    """Idle workers are told to leave; busy ones (abandoned) are killed. Returns once every one has exited."""
    for worker in pool:
        if worker.job is None and not worker.dead:
            try:
                worker.conn.send(None)
            except OSError:
                worker.process.kill()
        else:
            worker.process.kill()
    deadline = time.monotonic() + 5
    for worker in pool:
        worker.process.join(max(0.0, deadline - time.monotonic()))
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()


class _signals_blocked:
    def __enter__(self) -> None:
        self.old = (
            signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS) if hasattr(signal, "pthread_sigmask") else None
        )

    def __exit__(self, *exc: object) -> None:
        if self.old is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, self.old)


# ---- in the worker ------------------------------------------------------------------------------------
def _worker_main(conn: Any, work: Work, settings: Any, parent: int) -> None:
    """Edit the jobs the parent sends, one at a time, until it sends None or goes away."""

    def on_term(signum: int, frame: object) -> None:
        if os.getppid() != parent:  # orphaned: leave now; save_image removes its temporary file on the way out
            raise SystemExit(128 + signum)

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, on_term)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    _exit_with_parent(parent)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(work(job, settings))


def _exit_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGTERM), 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watchdog below still notices
    threading.Thread(target=_watch_parent, args=(parent,), name="editree-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_SECONDS)
    os.kill(os.getpid(), signal.SIGTERM)  # the same way out as PR_SET_PDEATHSIG: temporary files are removed
    time.sleep(5)
    os._exit(143)  # stuck in native code: leave without cleaning up
