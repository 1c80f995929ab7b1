"""Finding the places a sentence names, and geocoding them with the offline gazetteer.

The small spaCy model's entity labels are unreliable for places ("Aleppo" comes out NORP,
"Bogotá" PERSON, "Sahel" PRODUCT), so candidates are every entity and every run of proper
nouns; the gazetteer and the syntax decide. A name the parser tagged as a location, or one
inside a locative phrase ("in", "near", "Idlib province", "north of"), is taken whatever it
resolves to; elsewhere only countries, capitals and our curated provinces and regions are, so
that a surname that is also a Japanese town ("Obama") stays a person.

Phrases are built around the names: "Idlib province" and "the province of Helmand" (province
precision), "north-western Syria" and "the north of Syria" (region, coordinates moved toward
that side), "near the Turkish border" and "the border with Turkey" (region, between the two
countries). Choosing which place belongs to which event is the event coder's job; each mention
says how it sits in the sentence (``role``, ``is_subject_like``) so that "Moscow said" can be
read as an actor rather than a location.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from factions.events._gazetteer import (
    DEFAULT_RADIUS_KM,
    Gazetteer,
    GazetteerEntry,
    move,
    with_precision,
)
from factions.records import Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

LOCATIVE_PREPS = frozenset({
    "in", "at", "near", "from", "across", "into", "outside", "inside", "within", "throughout",
    "around", "along", "over", "through", "toward", "towards", "to", "off", "on", "onto",
    "beyond", "under", "via", "past", "beside", "amid",
})  # fmt: skip
#: Prepositions whose object acts as a participant ("talks with Moscow", "sanctions against
#: Iran", "talks between Kyiv and Moscow"); "the border between" is read before roles are.
_PARTICIPANT_PREPS = frozenset({
    "with", "against", "between", "by", "for", "of", "about", "than", "like",
})  # fmt: skip
PROVINCE_NOUNS = frozenset({
    "province", "governorate", "region", "state", "oblast", "district", "county", "department",
    "prefecture", "territory", "division", "municipality", "krai", "emirate", "canton",
})  # fmt: skip
CITY_NOUNS = frozenset(("city", "town", "village"))
_KIND_NOUNS = PROVINCE_NOUNS | CITY_NOUNS
BORDER_NOUNS = frozenset(("border", "frontier", "boundary"))
#: Bearings in degrees; None is "central" (no move).
DIRECTIONS: dict[str, int | None] = {
    "north": 0, "northern": 0, "northeast": 45, "northeastern": 45, "east": 90, "eastern": 90,
    "southeast": 135, "southeastern": 135, "south": 180, "southern": 180, "southwest": 225,
    "southwestern": 225, "west": 270, "western": 270, "northwest": 315, "northwestern": 315,
    "central": None,
}  # fmt: skip
_DIRECTION_PARTS = frozenset(DIRECTIONS)
_ADJECTIVE = {0: "northern", 45: "north-eastern", 90: "eastern", 135: "south-eastern",
              180: "southern", 225: "south-western", 270: "western", 315: "north-western",
              None: "central"}  # fmt: skip
_NOUN = {0: "north", 45: "north-east", 90: "east", 135: "south-east", 180: "south",
         225: "south-west", 270: "west", 315: "north-west", None: "centre"}  # fmt: skip
_PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
_NUMERIC_LABELS = frozenset(("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"))
#: Lower-case words allowed inside a multi-word name ("Strait of Hormuz", "Deir ez-Zor").
_CONNECTORS = frozenset({
    "of", "and", "de", "del", "el", "al", "ez", "es", "ad", "as", "ash", "at", "az", "ar", "an",
    "la", "le", "du", "des", "ul", "e", "i",
})  # fmt: skip
#: Nouns after which "of X" is a location ("the outskirts of Aleppo", "control of Qamishli");
#: after others it names a participant ("the president of Syria").
_LOCATIVE_OF = frozenset({
    "outskirts", "part", "parts", "control", "centre", "center", "edge", "suburbs", "suburb",
    "heart", "area", "areas", "streets", "countryside", "capture", "siege", "outside", "rest",
    "west", "east", "north", "south", "city", "town", "village", "province", "region",
})  # fmt: skip
_SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass", "csubj", "csubjpass", "poss", "agent"))
_OBJECT_DEPS = frozenset(("dobj", "iobj", "dative", "attr", "oprd"))
_MODIFIER_DEPS = frozenset(("compound", "amod", "nmod", "npadvmod", "nummod"))
_MAX_NAME_TOKENS = 6


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a sentence, with where it is and how it sits in the sentence."""

    text: str
    """As written: "Idlib province", "north-western Syria", "near the Turkish border"."""
    start: int
    """Character offsets in the spaCy Doc's text."""
    end: int
    head: int
    """Token index (in the Doc) of the phrase's head, to relate it to a verb."""
    place: Place
    is_subject_like: bool = False
    """A bare country or city name as subject, object or participant ("Moscow said",
    "talks with Kigali"): likely an actor (a metonym), not where something happened."""
    role: str = "other"
    """subject, object, participant (object of with/against/of...), locative, modifier, other."""


@dataclass(frozen=True, slots=True)
class _Found:
    first: int
    """Token range [first, last) of the whole phrase."""
    last: int
    head: int
    place: Place
    key: str
    """The name looked up, when the place is one name as written (for context)."""
    bare: bool
    named: tuple[str, ...] = ()
    """Countries a border phrase names ("the Pakistan-Afghanistan border")."""


def find_places(
    doc_or_span: Doc | Span, gazetteer: Gazetteer, *, countries: Collection[str] = ()
) -> list[PlaceMention]:
    """Places in a sentence (a spaCy Span or Doc), in text order.

    ``countries`` (ISO-3) are the document's context, e.g. from :func:`context_countries`;
    the sentence's own unambiguous places and demonyms are added to it.
    """
    local = _settled_countries(doc_or_span, gazetteer)
    found = _find(doc_or_span, gazetteer, frozenset(countries) | local)
    doc = _doc_of(doc_or_span)
    return [_mention(doc, f) for f in found]


def context_countries(doc: Doc | Span, gazetteer: Gazetteer) -> set[str]:
    """ISO-3 codes of every country and place a document names (demonyms included).

    Two passes, as mordecai does with its country context: names that no context could
    change ("Atlanta", "Syria", "Syrian") set the context; the ambiguous ones ("Georgia",
    "Tripoli") are then resolved in it and add their countries too.
    """
    settled = _settled_countries(doc, gazetteer)
    codes = set(settled)
    codes.update(f.place.country for f in _find(doc, gazetteer, settled) if f.place.country)
    return codes


def _settled_countries(span: Doc | Span, gazetteer: Gazetteer) -> frozenset[str]:
    codes: set[str] = set()
    for found in _find(span, gazetteer, frozenset()):
        codes.update(found.named)
        if found.place.country and found.key and gazetteer.settled(found.key):
            codes.add(found.place.country)
    for token in span:
        if token.pos_ in ("ADJ", "PROPN", "NOUN") and token.text[:1].isupper():
            code = gazetteer.demonym(token.text)
            if code:
                codes.add(code)
    return frozenset(codes)


def _doc_of(span: Doc | Span) -> Doc:
    from spacy.tokens import Span

    return span.doc if isinstance(span, Span) else span


def _bounds(span: Doc | Span) -> tuple[int, int]:
    from spacy.tokens import Span

    return (span.start, span.end) if isinstance(span, Span) else (0, len(span))


def _find(span: Doc | Span, gazetteer: Gazetteer, context: frozenset[str]) -> list[_Found]:
    doc = _doc_of(span)
    found = list(_borders(span, gazetteer, context))
    taken = {i for f in found for i in range(f.first, f.last)}
    # Where a list of places goes on ("in Mosul, Kirkuk and Erbil"): the later names are
    # places whatever the parser made of them.
    listed: set[int] = set()
    for first, last, label in sorted(_segments(span, taken)):
        for match in _names(doc, first, last, label, gazetteer, context, listed):
            if not taken.intersection(range(match.first, match.last)):
                found.append(match)
                taken.update(range(match.first, match.last))
                k = match.last
                while k < len(doc) and doc[k].lower_ in (",", "and", "or"):
                    k += 1
                if k > match.last:
                    listed.add(k)
    return sorted(found, key=lambda f: f.first)


def _segments(span: Doc | Span, taken: set[int]) -> Iterator[tuple[int, int, str]]:
    """Entities and runs of proper nouns, as token ranges with the entity label ("" for runs)."""
    doc = _doc_of(span)
    in_entity: set[int] = set()
    for ent in span.ents:
        in_entity.update(range(ent.start, ent.end))
        if ent.label_ in _NUMERIC_LABELS:
            if ent.end - ent.start == 1 and doc[ent.start].is_title:
                in_entity.discard(ent.start)  # "Second" of "Second Thomas Shoal" may start a name
            continue
        first, last = ent.start, ent.end
        while first < last and (doc[first].lower_ == "the" or doc[first].is_punct):
            first += 1
        while last > first and (doc[last - 1].tag_ == "POS" or doc[last - 1].is_punct):
            last -= 1
        if first < last and not taken.intersection(range(first, last)):
            yield first, last, ent.label_
    start, end = _bounds(span)
    i = start
    while i < end:
        titled = doc[i].is_title and i + 1 < end and doc[i + 1].pos_ == "PROPN"
        if i in in_entity or i in taken or (doc[i].pos_ != "PROPN" and not titled):
            i += 1
            continue
        j = i + 1
        while j < end and j not in in_entity and j not in taken:
            token = doc[j]
            joins = token.lower_ in _CONNECTORS or (
                token.text == "-" and not doc[j - 1].whitespace_
            )
            if token.pos_ == "PROPN":
                j += 1
            elif joins and j + 1 < end and doc[j + 1].pos_ == "PROPN":
                j += 2
            else:
                break
        yield i, j, ""
        i = j


def _names(
    doc: Doc,
    first: int,
    last: int,
    label: str,
    gazetteer: Gazetteer,
    context: frozenset[str],
    listed: set[int],
) -> Iterator[_Found]:
    """Greedy longest names inside a segment, each grown into its phrase and checked."""
    whole_only = bool(label) and label not in _PLACE_LABELS and last - first > 1
    i = first
    while i < last:
        for j in range(min(last, i + _MAX_NAME_TOKENS), i, -1):
            if whole_only and (i, j) != (first, last):
                continue
            words = doc[i:j]
            if j - i == 1 and (words[0].lower_ in _DIRECTION_PARTS or words[0].is_punct):
                continue
            if words[0].lower_ in _CONNECTORS or words[-1].lower_ in _CONNECTORS:
                continue
            if not gazetteer.knows(words.text):
                continue
            trusted = label in _PLACE_LABELS or i in listed
            match = _phrase(doc, i, j, gazetteer, context, trusted=trusted)
            if match is not None:
                yield match
                i = max(j, match.last) - 1
            break
        i += 1


def _phrase(
    doc: Doc, i: int, j: int, gazetteer: Gazetteer, context: frozenset[str], *, trusted: bool
) -> _Found | None:
    """Grow the name doc[i:j] into its phrase (suffix, "the province of", direction) and
    decide whether it is a place here."""
    name = doc[i:j].text
    following = doc[j].lower_ if j < len(doc) else ""
    if following in _KIND_NOUNS:
        entry = gazetteer.resolve(doc[i : j + 1].text, countries=context)
        if entry is None and not _is_country(gazetteer, name):  # not "Iran state TV"
            entry = _typed(gazetteer, name, following, context)
        if entry is not None:
            found = _directed(doc, i, j + 1, j, entry, key=name, bare=False)
            return _of_country(doc, found, gazetteer)
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _KIND_NOUNS:
        entry = _typed(gazetteer, name, doc[i - 2].lower_, context)
        if entry is not None:
            start = i - 3 if i >= 3 and doc[i - 3].lower_ == "the" else i - 2
            return _Found(start, j, i - 2, entry.place, name, bare=False)
    entry = gazetteer.resolve(name, countries=context)
    if entry is None:
        return None
    root = doc[i:j].root
    found = _directed(doc, i, j, root.i, entry, key=name, bare=True)
    if not found.bare or trusted or _role(root) == "locative" or _standalone(entry):
        return found
    if _said_to_be_a_place(root):
        return found
    return None


#: Nouns an apposition uses to say a name is a place ("Mekelle, the Tigrayan capital").
_PLACE_APPOSITIONS = _KIND_NOUNS | {"capital", "stronghold", "hub", "port", "seat"}


def _said_to_be_a_place(root: Token) -> bool:
    return any(c.dep_ == "appos" and c.lemma_.lower() in _PLACE_APPOSITIONS for c in root.children)


def _typed(
    gazetteer: Gazetteer, name: str, noun: str, context: frozenset[str]
) -> GazetteerEntry | None:
    """``name`` as the kind of place ``noun`` says; a city stands for the province named
    after it ("Mardin province") when we list no such province."""
    if noun in CITY_NOUNS:
        return gazetteer.resolve(name, countries=context, kinds=("city",))
    entry = gazetteer.resolve(name, countries=context, kinds=("province", "region"))
    if entry is not None:
        return entry
    city = gazetteer.resolve(name, countries=context, kinds=("city",))
    if city is None:
        return None
    return replace(
        city, place=with_precision(city, "province"), radius_km=DEFAULT_RADIUS_KM["province"]
    )


def _of_country(doc: Doc, found: _Found, gazetteer: Gazetteer) -> _Found:
    """Take in "of Iraq" after "the Kurdistan region" when it names the place's own country."""
    j = found.last
    if j + 1 < len(doc) and doc[j].lower_ == "of" and found.place.country:
        code, width = _country_at(doc, j + 1, gazetteer, forward=True)
        if code == found.place.country:
            return replace(found, last=j + 1 + width)
    return found


def _is_country(gazetteer: Gazetteer, name: str) -> bool:
    entry = gazetteer.resolve(name)
    return entry is not None and entry.place.precision == "country"


def _standalone(entry: GazetteerEntry) -> bool:
    """Places we take outside a locative phrase: countries, capitals, our curated entries."""
    if entry.needs_context:
        return False
    return entry.place.precision != "city" or entry.capital


def _directed(
    doc: Doc, i: int, j: int, head: int, entry: GazetteerEntry, *, key: str, bare: bool
) -> _Found:
    """Add a direction in front ("north-western Syria") or before "of" ("the north of Syria",
    "south of Mosul"), moving the point toward that side by half the place's size."""
    place = entry.place
    of_form = i >= 2 and doc[i - 1].lower_ == "of"
    end = i - 1 if of_form else i
    k = end
    while k > 0 and (doc[k - 1].lower_ in _DIRECTION_PARTS or doc[k - 1].text == "-"):
        k -= 1
    while k < end and doc[k].text == "-":
        k += 1
    word = "".join(t.lower_ for t in doc[k:end] if t.text != "-")
    if k == end or word not in DIRECTIONS:
        return _Found(i, j, head, place, key, bare)
    bearing = DIRECTIONS[word]
    lat, lon = place.lat, place.lon
    if bearing is not None and lat is not None and lon is not None:
        lat, lon = move(lat, lon, bearing, entry.radius_km / 2)
    precision = "region" if place.precision in ("country", "region") else place.precision
    if of_form:
        start = k - 1 if k >= 1 and doc[k - 1].lower_ == "the" else k
        if start < k:  # "the north of Syria": inside it
            label = f"{_ADJECTIVE[bearing]} {place.name}"
        else:  # "south of Mosul": beside it
            label = f"{_NOUN[bearing]} of {place.name}"
        return _Found(
            start, j, end - 1, Place(label, place.country, lat, lon, precision), key, False
        )
    label = f"{_ADJECTIVE[bearing]} {place.name}"
    return _Found(k, j, head, Place(label, place.country, lat, lon, precision), key, False)


def _borders(span: Doc | Span, gazetteer: Gazetteer, context: frozenset[str]) -> Iterator[_Found]:
    """ "near the Turkish border", "the Syrian-Turkish border", "the border with Turkey"."""
    doc = _doc_of(span)
    for token in span:
        if token.lemma_.lower() not in BORDER_NOUNS:
            continue
        named, first = _border_left(doc, token.i, gazetteer)
        last = token.i + 1
        if last < len(doc) and doc[last].lower_ in ("with", "between"):
            k = last + 1
            while k < len(doc):
                code, width = _country_at(doc, k, gazetteer, forward=True)
                if code is None:
                    break
                if code not in named:
                    named.append(code)
                last = k = k + width
                if k < len(doc) and doc[k].lower_ in ("and", ","):
                    k += 1
        if not named:
            continue
        if first > 0 and doc[first - 1].lower_ == "the":
            first -= 1
        if first > 0 and doc[first - 1].lower_ in ("near", "along"):
            first -= 1
        place = gazetteer.border(named, context)
        yield _Found(first, last, token.i, place, "", False, tuple(named))


def _border_left(doc: Doc, i: int, gazetteer: Gazetteer) -> tuple[list[str], int]:
    """Demonyms and country names written before a border noun, in text order, and where
    the first of them starts ("the Syrian-Turkish border", "Turkey's border")."""
    named: list[str] = []
    start = k = i
    while k > 0:
        if (
            doc[k - 1].text in ("-", "–", "/")
            or doc[k - 1].lower_ == "and"
            or doc[k - 1].tag_ == "POS"
        ):
            k -= 1
            continue
        code, width = _country_at(doc, k, gazetteer, forward=False)
        if code is None:
            break
        start = k = k - width
        if code not in named:
            named.insert(0, code)
    return named, start


def _country_at(doc: Doc, k: int, gazetteer: Gazetteer, *, forward: bool) -> tuple[str | None, int]:
    """A country or demonym of one to three words starting (forward) or ending (backward) at
    token ``k``, with how many tokens it takes."""
    for width in (1, 2, 3):
        start, end = (k, k + width) if forward else (k - width, k)
        if start < 0 or end > len(doc):
            break
        words = doc[start:end]
        if words[0].is_punct or words[-1].is_punct:
            continue
        code = gazetteer.demonym(words.text) or _country_code(gazetteer, words.text)
        if code:
            return code, width
    return None, 0


def _country_code(gazetteer: Gazetteer, words: str) -> str | None:
    entry = gazetteer.resolve(words, kinds=("country",))
    return entry.place.country if entry else None


def _role(token: Token) -> str:
    """How the phrase's head sits in the sentence, seen through conjunctions and appositions."""
    while token.dep_ in ("conj", "appos") and token.head is not token:
        token = token.head
    dep = token.dep_
    if dep == "pobj":
        prep = token.head
        if prep.dep_ == "agent":
            return "subject"
        if prep.lower_ in LOCATIVE_PREPS or (
            prep.lower_ == "of" and prep.head.lemma_.lower() in _LOCATIVE_OF
        ):
            return "locative"
        return "participant" if prep.lower_ in _PARTICIPANT_PREPS else "other"
    if dep in _SUBJECT_DEPS:
        return "subject"
    if dep in _OBJECT_DEPS:
        return "object"
    if dep in _MODIFIER_DEPS:
        return "modifier"
    return "other"


def _mention(doc: Doc, found: _Found) -> PlaceMention:
    span = doc[found.first : found.last]
    role = _role(doc[found.head])
    actor_like = (
        found.bare
        and found.place.precision in ("country", "city")
        and role in ("subject", "object", "participant")
    )
    return PlaceMention(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        head=found.head,
        place=found.place,
        is_subject_like=actor_like,
        role=role,
    )
