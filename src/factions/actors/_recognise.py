"""Finding actor mentions in one parsed block: known names, nominal actors, named entities.

Three sources, in order of trust:

1. the knowledge base's aliases, through two PhraseMatchers built once per process (exact
   case for names, lower case for names written in lower case, such as "regional states");
2. nominal actors: a role noun ("troops", "rebel groups", "officials") whose noun phrase holds
   a state's name or demonym ("Iranian troops" → IRNMIL) or a known group ("Hezbollah
   fighters" → Hezbollah); without one it is a bare role left for coreference ("the rebels");
3. spaCy's named entities that nothing above explains: kept as unknown actors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from factions.actors._kb import Alias, KnowledgeBase
from factions.actors._unknown import ACTOR_LABELS as UNKNOWN_LABELS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span, Token

#: Entity labels of towns and provinces: kept as well, for the resolver to read as the state
#: they lie in ("M23 seized Goma"), or to drop when the gazetteer does not know them.
PLACE_LABELS = {"GPE", "LOC", "FAC"}
_ARTICLE_PREFIX = re.compile(r"\b(al|el|ad|ash|as|an|at|az|ar|ud)-(?=\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Found:
    """A mention found in a block, before coreference; offsets are the block's tokens."""

    start: int
    end: int
    source: str
    """'kb', 'nominal', 'role' (bare role noun), 'ner' (unknown)."""
    actor_id: str | None
    role: str | None = None
    how: str | None = None
    label: str | None = None
    title_code: str | None = None
    """For a person: the office named by a title in front ("Kremlin spokesman X" → RUSGOV)."""
    name_start: int | None = None
    """Where the name itself starts when a title was joined in front of it."""


class Recogniser:
    """Matchers over every alias of a knowledge base, for one spaCy vocabulary."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        from spacy.matcher import PhraseMatcher

        self.kb = kb
        self._exact: PhraseMatcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lower: PhraseMatcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._phrases: PhraseMatcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.aliases: dict[str, list[Alias]] = {}
        self._by_lower: dict[str, list[Alias]] = {}  # for matches that differ only in case
        exact: dict[str, None] = {}
        lower: dict[str, None] = {}
        for alias in kb.aliases():
            for text in _variants(alias.text):
                self.aliases.setdefault(text, []).append(alias)
                self._by_lower.setdefault(" ".join(text.lower().split()), []).append(alias)
                if alias.case_sensitive or _looks_like_acronym(text) or text != text.lower():
                    exact.setdefault(text, None)
                else:
                    lower.setdefault(text, None)
        for matcher, texts in ((self._exact, exact), (self._lower, lower)):
            for text in texts:
                matcher.add(text, [nlp.make_doc(text)])
        for phrase in kb.role_of_phrase:
            self._phrases.add(phrase, [nlp.make_doc(phrase)])

    def find(self, doc: Doc, year: int | None = None) -> list[Found]:
        """All mentions in one block, non-overlapping, in text order.

        ``year`` (of publication) decides which office a named person held.
        """
        from spacy.util import filter_spans

        spans = [doc[s:e] for matcher in (self._exact, self._lower) for _key, s, e in matcher(doc)]
        kept = filter_spans(spans)
        found = [f for f in map(self._from_alias, kept) if f is not None]
        found = self._inside_names(doc, found)
        found = self._nominals(doc, found, year)
        taken = {i for f in found for i in range(f.start, f.end)}
        for ent in doc.ents:
            if (ent.label_ in UNKNOWN_LABELS or ent.label_ in PLACE_LABELS) and not any(
                i in taken for i in range(ent.start, ent.end)
            ):
                found.append(Found(ent.start, ent.end, "ner", None, label=ent.label_))
        return self._titles(found)

    def _from_alias(self, span: Span) -> Found | None:
        text = span.text
        options = self.aliases.get(text) or self._by_lower.get(" ".join(text.lower().split()))
        if not options:
            return None
        alias = _best(options)
        return Found(span.start, span.end, "kb", alias.actor_id, how=alias.how)

    def _inside_names(self, doc: Doc, found: list[Found]) -> list[Found]:
        """A demonym or capital inside a longer unknown name is part of the name.

        "Abu Hassan al-Kuwaiti" is a person, not Kuwait; "Syrian Democratic Council" is one
        organisation, not Syria. Names and aliases of known actors are kept whatever the NER
        says, as they are more specific than it.
        """
        weak = {"demonym", "capital", "metonym"}
        drop: set[int] = set()
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG") or self._ends_in_role(ent):
                continue  # "Sudanese Armed Forces" are Sudan's forces, whatever their name
            start = ent.start + (doc[ent.start].lower_ == "the")
            inside = [f for f in found if start <= f.start and f.end <= ent.end]
            if (
                inside
                and all(f.how in weak for f in inside)
                and any(f.end - f.start < ent.end - start for f in inside)
            ):
                drop.update(id(f) for f in inside)
        return [f for f in found if id(f) not in drop]

    def _ends_in_role(self, ent: Span) -> bool:
        last = ent[-1]
        if self.kb.role_of_noun.get(last.lemma_.lower()) or self.kb.role_of_noun.get(last.lower_):
            return True
        text = ent.text.lower()
        return any(text.endswith(" " + phrase) for phrase in self.kb.role_of_phrase)

    # -- nominal actors -----------------------------------------------------------------------

    def _nominals(self, doc: Doc, found: list[Found], year: int | None) -> list[Found]:
        by_token = {i: f for f in found for i in range(f.start, f.end)}
        heads: list[tuple[int, int, str]] = []
        for key, s, e in self._phrases(doc):
            phrase = doc.vocab.strings[key]
            heads.append((s, e, self.kb.role_of_phrase[phrase]))
        # A role noun inside a name nobody knows is part of that name ("the Brigade of X").
        in_names = {
            i
            for ent in doc.ents
            if ent.label_ in ("ORG", "PERSON")
            and not any(i in by_token for i in range(ent.start, ent.end))
            for i in range(ent.start, ent.end)
        }
        heads = [h for h in heads if not any(i in in_names for i in range(h[0], h[1]))]
        phrase_tokens = {i for s, e, _ in heads for i in range(s, e)} | in_names
        for token in doc:
            if token.i in phrase_tokens or token.i in by_token:
                continue
            if token.pos_ in ("NOUN", "PROPN") and not _mass_force(token):
                role = self.kb.role_of_noun.get(token.lemma_.lower()) or self.kb.role_of_noun.get(
                    token.lower_
                )
                if role:
                    heads.append((token.i, token.i + 1, role))
        result = list(found)
        for start, end, role in sorted(heads):
            if any(i in by_token for i in range(start, end)):
                continue
            head = doc[end - 1]
            owner = self._owner(doc, head, start, by_token)
            if owner is None:
                alias, place = self._named_by_origin(head)
                if alias is not None and place is not None:  # the mention runs to the name
                    result.append(Found(start, place.i + 1, "kb", alias.actor_id, how=alias.how))
                elif place is not None and role in ARMED_ROLES and place.i not in by_token:
                    # "forces from the Amhara region": someone we do not know, kept as such
                    result.append(Found(start, _phrase_end(place), "ner", None, label="ORG"))
                else:
                    result.append(Found(start, end, "role", None, role=role))
                continue
            result = [f for f in result if f is not owner]
            actor_id = self._nominal_actor(owner, role, year)
            if actor_id is None:
                result.append(owner)
                continue
            merged = Found(
                min(owner.start, start),
                max(owner.end, end),
                "nominal",
                actor_id,
                role=role,
                how=owner.how,
            )
            result.append(merged)
            for i in range(merged.start, merged.end):
                by_token[i] = merged
        return result

    def _owner(self, doc: Doc, head: Token, start: int, by_token: dict[int, Found]) -> Found | None:
        """A known actor in the role noun's phrase: left of it ("Iranian" in "Iranian troops"),
        or a state after "from" ("financiers from Kuwait")."""
        for i in range(start - 1, head.left_edge.i - 1, -1):
            f = by_token.get(i)
            if f is not None and f.source == "kb":
                return f
        if any(c.dep_ == "poss" for c in head.children):
            return None  # "its forces from Iraq": whose they are is the possessor's to say
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "from":
                for grand in child.children:
                    f = by_token.get(grand.i)
                    if grand.dep_ == "pobj" and f is not None and f.actor_id in self.kb.states:
                        return replace(f, start=start, end=f.end)
        return None

    def _named_by_origin(self, head: Token) -> tuple[Alias | None, Token | None]:
        """ "forces from the northern region of Tigray" are the actor called "Tigray forces",
        "fighters from Hezbollah" the one called "Hezbollah fighters", when we know it; also
        the name of the place they come from, known or not. A possessor says whose they are
        first: "its forces from Iraq" are withdrawn from Iraq, not Iraq's."""
        if any(c.dep_ == "poss" for c in head.children):
            return None, None
        following = [head.nbor()] if head.i + 1 < len(head.doc) else []
        for child in (*head.children, *following):  # the parser may hang it elsewhere
            if child.dep_ != "prep" or child.lower_ != "from":
                continue
            place = next((g for g in child.children if g.dep_ == "pobj"), None)
            if place is not None and place.pos_ == "NOUN":  # "the region of Tigray"
                of = next(
                    (c for c in place.children if c.dep_ == "prep" and c.lower_ == "of"), None
                )
                named = [c for c in place.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
                if of is not None:
                    place = next((g for g in of.children if g.dep_ == "pobj"), None)
                elif named:  # "the Amhara region"
                    place = named[-1]
                else:
                    place = None
            if place is None or place.pos_ != "PROPN":
                return None, None
            words = [t.text for t in place.subtree if t.dep_ == "compound" or t is place]
            name = " ".join(words)
            for text in (f"{name} {head.text}", f"{name} {head.lemma_}"):
                options = self._by_lower.get(text.lower())
                if options:
                    return _best(options), place
            return None, place
        return None, None

    def _nominal_actor(self, owner: Found, role: str, year: int | None) -> str | None:
        actor_id = owner.actor_id
        if actor_id is None:
            return None
        if actor_id in self.kb.states:
            return self.kb.sector_id(actor_id, role)
        actor = self.kb.get(actor_id)
        if actor is None:
            return None
        if actor.kind == "government" and actor.country:  # "Moscow's troops"
            return self.kb.sector_id(actor.country, role)
        if actor.kind == "person":  # "Assad's forces", "the Assad regime"
            office = self.kb.office_at(actor_id, year)
            served = self.kb.get(office.for_) if office else None
            if served is not None and served.country and served.country in self.kb.states:
                return self.kb.sector_id(served.country, role)
            return None
        return actor_id  # "Hezbollah fighters" are Hezbollah

    def _titles(self, found: list[Found]) -> list[Found]:
        """A title in front of a person's name joins the name ("Syrian President Bashar Assad")."""
        found = sorted(found, key=lambda f: f.start)
        out: list[Found] = []
        for f in found:
            person = _is_person(f, self.kb)
            if person and out and out[-1].end == f.start and out[-1].source in ("nominal", "kb"):
                title = out[-1]
                title_actor = self.kb.get(title.actor_id) if title.actor_id else None
                if title_actor is not None and title_actor.kind in (
                    "government",
                    "military",
                    "police",
                ):
                    out[-1] = replace(
                        f, start=title.start, title_code=title_actor.code, name_start=f.start
                    )
                    continue
            out.append(f)
        return out


#: Roles whose members coming "from" somewhere unknown make a group of their own.
ARMED_ROLES = {"MIL", "UAF", "REB"}


def _phrase_end(place: Token) -> int:
    """The end of the phrase naming where a group comes from ("…the Amhara region")."""
    end = place.i + 1
    head = place.head
    if place.dep_ == "compound" and head.i == end:
        end = head.i + 1
    return end


def _mass_force(token: Token) -> bool:
    """ "use force", "the threat of force", "by force": violence, not a body of troops, which
    comes with a determiner, a modifier or a plural ("a force", "UN forces")."""
    return token.lower_ == "force" and not any(
        c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in token.children
    )


def _is_person(f: Found, kb: KnowledgeBase) -> bool:
    if f.source == "ner":
        return f.label == "PERSON"
    if f.source == "kb" and f.actor_id:
        actor = kb.get(f.actor_id)
        return actor is not None and actor.kind == "person"
    return False


def _best(options: list[Alias]) -> Alias:
    """Names beat aliases beat metonyms beat demonyms when two entries share a surface form."""
    order = {"name": 0, "alias": 1, "capital": 2, "metonym": 2, "demonym": 3}
    return min(options, key=lambda a: order[a.how])


def _looks_like_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)


def _variants(text: str) -> Iterator[str]:
    """Spelling variants news uses: al-/Al-/el- particles, hyphens as spaces, The/the."""
    yield text
    if text[:4] in ("The ", "the "):
        yield ("the " if text[0] == "T" else "The ") + text[4:]
    if "-" in text:
        yield text.replace("-", " ")
    if _ARTICLE_PREFIX.search(text):
        for particle in ("al-", "Al-", "el-", "El-"):
            yield _ARTICLE_PREFIX.sub(particle, text)
        stripped = _ARTICLE_PREFIX.sub("", text)
        if len(stripped) > 3 and stripped != text:
            yield stripped
