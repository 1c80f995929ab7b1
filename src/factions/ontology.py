"""Ontology constants, defined once: PLOVER event types and CAMEO root codes."""

from __future__ import annotations

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

CAMEO_ROOTS: tuple[str, ...] = tuple(f"{n:02d}" for n in range(1, 21))
