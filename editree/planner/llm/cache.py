"""On-disk cache of LLM plans, keyed by (prompt version, model identity, instruction, context), so
scripted runs over folders ask once and rerun offline. Entries are validated again on read."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from editree.errors import PlanValidationError
from editree.ops import Plan, plan_from_dict


def cache_key(prompt_version: str, identity: str, instruction: str, context: str | None) -> str:
    raw = json.dumps([prompt_version, identity, instruction, context], ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def read(cache_dir: Path | None, key: str) -> Plan | None:
    if cache_dir is None:
        return None
    path = cache_dir / key[:2] / f"{key}.json"
    try:
        return plan_from_dict(json.loads(path.read_text(encoding="utf-8")), source=str(path))
    except (OSError, json.JSONDecodeError, PlanValidationError):
        return None


def write(cache_dir: Path | None, key: str, plan: Plan) -> None:
    if cache_dir is None:
        return
    folder = cache_dir / key[:2]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{key}.tmp"
        tmp.write_text(plan.to_json(), encoding="utf-8")
        os.replace(tmp, folder / f"{key}.json")
    except OSError:
        pass  # a cache that cannot be written only costs a repeated question
