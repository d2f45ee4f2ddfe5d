"""The batch worker pool on its own: a worker that dies fails only its job, and a stop abandons what is in flight."""

from __future__ import annotations

import os
import time

from editree.engine.pool import StopFlag, run_in_workers


def crash_on_three(job: int, settings: str) -> dict:
    """Runs in a worker process (spawned, so it must be importable): job 3 kills its worker outright."""
    if job == 3:
        os._exit(9)
    return {"input": job, "status": "done", "settings": settings, "pid": os.getpid()}


def slow_after_first(job: int, settings: float) -> dict:
    time.sleep(0 if job == 0 else settings)
    return {"input": job, "status": "done"}


def test_a_dead_worker_fails_only_its_job() -> None:
    records: list[dict] = []

    def died(job: int, exitcode: int | None) -> dict:
        return {"input": job, "status": "failed", "exitcode": exitcode}

    abandoned = run_in_workers(list(range(8)), crash_on_three, "s", 2, records.append, StopFlag(), 3.0, died=died)
    assert abandoned == []
    by_job = {r["input"]: r for r in records}
    assert sorted(by_job) == list(range(8))
    assert by_job[3] == {"input": 3, "status": "failed", "exitcode": 9}
    assert {r["settings"] for j, r in by_job.items() if j != 3} == {"s"}
    assert os.getpid() not in {r.get("pid") for r in records}


def test_a_stop_abandons_in_flight_jobs_after_the_grace_period() -> None:
    stop = StopFlag()
    records: list[dict] = []
    announced: list[int] = []

    def emit(record: dict) -> None:
        records.append(record)
        stop.requested = True  # as the signal handler would, once the first image is done

    started = time.monotonic()
    abandoned = run_in_workers(list(range(6)), slow_after_first, 30.0, 2, emit, stop, 0.0, on_stop=announced.append)
    assert [r["input"] for r in records] == [0] and abandoned == [1]  # nothing new started after the stop
    assert announced == [1]
    assert time.monotonic() - started < 15  # job 1 was killed, not waited for
