"""Event coding: who did what to whom, in PLOVER and CAMEO.

The coder lands with issue 6. Until then :class:`NoEventCoder` finds no events, so that the
pipeline, the store and ``factions evaluate`` run end to end and report honest zeros.
"""

from __future__ import annotations

from collections.abc import Sequence

from factions.nlp import Block
from factions.records import Event, Mention, Sentence


class NoEventCoder:
    """Codes nothing; stands where the real coder will."""

    def code(
        self,
        doc_id: str,
        blocks: Sequence[Block],
        sentences: Sequence[Sentence],
        mentions: Sequence[Mention],
    ) -> list[Event]:
        return []


__all__ = ["NoEventCoder"]
