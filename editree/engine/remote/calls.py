"""How many remote requests a plan makes per image, before any is made (`--dry-run`, batch's opening line)."""

from __future__ import annotations

from dataclasses import dataclass, field

from editree.engine.options import EngineOptions
from editree.ops import Edit, If, Plan, Step


@dataclass
class RemoteCalls:
    fewest: int = 0
    most: int = 0
    """Conditions may take the branch with more or fewer remote steps: the range over every branch."""
    models: list[str] = field(default_factory=list)

    def describe(self, images: int = 1) -> str | None:
        """One line, or None when the plan makes no remote call."""
        if not self.most:
            return None
        count = str(self.most) if self.fewest == self.most else f"{self.fewest} to {self.most}"
        plural = "s" if self.most != 1 else ""
        per = " per image" if images != 1 else ""
        total = f" ({self.fewest * images}-{self.most * images} in all)" if self.fewest != self.most else ""
        if images != 1 and not total:
            total = f" ({self.most * images} in all for {images} images)"
        return (
            f"remote: {count} call{plural}{per} to {', '.join(self.models)}{total}; each may be retried on HTTP "
            "429/5xx and asked again once if its reply cannot be aligned"
        )


def remote_calls(plan: Plan, engine: str = "auto", options: EngineOptions | None = None) -> RemoteCalls:
    """The remote steps the plan runs per image (a step whose region turns out empty makes none)."""
    from editree.engine.remote.spec import step_spec

    options = options or EngineOptions()
    result = RemoteCalls()

    def count(steps: tuple[Step, ...]) -> tuple[int, int]:
        fewest = most = 0
        for step in steps:
            if isinstance(step, If):
                then, other = count(step.then), count(step.else_)
                fewest += min(then[0], other[0])
                most += max(then[1], other[1])
            elif isinstance(step, Edit) and _is_remote(step, engine, options):
                fewest += 1
                most += 1
                spec = step_spec(step, options.model, options.instruct_model)
                if spec is not None and spec.text not in result.models:
                    result.models.append(spec.text)
        return fewest, most

    result.fewest, result.most = count(plan.steps)
    return result


def _is_remote(step: Edit, engine: str, options: EngineOptions) -> bool:
    from editree.engine import registry

    impl, _ = registry.choose(step, engine, options)
    return impl is not None and impl.engine == "remote"
