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
from itertools import pairwise
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
#: Words of the compass that news writes in lower case before a proper adjective.
_COMPASS = {"Eastern", "Western", "Northern", "Southern", "Central"}
_PROVINCE = re.compile(r"^(.+['’]s .+) Province$")
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
        found = self._counted_people(doc, found)
        found = self._nominals(doc, found, year)
        taken = {i for f in found for i in range(f.start, f.end)}
        for ent in doc.ents:
            if (ent.label_ in UNKNOWN_LABELS or ent.label_ in PLACE_LABELS) and not any(
                i in taken for i in range(ent.start, ent.end)
            ):
                towns = _coordinated_towns(ent)
                if towns:  # "Sderot and Ashkelon" is two towns, not one organisation
                    found += [Found(s, e, "ner", None, label="GPE") for s, e in towns]
                elif ent[-1].lemma_.lower() in FACILITIES and ent.label_ in ("PERSON", "ORG"):
                    # "Sanaa airport" is a place someone holds, not someone
                    found.append(Found(ent.start, ent.end, "ner", None, label="FAC"))
                else:
                    found.append(Found(ent.start, ent.end, "ner", None, label=ent.label_))
        return self._titles(found)

    def _from_alias(self, span: Span) -> Found | None:
        text = span.text
        options = self.aliases.get(text) or self._by_lower.get(" ".join(text.lower().split()))
        if not options:
            return None
        if _first_half_of_adjective(span):
            return None  # "the West African bloc" is no "the West"
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
        # A role noun inside a name nobody knows is part of that name ("the Brigade of X");
        # a lower-case "coast guard" the NER took for a name is no name.
        in_names = {
            i
            for ent in doc.ents
            if ent.label_ in ("ORG", "PERSON")
            and any(t.is_upper or t.is_title for t in ent)
            and not any(i in by_token for i in range(ent.start, ent.end))
            for i in range(ent.start, ent.end)
        }
        heads = [h for h in heads if not any(i in in_names for i in range(h[0], h[1]))]
        phrase_tokens = {i for s, e, _ in heads for i in range(s, e)} | in_names
        for token in doc:
            if token.i in phrase_tokens or token.i in by_token:
                continue
            if token.pos_ in ("NOUN", "PROPN") and not _mass_force(token):
                role = self._role_of(token)
                if role and _someone_new(token):
                    heads.append((token.i, token.i + 1, role))
                elif role is None and token.pos_ == "NOUN":
                    role = self._collective(token, by_token)
                    if role:
                        heads.append((token.i, token.i + 1, role))
        result = list(found)
        spans = self._spans(doc, heads, by_token, in_names)
        for start, end, role in sorted(heads):
            if any(i in by_token for i in range(start, end)):
                continue
            if (start, end) not in spans:
                continue  # a word of a longer nominal phrase ("junta" in "junta supporters")
            head = doc[end - 1]
            owner = self._owner(doc, head, start, by_token)
            first, last, people, role = spans[(start, end)]
            if owner is None:
                alias, place = self._named_by_origin(head)
                if alias is not None and place is not None:  # the mention runs to the name
                    result.append(Found(start, place.i + 1, "kb", alias.actor_id, how=alias.how))
                elif place is not None and role in ARMED_ROLES and place.i not in by_token:
                    # "forces from the Amhara region": someone we do not know, kept as such
                    result.append(Found(start, _phrase_end(place), "ner", None, label="ORG"))
                elif people:
                    # "Islamist militants", "Arab militias": people named by who they are,
                    # someone we do not know, kept as such (and as the role, for "the militias")
                    result.append(Found(first, last, "ner", None, role=role, label="NORP"))
                else:
                    # "ethnic armed groups", "several dozen women", "militia vessels": the role
                    # with the words that say which (coreference still reads the head noun)
                    result.append(Found(first, last, "role", None, role=role))
                continue
            end = max(end, last)  # "Chinese militia vessels": the craft stand for their crews
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

    def _role_of(self, token: Token) -> str | None:
        return self.kb.role_of_noun.get(token.lemma_.lower()) or self.kb.role_of_noun.get(
            token.lower_
        )

    def _collective(self, token: Token, by_token: dict[int, Found]) -> str | None:
        """The role of a body of people named by the words before it: "militant groups" and
        "jihadist organisations" are armed groups, "separatist movements" rebels, "anti-war
        groups", "civil society groups" and "a smaller group" (people gathered) civilians.

        A group with a name ("the militant group Hezbollah", "the Jaish al-Islam group") is
        that name's, a group "of" someone ("a group of protesters") is theirs, and "the group"
        alone is left to coreference.
        """
        lemma = token.lemma_.lower()
        if lemma not in COLLECTIVE_HEADS:
            return None
        children = list(token.children)
        if any(c.dep_ in ("appos", "acl") and c.pos_ == "PROPN" for c in children) or any(
            c.dep_ == "prep" and c.lower_ == "of" for c in children
        ):
            return None
        after = token.nbor() if token.i + 1 < len(token.doc) else None
        if after is not None and (after.i in by_token or after.pos_ == "PROPN" or after.ent_type_):
            return None  # "the militant group Hezbollah", "jihadi groups the Islamic State"
        modifiers = [
            t
            for c in token.lefts
            if c.dep_ in ("amod", "compound", "nmod", "poss") and c.pos_ != "PRON"
            for t in c.subtree
        ]
        if any(t.i in by_token or (t.pos_ == "PROPN" and t.ent_type_ != "NORP") for t in modifiers):
            return None  # a name: "the Jaish al-Islam group", "Hamas's armed wing"
        for t in reversed(modifiers):  # the word nearest the noun says most
            role = self._role_of(t) or self.kb.role_of_noun.get(t.lemma_.lower().rstrip("s"))
            if role is not None:
                return role
        if lemma != "group":
            return None
        words = {t.lower_ for t in modifiers}
        text = " ".join(t.lower_ for t in modifiers).replace(" - ", "-")
        if words & CIVIC or any(w in text for w in ("anti-war", "antiwar", "pro-democracy")):
            return "CVL"
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in children)
        if (
            indefinite
            and words & SIZES
            and token.tag_ == "NN"
            and not any(t.dep_ == "compound" for t in modifiers)  # "a second carrier strike group"
        ):
            return "CVL"  # "a smaller group protested outside the embassy"
        return None

    def _spans(
        self,
        doc: Doc,
        heads: list[tuple[int, int, str]],
        by_token: dict[int, Found],
        in_names: set[int],
    ) -> dict[tuple[int, int], tuple[int, int, bool, str]]:
        """The phrase each role head names, and whether words naming a people we do not know
        ("Islamist", "Arab") are in it; heads swallowed by another's phrase are left out.

        To the left go the modifiers next to the head ("other ethnic forces", "two militia
        vessels", "several dozen women") and a count the head hangs from ("tens of thousands
        of junta supporters", "a group of villagers"); to the right a craft the role crews
        ("militia vessels") and, for civilians, the place they are of ("residents of Hokkaido").
        A role noun of another role before the head stops the phrase: "rebel commander" and
        "junta supporters" stay two, the first naming whom the second serves or backs; one of
        the same role joins it ("civil society activists", "army commanders").
        """
        out: dict[tuple[int, int], tuple[int, int, bool, str]] = {}
        role_tokens = {i: role for s, e, role in heads for i in range(s, e)}
        for start, end, role in heads:
            head = doc[end - 1]
            last = end
            if (
                role in CREWS
                and head.dep_ == "compound"
                and head.head.i == end
                and head.head.lemma_.lower() in CRAFT
                and head.head.i not in by_token
            ):
                head = head.head  # "militia vessels", "navy ships"
                last = head.i + 1
            civilians = self.kb.roles[role].kind == "civilians"
            first = start
            for child in reversed([c for c in head.lefts if c.i < first]):
                if child.dep_ not in MODIFIERS or child.right_edge.i != first - 1:
                    break
                words = range(child.left_edge.i, child.right_edge.i + 1)
                if any(
                    i in by_token
                    or i in in_names
                    or doc[i].ent_type_ in NAME_LABELS
                    or role_tokens.get(i, role) != role
                    or (doc[i].is_punct and doc[i].text not in ("-", "–"))
                    for i in words
                ):
                    break
                first = child.left_edge.i
            first = _counted_from(head, first, by_token)
            if civilians and last == head.i + 1:
                last = _of_place(head, last, by_token)
            people = any(doc[i].ent_type_ == "NORP" for i in range(first, start))
            out[(start, end)] = (first, last, people, self._irregular(doc, first, start, role))
        # a head inside another's phrase is a word of it ("junta" in "junta supporters")
        inner = {
            key
            for key in out
            for other, (first, last, _, _) in out.items()
            if other != key and first <= key[0] and key[1] <= last
        }
        return {key: value for key, value in out.items() if key not in inner}

    def _irregular(self, doc: Doc, first: int, start: int, role: str) -> str:
        """ "ethnic forces", "tribal fighters", "militant forces" are no state's army."""
        if role != "MIL":
            return role
        for token in doc[first:start]:
            if token.lower_ in IRREGULAR:
                return "UAF"
            other = self._role_of(token)
            if other in ARMED_ROLES and other != "MIL":
                return other
        return role

    def _counted_people(self, doc: Doc, found: list[Found]) -> list[Found]:
        """A state's people counted are its citizens, not the state: "several hundred South
        Koreans rallied", "thousands of Afghans fled", "two Americans were killed"."""
        out: list[Found] = []
        taken = {i for f in found for i in range(f.start, f.end)}
        for f in found:
            head = doc[f.end - 1]
            if (
                f.source != "kb"
                or f.how != "demonym"
                or f.actor_id not in self.kb.states
                or head.tag_ not in ("NNPS", "NNS")
                or head.dep_ in ("compound", "amod", "poss")
            ):
                out.append(f)
                continue
            first = f.start
            for child in head.lefts:
                if child.i < first and (
                    child.dep_ in ("nummod", "quantmod")
                    or (child.dep_ in ("amod", "det") and child.lower_ in MANY)
                ):
                    first = child.left_edge.i
            first = _counted_from(head, first, {i: f for i in taken if i < f.start})
            if first == f.start:
                out.append(f)
                continue
            actor_id = self.kb.sector_id(f.actor_id, "CVL")
            out.append(Found(first, f.end, "nominal", actor_id, role="CVL", how=f.how))
        return out

    def _owner(self, doc: Doc, head: Token, start: int, by_token: dict[int, Found]) -> Found | None:
        """A known actor in the role noun's phrase: left of it ("Iranian" in "Iranian troops"),
        or a state after "from" ("financiers from Kuwait")."""
        for i in range(start - 1, head.left_edge.i - 1, -1):
            f = by_token.get(i)
            if f is not None and f.source == "kb":
                if _backer(doc[i]):
                    return None  # "the Saudi-backed government" is not Saudi Arabia's
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
#: Words that make forces irregular: "ethnic forces" are armed groups, not an army.
IRREGULAR = {"ethnic", "tribal", "clan", "irregular", "militant", "jihadist", "paramilitary"}
#: Nouns of a body of people that the words before them make an actor ("militant groups").
COLLECTIVE_HEADS = {"group", "organisation", "organization", "outfit", "faction", "movement"}
#: Words that make a group one of civil society ("anti-war groups", "women's groups").
CIVIC = {
    "peace",
    "society",
    "women",
    "woman",
    "protest",
    "campaign",
    "advocacy",
    "environmental",
    "community",
    "youth",
    "grassroots",
    "civic",
    "feminist",
    "citizens",
    "residents",
    "victims",
    "families",
}
#: Words of size that make "a smaller group" a crowd of its own.
SIZES = {"small", "smaller", "large", "larger", "big", "bigger", "second", "separate", "tiny"}
#: Roles that crew craft: "militia vessels", "navy ships", "police boats".
CREWS = {"MIL", "UAF", "REB", "COP"}
#: Craft that stand for the people on board when a role names them ("militia vessels").
CRAFT = {"vessel", "ship", "boat", "speedboat", "trawler", "craft", "aircraft", "plane", "truck"}
#: Nouns that count people: "tens of thousands of supporters", "a group of villagers".
COUNTING = {
    "million",
    "thousand",
    "hundred",
    "dozen",
    "ten",
    "score",
    "number",
    "group",
    "handful",
    "couple",
    "crowd",
    "band",
    "throng",
    "busload",
}
#: Words of number that make a state's people its citizens ("many Iraqis").
MANY = {"many", "several", "some", "few", "numerous", "dozens", "hundreds", "thousands"}
#: Dependents on the left of a role noun that say which ones it names.
MODIFIERS = {"amod", "compound", "nummod", "quantmod", "nmod"}
#: Entity labels of names a role phrase does not swallow: they are actors or places.
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
#: Nouns of people that name someone new only when held as suspects.
PERSON_NOUNS = {"man", "woman", "men", "women"}
#: Verbs whose object is held as a suspect ("police arrested a second man").
HELD = {"arrest", "detain", "apprehend", "charge", "indict", "jail", "hold", "question"}


#: Participles whose hyphenated subject backs the noun but does not own it ("Iran-backed").
BACKING = {
    "back",
    "backed",
    "support",
    "supported",
    "fund",
    "funded",
    "arm",
    "armed",
    "train",
    "trained",
    "sponsor",
    "sponsored",
    "align",
    "aligned",
    "ally",
    "allied",
    "finance",
    "financed",
    "equip",
    "equipped",
}


def _backer(token: Token) -> bool:
    """ "Saudi" in "the Saudi-backed government": the subject of a backing participle."""
    head = token.head
    return (
        token.dep_ in ("npadvmod", "compound", "nmod", "amod")
        and head.i != token.i
        and head.dep_ == "amod"
        and (head.lemma_.lower() in BACKING or head.lower_ in BACKING)
    )


#: Endings of the regional adjectives a compass word joins ("West African", "South Asian",
#: "Middle Eastern").
REGIONAL_ENDINGS = ("an", "ern", "ic")


def _first_half_of_adjective(span: Span) -> bool:
    """A compass name followed by a regional adjective is the first half of that adjective:
    "the West African bloc", "East Asian states"."""
    last = span[-1]
    if last.i + 1 >= len(span.doc) or last.lower_ not in COMPASS_WORDS:
        return False
    after = span.doc[last.i + 1]
    return after.text[:1].isupper() and after.lower_.endswith(REGIONAL_ENDINGS)


#: Words of the compass that name a bloc or a half of a country on their own ("the West").
COMPASS_WORDS = {"west", "east", "north", "south", "middle"}


#: Last words of the names of places built for a purpose ("Sanaa airport", "Evin prison").
FACILITIES = {
    "airport",
    "airbase",
    "port",
    "seaport",
    "harbour",
    "harbor",
    "base",
    "hospital",
    "school",
    "university",
    "bridge",
    "dam",
    "plant",
    "refinery",
    "prison",
    "stadium",
    "palace",
    "square",
    "market",
    "hotel",
    "station",
    "terminal",
    "crossing",
    "checkpoint",
    "pipeline",
}


def _coordinated_towns(ent: Span) -> list[tuple[int, int]]:
    """The parts of a name the NER ran over a coordination ("Sderot and Ashkelon") when each
    part is a town or province the gazetteer knows; otherwise nothing."""
    cuts = [t.i for t in ent if t.lower_ in ("and", ",") and ent.start < t.i < ent.end - 1]
    if not cuts:
        return []
    from factions.events._gazetteer import known_place

    bounds = [ent.start, *cuts, ent.end]
    parts = [(a + (a != ent.start), b) for a, b in pairwise(bounds) if b - a - (a != ent.start) > 0]
    towns = ("city", "province", "country")
    return parts if all(known_place(ent.doc[a:b].text, towns) for a, b in parts) else []


def _someone_new(token: Token) -> bool:
    """ "Police arrested a second man": men and women held as suspects are someone new.
    "The two men" and "his men" are people named before (or fighters), which coreference of
    persons handles; "killing a woman and her two children" names the civilians hit by the
    whole phrase, not by its first noun. Men and women who act ("several dozen women
    gathered") would be actors too, but the event coder does not yet type or aim their acts
    well enough for them to be kept ("defy the morality police" comes out a rejection)."""
    if token.lower_ not in PERSON_NOUNS and token.lemma_.lower() not in PERSON_NOUNS:
        return True
    if any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
        or c.dep_ == "poss"
        for c in token.children
    ):
        return False
    verb = token.head
    return token.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in HELD


def _counted_from(head: Token, first: int, by_token: dict[int, Found]) -> int:
    """Where a phrase starts when its head is counted: "tens of thousands of junta supporters",
    "a group of villagers", "dozens of Syrians"."""
    of = head.head
    if head.dep_ != "pobj" or of.lower_ != "of" or of.i != first - 1:
        return first
    counter = of.head
    if counter.lemma_.lower() not in COUNTING or counter.i > head.i:
        return first
    start = counter.left_edge.i
    if any(i in by_token for i in range(start, of.i)):
        return first
    return start


def _of_place(head: Token, last: int, by_token: dict[int, Found]) -> int:
    """ "residents of Hokkaido": civilians of a place nobody knows as an actor run to its name."""
    if last >= len(head.doc):
        return last
    prep = head.doc[last]
    if prep.head != head or prep.dep_ != "prep" or prep.lower_ != "of":
        return last
    place = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if place is None or place.pos_ != "PROPN" or place.i in by_token:
        return last
    words = [t for t in place.subtree if t.dep_ == "compound" or t is place]
    if any(t.i in by_token for t in words) or words[0].i != prep.i + 1:
        return last
    return place.i + 1


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
    if text.split(" ", 1)[0] in _COMPASS and " " in text:  # "eastern European states"
        yield text[0].lower() + text[1:]
    province = _PROVINCE.match(text)
    if province:  # "Islamic State's Sahel Province" is its "Sahel branch" in news
        for word in ("branch", "affiliate", "province", "wing"):
            yield f"{province[1]} {word}"
    if _ARTICLE_PREFIX.search(text):
        for particle in ("al-", "Al-", "el-", "El-"):
            yield _ARTICLE_PREFIX.sub(particle, text)
        stripped = _ARTICLE_PREFIX.sub("", text)
        if len(stripped) > 3 and stripped != text:
            yield stripped
