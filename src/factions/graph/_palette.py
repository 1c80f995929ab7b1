"""Colours shared by the pictures and the GEXF export, so Gephi and the PNG agree."""

from __future__ import annotations

from collections.abc import Sequence

from factions.graph._coalitions import Coalition

ALLY = "#1a9850"
ENEMY = "#d73027"
LONE = "#b0b0b0"
"""Actors in a bloc of their own."""

BLOC_COLOURS = (
    "#3b6fb6",
    "#f29e2e",
    "#8e63b5",
    "#2bb3c0",
    "#a6761d",
    "#e46fb0",
    "#6b8e23",
    "#56423e",
    "#c9b800",
    "#0f5c5c",
)
"""Blocs, largest first: distinct from each other and from the green and red of the ties."""

TYPE_COLOURS = {
    "AGREE": "#00441b",
    "COOPERATE": "#1b7837",
    "AID": "#41ab5d",
    "SUPPORT": "#78c679",
    "CONSULT": "#addd8e",
    "CONCEDE": "#d9f0a3",
    "REQUEST": "#9ecae1",
    "RETREAT": "#bdbdbd",
    "MOBILIZE": "#737373",
    "ACCUSE": "#fdd0a2",
    "REJECT": "#fdae6b",
    "PROTEST": "#f16913",
    "THREATEN": "#d94801",
    "SANCTION": "#cb181d",
    "COERCE": "#a50f15",
    "ASSAULT": "#67000d",
}
"""PLOVER types: greens for cooperation, grey for neither, oranges to dark red for hostility."""


def bloc_colour(coalitions: Sequence[Coalition], index: int) -> str:
    """The colour of the bloc at ``index`` (-1: none); lone actors and late blocs are grey."""
    if 0 <= index < min(len(coalitions), len(BLOC_COLOURS)) and len(coalitions[index].members) > 1:
        return BLOC_COLOURS[index]
    return LONE
