"""Event coding: who did what to whom, in PLOVER and CAMEO, from one spaCy parse.

The lexicon (``data/events/*.yaml``) maps verb frames and nominal triggers to PLOVER types and
CAMEO codes; :class:`RuleEventCoder` reads their arguments off the dependency tree and resolves
them through the actor mentions, with negation, modality and attribution.
"""

from __future__ import annotations

from factions.events._coder import RuleEventCoder
from factions.events._lexicon import Lexicon, LexiconError, load_lexicon, quad_class

__all__ = ["Lexicon", "LexiconError", "RuleEventCoder", "load_lexicon", "quad_class"]
