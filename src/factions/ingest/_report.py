"""Collecting what was skipped or read with a warning, so that nothing is lost silently."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from factions.records import Problem

#: After this many messages with the same reason, further ones are only counted.
REPEATS_SHOWN = 10


class Report:
    """Counts problems and passes each one (up to a repeat limit per reason) to a callback.

    Over a million records, a thousand documents without a date are one fact, not a thousand
    lines: the callback sees the first few of each reason, `summary_lines` the rest.
    """

    def __init__(self, on_problem: Callable[[Problem], None] | None = None) -> None:
        self._on_problem = on_problem
        self.skipped = 0
        self.warnings = 0
        self.problems: list[Problem] = []
        self._by_reason: Counter[tuple[bool, str]] = Counter()

    def add(self, problem: Problem) -> None:
        if problem.skipped:
            self.skipped += 1
        else:
            self.warnings += 1
        key = (problem.skipped, _reason_kind(problem.reason))
        self._by_reason[key] += 1
        if self._by_reason[key] <= REPEATS_SHOWN:
            self.problems.append(problem)
            if self._on_problem is not None:
                self._on_problem(problem)

    def skip(self, where: str, reason: str) -> None:
        self.add(Problem(where, reason, skipped=True))

    def warn(self, where: str, reason: str) -> None:
        self.add(Problem(where, reason, skipped=False))

    def summary_lines(self) -> list[str]:
        """One line per reason whose messages were cut short."""
        lines = []
        for (skipped, kind), count in sorted(self._by_reason.items()):
            if count > REPEATS_SHOWN:
                word = "skipped" if skipped else "warnings"
                lines.append(f"{word}: {count - REPEATS_SHOWN} more like '{kind}' not shown")
        return lines


def _reason_kind(reason: str) -> str:
    """The stable head of a reason ("malformed JSON: …" → "malformed JSON")."""
    return reason.split(":", 1)[0]
