"""The rule-based event coder: triggers from the lexicon, arguments from one spaCy parse.

For every verb or noun of the lexicon in a sentence, the coder reads its source and target off
the dependency tree (``_arguments``), maps them to the actor mentions the resolver found, and
codes one event per source-target pair, with negation, modality and attribution (``_modality``).
An event without an actor on both sides is not coded: a wrong or empty side is worse than none.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

from factions._boilerplate import CAPTION, DATELINE, FURNITURE
from factions.events._arguments import (
    clausal_targets,
    complement_targets,
    direct_objects,
    expand,
    is_passive,
    members,
    objects,
    prepositional,
    subjects,
    through_quantity,
)
from factions.events._gazetteer import load_gazetteer
from factions.events._lexicon import (
    Coding,
    Lexicon,
    NounTrigger,
    VerbFrame,
    load_lexicon,
    quad_class,
)
from factions.events._modality import Stance, open_question, stance
from factions.events._parties import (
    ANAPHORA,
    CONFLICT_NOUNS,
    ORGANISATION_HEADS,
    as_state,
    combatant,
    held_by,
    is_state,
    mention_of,
    mention_span,
    party_of,
    same_side,
    siblings,
)
from factions.events._phrase import EXPANDABLE, phrase_of
from factions.events._readings import (
    REPRESSION,
    fight_without_parties,
    participle_misread,
    protest_purpose,
    represses,
    responsible_for_fighting,
    talk_media,
    things_accepted,
)
from factions.events._targets import (
    THREAT,
    THREAT_OF_FORCE,
    asked_of_another,
    border_target,
    commented_object,
    conditioned_on,
    facility_owners,
    left_from,
    own_objects_only,
    parties_over_places,
    purpose_targets,
    reasons,
    set_beside,
    site,
    ultimatum,
    warned_party,
)
from factions.events._when import SentenceTimes, When, block_times, news_span
from factions.events._where import SentencePlaces
from factions.nlp import Block
from factions.records import (
    Actor,
    ActorRef,
    Attribution,
    Document,
    Event,
    Mention,
    Place,
    Sentence,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Mentions found through coreference are less certain than names.
INDIRECT_LABELS = {"PRONOUN", "DESCRIPTION", "ROLE"}
#: Particles the parser may label as adverbs.
PARTICLES = {"back", "out", "off", "down", "up", "over", "away", "in"}
#: Links that make an argument non-local (shared subject, relative clause, participle).
LONG_LINKS = {"relcl", "acl", "xcomp", "advcl", "conj", "pcomp"}
#: Reactions to another event: only these may point back to it ("condemned the attack").
REACTIONS = {"ACCUSE", "PROTEST", "REJECT", "SUPPORT"}
#: Types whose events between coordinated subjects run both ways ("X and Y met", "… clashed").
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE", "ASSAULT", "RETREAT"}
#: Types done to a target where it is: an attacked or occupied country is the scene.
PHYSICAL = {"ASSAULT", "COERCE", "MOBILIZE", "AID", "RETREAT"}
#: Verbs whose clausal object is a charge denied ("denied sending troops"), not an act
#: refused to someone: the denial has no target of its own.
DENIALS = {"deny"}
#: Types said to someone: a participle with no addressee ("…, warning that…") addresses
#: whoever the clause it comments on is about ("recalled Russia's war, warning that…").
ADDRESSED = {"THREATEN", "ACCUSE", "REQUEST", "REJECT"}
#: Types of the acts a pronoun may stand for in a judgement ("called it a terrorist act").
JUDGED_ACTS = {"ASSAULT", "COERCE", "AID", "COOPERATE", "AGREE", "CONCEDE", "RETREAT"}
#: The type a hostile judgement codes (data/events/judgements.yaml).
HOSTILE_JUDGEMENT = "ACCUSE"
#: The CAMEO threat each type of threatened act makes (anything else: 130).
THREATS = {
    "ASSAULT": THREAT_OF_FORCE,
    "MOBILIZE": THREAT_OF_FORCE,
    "COERCE": "137",
    "SANCTION": "1312",
    "PROTEST": "133",
}
#: Verbs of bringing others together: coordinated doers do it side by side, not to each other.
MEDIATING = {"broker", "mediate", "host", "facilitate", "sponsor", "chair", "convene"}
#: Acts of choosing that a government holds ("votes", "a referendum").
VOTES = {"vote", "referendum", "election", "poll", "ballot"}
#: Prepositions that set one act at the time of another ("annexed it after votes…").
OCCASION_PREPS = {"after", "following", "before", "through", "via", "with"}
#: Light verbs of having, and the nouns that, had, are a power rather than an act.
HAVING = {"hold", "have", "wield"}
POWERS = {"veto"}
#: Denials that a speaker may answer by blaming someone else ("denied X, saying Y did it").
COUNTERED = {"deny", "reject", "dismiss"}
#: Verbs by which an act breaks a law, a right or an agreement.
VIOLATIONS = {"violate", "breach", "contravene", "infringe"}
#: Nouns of acts that can be said to break one ("Beijing's actions violated…").
ACT_NOUNS = {
    "action",
    "act",
    "move",
    "step",
    "decision",
    "announcement",
    "deployment",
    "conduct",
    "behaviour",
    "behavior",
    "activity",
    "operation",
    "measure",
    "policy",
    "plan",
}
ACCUSATION = "112"  # CAMEO: accuse, not specified below
#: Types of helping: the object of a hostile infinitive is not the one helped ("sent police
#: to help fight the gangs" does not help the gangs; "helped bring them to the table" does).
HELPING = {"AID", "COOPERATE", "SUPPORT"}
#: Types whose two parties are "both sides" later ("urged both sides to respect the truce"):
#: the parties to a conflict or a deal, not a backer, a mediator or a petitioner.
SIDED = {
    "ASSAULT",
    "COERCE",
    "THREATEN",
    "AGREE",
    "RETREAT",
    "CONCEDE",
    "ACCUSE",
    "REJECT",
    "SANCTION",
    "MOBILIZE",
    "CONSULT",
}
#: Links of a clause that comments on the one it hangs from and may share its addressee.
SIDE_CLAUSES = {"advcl", "conj"}
#: Light verbs that make their noun mutual ("exchanged fire", "traded blows").
EXCHANGES = {"exchange", "trade"}
#: Prepositions by which an object noun names the other party ("talks with X").
PARTNERED = {"with", "between"}
#: Tags of object nouns that may name a party (names and plural groups), unlike a thing
#: asked for ("urged an immediate ceasefire").
PARTY_TAGS = {"NNP", "NNPS", "NNS"}
#: Bodies that name an addressee even when we cannot tell which ("urged the council").
BODIES = {
    "council",
    "government",
    "assembly",
    "parliament",
    "court",
    "commission",
    "board",
    "authority",
    "cabinet",
    "junta",
    "regime",
    "leadership",
    "administration",
}
#: Types whose target, when the sentence names none, is the source's adversary so far
#: ("Pakistan kept its airspace closed", "Rwanda reinforced its positions along the border").
IMPLIED = {"MOBILIZE", "SANCTION", "THREATEN"}
#: What an appeal to calm asks for; with no addressee it is addressed to both parties to the
#: fight so far ("called for restraint", "urged calm", "called for a ceasefire").
CALMING = {
    "restraint",
    "calm",
    "de-escalation",
    "deescalation",
    "ceasefire",
    "truce",
    "moderation",
    "dialogue",
    "cessation",
}
APPEALS = {"REQUEST"}
#: Types aimed at the doer's adversary when the only object is the doer's own: "pulled its
#: forces back" retreats from someone; "refused to negotiate" alone says from whom only by
#: guess, so RETREAT is not in IMPLIED itself.
IMPLIED_WHEN_OWN = IMPLIED | {"RETREAT"}
#: Verbs of acceptance whose negation is a refusal ("has never recognised the ruling", "did not
#: accept the resolutions"): CAMEO 12, as "refused to accept" would be.
ACCEPTANCE = {"accept", "recognise", "recognize", "acknowledge", "endorse", "approve"}
REFUSED_ACCEPTANCE = "120"
ULTIMATUM = "139"  # CAMEO: give ultimatum
#: Nouns that hold a number of events ("a wave of attacks", "a series of strikes"): the events
#: are the trigger, the container takes their place in the clause.
CONTAINERS = {
    "wave",
    "series",
    "string",
    "spate",
    "barrage",
    "volley",
    "round",
    "flurry",
    "surge",
    "succession",
    "salvo",
    "hail",
}
#: Types whose events often have no one at the receiving end ("troops massed", "crowds marched").
UNDIRECTED = {"MOBILIZE", "PROTEST"}
MODALITY_PENALTY = {
    "asserted": 0.0,
    "claimed": 0.05,
    "hedged": 0.15,
    "future": 0.2,
    "hypothetical": 0.25,
}


@dataclass(frozen=True, slots=True)
class _Candidate:
    trigger: Token
    coding: Coding
    sources: list[Token]
    targets: list[Token]
    base: float
    """Confidence before penalties: how direct the trigger is."""
    mutual: bool = False
    """Done with each other whatever the type: "X and Y restored ties" (a frame of ties
    "with" someone)."""
    judged_event: str | None = None
    """For a judgement of a pronoun the predicate makes an event ("called it a terrorist
    act"): the tone, whose latest act the pronoun means."""
    refusal: bool = False
    """Coded REJECT from a negated acceptance ("has never recognised the ruling"): the refusal
    is asserted, not negated."""
    armed_only: bool = False
    """An event only when an armed force does it ("the last American soldiers left
    Afghanistan" is a withdrawal; "the minister left Kabul" is a trip)."""
    between_sides: bool = False
    """A fight naming no party ("fighting raged on in the capital"): between the two sides
    the document has had at odds so far."""


@dataclass(slots=True)
class _Memory:
    """What the coder remembers of a document's earlier events, for anaphora."""

    doers: dict[str, Mention] = field(default_factory=dict)
    """The doer of the latest event of each type ("condemned the attack")."""
    hostile: dict[bool, Mention] = field(default_factory=dict)
    """The doer of the latest material conflict (True) and cooperation (False) ("called it
    a terrorist act")."""
    both_in: tuple[int, int] | None = None
    """The sentence (block offset, start) that last named both sides, for a "them" after."""
    acts: dict[str, Mention] = field(default_factory=dict)
    """The doer of the latest act named by each act noun ("North Korea's test", later "the
    test")."""
    aimed: dict[tuple[int, int], list[Mention]] = field(default_factory=dict)
    """The targets of each coded trigger, by (block offset, token index), for the clauses
    that share them ("rejected the ultimatum and warned that…")."""
    codings: dict[int, Coding] = field(default_factory=dict)
    """The coding of each trigger of the block being coded, by token index."""
    _pairs: Counter[frozenset[str]] = field(default_factory=Counter)
    _sides: tuple[str, str] | None = None
    """The parties of the leading pair, in the order "both sides" names them."""
    _side_mention: dict[str, Mention] = field(default_factory=dict)
    _foes: dict[str, Counter[str]] = field(default_factory=dict)
    """For each party, how often it has been in conflict with each other party."""
    _party_mention: dict[str, Mention] = field(default_factory=dict)

    def add_sides(self, first: Mention, second: Mention, actors: dict[str, Actor]) -> None:
        """Count a two-sided event; a state's organs and the state are one side, which the
        state itself stands for once it has been named ("India", not "Indian soldiers")."""
        a, b = party_of(first, actors), party_of(second, actors)
        if a == b:
            return  # one state's organs at odds are not two sides of a war
        for party, mention in ((a, first), (b, second)):
            known = self._side_mention.get(party)
            if known is None or (is_state(mention, actors) and not is_state(known, actors)):
                self._side_mention[party] = as_state(mention, actors)
        pair = frozenset((a, b))
        self._pairs[pair] += 1
        leading = frozenset(self._sides) if self._sides is not None else None
        if leading is None or leading == pair or self._pairs[pair] > self._pairs[leading]:
            self._sides = (a, b)
        else:  # the leading pair keeps its place
            x, y = sorted(leading)
            self._sides = (x, y)

    @property
    def sides(self) -> tuple[Mention, Mention] | None:
        """The two parties "both sides" means ("urged both sides"): the pair of parties most
        often at each other in the document so far, the first such on a tie (the lead's),
        each named by the state itself once the state has been named."""
        if self._sides is None:
            return None
        first, second = self._sides
        return self._side_mention[first], self._side_mention[second]

    def add_foes(self, first: Mention, second: Mention, actors: dict[str, Actor]) -> None:
        if not (combatant(first, actors) and combatant(second, actors)):
            return  # civilians and unnamed roles are victims or bystanders, not a side
        a, b = party_of(first, actors), party_of(second, actors)
        self._foes.setdefault(a, Counter())[b] += 1
        self._foes.setdefault(b, Counter())[a] += 1
        self._party_mention[a], self._party_mention[b] = first, second

    def foe_of(self, source: Mention, actors: dict[str, Actor]) -> Mention | None:
        """Whom the source has been at odds with most in the document so far, if anyone."""
        foes = self._foes.get(party_of(source, actors))
        if not foes:
            return None
        return self._party_mention[foes.most_common(1)[0][0]]

    def reinforce_sides(self) -> None:
        """ "the two sides agreed…": the pair meant gains weight."""
        if self._sides is not None:
            self._pairs[frozenset(self._sides)] += 1

    countries: frozenset[str] = frozenset()
    """Countries of the document's actors: the context that picks among namesake places."""
    places: dict[tuple[int, int], SentencePlaces] = field(default_factory=dict)
    """Places of the sentences that coded an event, by (block offset, sentence start)."""
    paragraph_place: dict[int, Place] = field(default_factory=dict)
    news_place: Place | None = None
    """Where the story is: the dateline's city, else the lead's scene; later paragraphs
    without a place of their own keep it."""

    def place_named(self, mention: Mention) -> Place | None:
        """The town a target names when the resolver took it for its state ("seized Goma")."""
        if mention.label != "PLACE":
            return None
        return load_gazetteer().lookup(mention.text, countries=self.countries)

    def sentence_places(self, block: Block, sentence: Span) -> SentencePlaces:
        key = (block.offset, sentence.start)
        if key not in self.places:
            self.places[key] = found = SentencePlaces(sentence, self.countries)
            latest = found.latest()
            if latest is not None:
                self.paragraph_place[block.paragraph] = latest
        return self.places[key]


class RuleEventCoder:
    """Codes events with the lexicon; see the module docstring."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = load_lexicon()
        return self._lexicon

    def code(
        self,
        document: Document,
        blocks: Sequence[Block],
        sentences: Sequence[Sentence],
        mentions: Sequence[Mention],
        actors: Sequence[Actor],
    ) -> list[Event]:
        by_id = {a.actor_id: a for a in actors}
        starts = [s.start for s in sentences]
        ordered = sorted(mentions, key=lambda m: m.start)
        mention_starts = [m.start for m in ordered]
        best: dict[tuple[int, str, str, str], Event] = {}
        memory = _Memory(countries=frozenset(a.country for a in actors if a.country))
        carried: dict[int, When | None] = {}  # the time a paragraph's next sentence inherits
        news_day: When | None = None  # the day the lead reports, which later paragraphs keep
        lead_blocks = 0
        for block in blocks:
            if block.kind == DATELINE and memory.news_place is None:
                memory.news_place = _dateline_place(block.doc.text, memory.countries)
            if _is_headline(document, block) or block.kind in FURNITURE:
                continue
            times, carried[block.paragraph] = block_times(
                list(block.doc.sents),
                document.published,
                carried.get(block.paragraph) or news_day,
            )
            lead = lead_blocks < LEAD_BLOCKS
            if lead:
                news_day = _news_day(times, news_day)
            lead_blocks += 1
            lo = bisect.bisect_left(mention_starts, block.offset)
            hi = bisect.bisect_left(mention_starts, block.offset + len(block.doc.text) + 1)
            token_mentions = _token_mentions(block, ordered[lo:hi])
            self._remember_acts(block, token_mentions, memory)
            candidates = self._candidates(block)
            memory.codings = {c.trigger.i: c.coding for c in candidates}
            for candidate in candidates:
                for event in self._events(
                    document,
                    block,
                    candidate,
                    token_mentions,
                    by_id,
                    sentences,
                    starts,
                    memory,
                    times[candidate.trigger.sent.start],
                ):
                    key = (
                        event.sentence,
                        event.source.id if event.source else "",
                        event.target.id if event.target else "",
                        event.plover or "",
                    )
                    if key not in best or best[key].confidence < event.confidence:
                        best[key] = event
            if lead and memory.news_place is None:
                memory.news_place = memory.paragraph_place.get(block.paragraph)
        return sorted(_drop_redundant(best.values()), key=lambda e: (e.span[0], e.trigger_start))

    # -- triggers -----------------------------------------------------------------------------

    def _candidates(self, block: Block) -> list[_Candidate]:
        lexicon = self.lexicon
        out: list[_Candidate] = []
        for token in block.doc:
            lemma = token.lemma_.lower()
            if token.pos_ == "VERB" and lemma in lexicon.theme_verbs:
                moved = self._theme(token)
                if moved is not None:
                    out.append(moved)
                    continue
            if token.pos_ == "VERB" and lexicon.judgements and lemma in lexicon.judgements.verbs:
                predicate = _predicate(token)
                if predicate is not None:
                    judged = self._judgement(token, predicate)
                    if judged is not None:
                        out.append(judged)
                    continue  # "called the deal a framework": no telephone call either
            if lemma == "say" and (blame := self._counter_blame(token)) is not None:
                out.append(blame)  # "denied blocking aid, saying the TPLF diverted supplies"
                continue
            if lemma in VIOLATIONS and (breach := self._breach(token)) is not None:
                out.append(breach)  # "said Beijing's actions violated its sovereign rights"
                continue
            if (given := ultimatum(token)) is not None and (
                deadline := self._coded("THREATEN", ULTIMATUM)
            ) is not None:  # "gave the junta seven days to free Bazoum"
                givers = subjects(token.head.head if token.dep_ == "acl" else token)
                out.append(_Candidate(token, deadline, givers, [given], 0.7))
                continue
            if token.pos_ == "VERB" and lemma in lexicon.verbs:
                if participle_misread(token):
                    continue  # "accused retreating Russian units of…": the units retreat
                if self._carries_noun(token):
                    continue
                frame = self._frame(token, lexicon.verbs[lemma])
                if frame is None:
                    continue
                if frame.prep:  # "cut ties with X": the preposition may hang off the object
                    targets = next(
                        (
                            found
                            for hosts in _preposition_hosts(token)
                            if (found := [t for h in hosts for t in prepositional(h, {frame.prep})])
                        ),
                        [],
                    )
                    targets += [  # "asked Germany for more air defence": Germany is asked
                        o for o in direct_objects(token) if o.pos_ == "PROPN"
                    ]
                else:  # "called off talks *with the ELN*": the object's partner too
                    targets = objects(token) + [
                        t for o in direct_objects(token) for t in prepositional(o, PARTNERED)
                    ]
                if (
                    not targets
                    and lemma not in DENIALS
                    and not (frame.plover in HELPING and self._fights(token))
                ):
                    refusal = frame.plover == "REJECT"  # not "declined to comment on X"
                    targets = complement_targets(token, lexicon.verbs if refusal else None)
                if not targets and frame.plover in ("REQUEST", "THREATEN"):
                    targets = clausal_targets(token)  # "demanded that French troops leave"
                doers = subjects(token)
                if frame.reverse:  # "received jets from Denmark": Denmark gives
                    doers, targets = prepositional(token, {frame.prep or ""}), doers
                mutual = bool(frame.objects and frame.prep in PARTNERED)
                coding = lexicon.coding(frame)
                rejection = (
                    self._coded("REJECT", REFUSED_ACCEPTANCE)
                    if lemma in ACCEPTANCE
                    and coding.plover in ("AGREE", "SUPPORT")
                    and things_accepted(token)
                    and stance(token).negated
                    else None
                )  # "Pyongyang has never accepted the resolutions" rejects them
                refused = rejection is not None
                if rejection is not None:
                    coding = rejection
                if coding.plover == "THREATEN" and coding.cameo == THREAT:
                    coding = self._threatened(token, coding)
                out.append(
                    _Candidate(token, coding, doers, targets, 0.8, mutual=mutual, refusal=refused)
                )
            elif token.pos_ == "VERB" and lemma in DEPARTURES and (left := _left_place(token)):
                withdrawal = self._coded("RETREAT", WITHDRAWAL, "withdraw")
                if withdrawal is not None:  # "the last American soldiers left Afghanistan"
                    out.append(
                        _Candidate(token, withdrawal, subjects(token), left, 0.6, armed_only=True)
                    )
            elif _nounlike(token) and (entry := self._noun_entry(token)):
                candidate = self._nominal(token, entry)
                if candidate is not None:
                    out.append(candidate)
                elif fight_without_parties(token):  # "fighting raged on in the capital"
                    coding = self.lexicon.coding(entry)
                    out.append(_Candidate(token, coding, [], [], 0.5, between_sides=True))
        return out

    def _judgement(self, verb: Token, predicate: Token) -> _Candidate | None:
        """ "called the sanctions harmful", "dismissing it as a puppet": a judgement of the
        object, hostile or friendly by the words of the predicate (data/events/judgements.yaml)."""
        judgements = self.lexicon.judgements
        assert judgements is not None
        tone = judgements.tone(_predicate_words(predicate))
        judged = direct_objects(verb) or [
            c for c in predicate.children if c.dep_ in ("nsubj", "compound") and c.pos_ == "NOUN"
        ]  # "called [the test reckless]" as a small clause, or mis-parsed as a compound
        if verb.dep_ == "relcl" and not judged:
            judged = [verb.head]  # "a move Kiev described as economic pressure"
        if tone is None or not judged or judged[0] is predicate:
            return None
        called = predicate.lemma_.lower()
        about_event = judged[0].pos_ == "PRON" and called in judgements.events
        if judged[0].pos_ == "PRON" and not about_event and called not in judgements.names:
            return None  # "described it as a success": an act we cannot name
        return _Candidate(
            verb,
            self.lexicon.coding(tone),
            subjects(verb),
            expand(judged[0]),
            0.7,
            judged_event=tone.plover if about_event else None,
        )

    def _theme(self, verb: Token) -> _Candidate | None:
        """ "sent troops to X", "provided X with weapons": coded by what is moved."""
        lemma = verb.lemma_.lower()
        recipient_by_object = False
        moved = [  # "sent convoys of food": the food
            through_quantity(c) for c in verb.children if c.dep_ in ("dobj", "obj")
        ]
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                carried = [g for g in child.children if g.dep_ == "pobj"]
                if carried:
                    moved, recipient_by_object = carried, True
        for thing in moved:
            theme = None
            for noun in _noun_forms(thing):
                theme = self.lexicon.theme_of(lemma, noun)
                if theme is not None:
                    break
            if theme is None:
                continue
            if recipient_by_object:
                targets = objects(verb)
            else:
                targets = prepositional(verb, RECIPIENT_PREPS) or [
                    c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"
                ]
            return _Candidate(verb, self.lexicon.coding(theme), subjects(verb), targets, 0.75)
        return None

    def _blamed(self, trigger: Token, accused: Mention, memory: _Memory) -> None:
        """ "blaming the ELN for a car bomb": the accused is the doer of the act it is blamed
        for, which a later "condemned the attack" points back to."""
        for child in trigger.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "of"):
                for grand in child.children:
                    noun = self._trigger_noun(grand) if grand.dep_ == "pobj" else None
                    entry = self._noun_entry(noun) if noun is not None else None
                    if entry is not None:
                        memory.doers[entry.plover] = accused
                        memory.hostile[True] = accused

    def _coded(self, plover: str, cameo: str, mode: str | None = None) -> Coding | None:
        """A coding the coder gives by rule, not by trigger, from the CAMEO codebook."""
        code = self.lexicon.codes.get(cameo)
        if code is None:
            return None
        return Coding(plover, mode, cameo, quad_class(cameo), code.goldstein)

    def _repression(self, coding: Coding) -> Coding | None:
        """The coding an assault gets when police turn it on civilians."""
        if coding.plover != "ASSAULT":
            return None
        return self._coded("COERCE", REPRESSION)

    def _event_anaphor(self, token: Token, recent: dict[str, Mention]) -> Mention | None:
        """ "condemned the attack": an event noun with no actor of its own points back to the
        doer of the latest event of its type in the document."""
        entry = self._noun_entry(token)
        if (
            entry is None
            or token.lemma_.lower() in CONFLICT_NOUNS
            or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
        ):
            return None
        return recent.get(entry.plover)

    def _remember_acts(self, block: Block, mentions: dict[int, Mention], memory: _Memory) -> None:
        """Who did each act a noun of judgements.yaml names with its doer: "Pyongyang carried
        out its test", "the visit by Pelosi", "Russian strikes"."""
        judgements = self.lexicon.judgements
        if judgements is None:
            return
        for token in block.doc:
            if token.pos_ == "VERB" and token.lemma_.lower() in judgements.events:
                doers = [m for t in subjects(token) if (m := mention_of(t, mentions))]
                if doers and not is_passive(token):  # "Iran tested a missile": "the test"
                    memory.acts[token.lemma_.lower()] = doers[0]
                continue
            if token.pos_ != "NOUN" or token.lemma_.lower() not in judgements.events:
                continue
            doer = next(
                (
                    mentions[c.i]
                    for c in token.children
                    if c.dep_ in ("poss", "compound", "amod") and c.i in mentions
                ),
                None,
            ) or next(
                (
                    mentions[g.i]
                    for c in token.children
                    if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                    for g in c.children
                    if g.dep_ == "pobj" and g.i in mentions
                ),
                None,
            )
            if (
                doer is None
                and token.dep_ == "dobj"
                and token.head.lemma_.lower() in self.lexicon.light_verbs
            ):  # "carried out its test", not "called the test unacceptable"
                doers = [m for t in subjects(token.head) if (m := mention_of(t, mentions))]
                doer = doers[0] if doers else None
            if doer is not None:
                memory.acts[token.lemma_.lower()] = doer

    def _move_of(self, noun: Token, mentions: dict[int, Mention]) -> Mention | None:
        """ "Russia banned imports, a move Kiev called pressure": a generic act noun set
        beside a clause is that clause's act, done by its subject."""
        judgements = self.lexicon.judgements
        if judgements is None or noun.dep_ not in ("npadvmod", "appos", "conj"):
            return None
        lemma = noun.lemma_.lower()
        claim = lemma in judgements.claims
        if not claim and (lemma not in judgements.events or noun.dep_ == "conj"):
            return None
        if not set_beside(noun):
            return None
        act = noun.head
        while claim and act.dep_ in ("ccomp", "xcomp") and act.head.pos_ in ("VERB", "AUX"):
            act = act.head  # "proposed that X freeze…, an idea W rejected": the proposer's
        if act.pos_ not in ("VERB", "AUX"):
            if not claim:
                return None
            act = noun.sent.root  # the parser may hang the noun on a noun of the clause
        doers = [m for t in subjects(act) for m in _mentions_of(t, mentions)]
        return doers[0] if doers else None

    def _occasion_of(self, noun: Token, mentions: dict[int, Mention]) -> Mention | None:
        """ "annexed the province after votes that Kyiv condemned": an act noun that sets the
        time of another clause's act belongs to that clause's doer."""
        judgements = self.lexicon.judgements
        lemma = noun.lemma_.lower()
        if judgements is None or (lemma not in judgements.events and lemma not in VOTES):
            return None
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in OCCASION_PREPS:
            return None
        act = prep.head
        if act.pos_ not in ("VERB", "AUX"):
            return None
        doers = [m for t in subjects(act) if (m := mention_of(t, mentions))]
        return doers[0] if doers else None

    def _frame(self, verb: Token, frames: list[VerbFrame]) -> VerbFrame | None:
        found = _particle(verb)
        particle = found.lower_ if found is not None else None
        own, *further = _preposition_hosts(verb)
        preps = {c.lower_ for h in own for c in h.children if c.dep_ in ("prep", "dative", "prt")}
        preps |= {
            c.lower_ for hosts in further for h in hosts for c in h.children if c.dep_ == "prep"
        }
        direct = {
            through_quantity(c).lemma_.lower() for c in _done_to(verb)
        }  # "received thousands of refugees": refugees
        to_do = any(c.dep_ == "xcomp" for c in verb.children)
        fitting = [
            f
            for f in frames
            if f.particle == particle
            and (not f.objects or direct & set(f.objects))
            and (not f.infinitive or to_do)
        ]
        if not fitting:
            return None
        # The object says most about what the verb means ("received refugees" is asylum,
        # whatever else hangs off it), then the preposition ("received jets from Denmark").
        for specific in (True, False):
            group = [f for f in fitting if bool(f.objects) == specific]
            with_prep = [f for f in group if f.prep and f.prep in preps]
            if with_prep:
                return with_prep[0]
            plain = [f for f in group if f.prep is None]
            if plain:
                return plain[0]
            if specific and len(subjects(verb)) > 1:  # "X and Y restored ties": each other
                partnered = [f for f in group if f.prep in PARTNERED]
                if partnered:
                    return partnered[0]
        return None

    def _counter_blame(self, verb: Token) -> _Candidate | None:
        """ "The government denied blocking food aid, saying the TPLF diverted supplies": a
        denial answered by what another party did blames that party (CAMEO 112)."""
        head = verb.head
        if verb.dep_ not in ("advcl", "conj") or head.lemma_.lower() not in COUNTERED:
            return None
        blamed = [  # the first party named in what was said (the parser may make the clause
            t  # a noun phrase: "the TPLF diverted supplies" as supplies diverted by the TPLF)
            for t in verb.subtree
            if t.i > verb.i
            and t.dep_ in ("nsubj", "npadvmod")
            and t.pos_ in ("PROPN", "NOUN", "PRON")
        ]
        accusation = self._coded("ACCUSE", ACCUSATION)
        if not blamed or accusation is None:
            return None
        return _Candidate(verb, accusation, subjects(head), blamed[:1], 0.5)

    def _breach(self, verb: Token) -> _Candidate | None:
        """ "The ministry said Beijing's actions violated its sovereign rights": an act said to
        break a law or right is the speaker's accusation of whoever did it (CAMEO 112)."""
        acts = [
            c
            for c in verb.children
            if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() in ACT_NOUNS
        ]
        speaker = stance(verb).speaker
        accusation = self._coded("ACCUSE", ACCUSATION)
        if not acts or speaker is None or accusation is None:
            return None
        doers = [c for c in acts[0].children if c.dep_ in ("poss", "compound", "amod")]
        if not doers:
            return None
        return _Candidate(verb, accusation, expand(speaker), doers[:1], 0.6)

    def _fights(self, verb: Token) -> bool:
        """The verb's infinitive is a hostile act ("help *fight* the gangs")."""
        return any(
            c.dep_ == "xcomp"
            and any(
                self.lexicon.coding(f).quad_class >= 3
                for f in self.lexicon.verbs.get(c.lemma_.lower(), ())
            )
            for c in verb.children
        )

    def _carries_noun(self, verb: Token) -> bool:
        """A light verb whose object is a nominal trigger: the noun is the event."""
        if verb.lemma_.lower() not in self.lexicon.light_verbs:
            return False
        return any(
            c.dep_ in ("dobj", "obj") and self._trigger_noun(c) is not None for c in verb.children
        )

    def _noun_entry(self, token: Token) -> NounTrigger | None:
        """A noun's lexicon entry; a two-word entry wins over the head's own ("hunger strike"
        is a protest, not an assault; "car bomb" is an attack though "bomb" alone is not)."""
        nouns = self.lexicon.nouns
        lemma = token.lemma_.lower()
        for child in token.children:
            if child.dep_ in ("compound", "amod") and child.i == token.i - 1:
                pair = nouns.get(f"{child.lemma_.lower()} {lemma}") or nouns.get(
                    f"{child.lower_} {lemma}"
                )
                if pair is not None:
                    return pair
        return nouns.get(lemma)

    def _trigger_noun(self, token: Token) -> Token | None:
        """The trigger noun of an object: itself, or its compound ("airstrike campaign")."""
        if self._noun_entry(token) is not None:
            return token
        for child in token.children:
            if child.dep_ == "compound" and child.lemma_.lower() in self.lexicon.nouns:
                return child
        if token.lemma_.lower() in CONTAINERS:  # "launched a wave of attacks"
            for held in prepositional(token, {"of"}):
                if (trigger := self._trigger_noun(held)) is not None:
                    return trigger
        return None

    def _nominal(self, noun: Token, entry: NounTrigger) -> _Candidate | None:
        coding = self.lexicon.coding(entry)
        carrier = noun.head if noun.dep_ == "compound" else noun
        preps = set(entry.preps)
        targets = (
            prepositional(carrier, preps)
            or prepositional(noun, preps)
            or [t for g in prepositional(carrier, {"of"}) for t in prepositional(g, preps)]
        )  # "a memorandum of understanding *with Somaliland*"
        if (
            carrier.dep_ == "pobj"
            and carrier.head.lower_ == "of"
            and carrier.head.head.lemma_.lower() in CONTAINERS
        ):  # "launched a wave of attacks on X": the wave stands where the attacks would
            carrier = carrier.head.head
        verb = carrier.head
        owner = _responsibility_taker(carrier)
        if owner is not None:  # "claimed responsibility for the attack on X": owner did it
            return _Candidate(noun, coding, subjects(owner), targets, 0.7)
        if carrier.dep_ in ("dobj", "obj") and verb.lemma_.lower() in self.lexicon.light_verbs:
            if verb.lemma_.lower() in HAVING and noun.lemma_.lower() in POWERS:
                return None  # "hold vetoes on the council": a power held, not used
            sources = subjects(verb)
            targets = (
                targets
                or prepositional(verb, preps)
                or [c for c in verb.children if c.dep_ == "dative"]  # "gives the group support"
            )
            return _Candidate(noun, coding, sources, targets, 0.7)
        if carrier.dep_ in ("dobj", "obj") and verb.lemma_.lower() in self.lexicon.verbs:
            return None  # "lifted its sanctions": the verb is the event, the noun its object
        owners = [c for c in carrier.children if c.dep_ == "poss"]
        owners += [
            c
            for c in (*carrier.children, *noun.children)
            if c.dep_ in ("amod", "compound")
            and c.i != noun.i
            and c.text[:1].isupper()
            and (c.i != c.sent.start or c.pos_ == "PROPN" or bool(c.ent_type_))
        ]  # "Russian airstrikes", "NATO exercises"; not "a simulated attack", "Heavy fighting"
        if owners:
            return _Candidate(noun, coding, expand(owners[0]), targets, 0.6)
        doers = prepositional(carrier, {"by", "between"}) or [  # "the shelling of X by Y"
            t
            for c in carrier.children
            if c.dep_ == "prep" and c.lower_ in ("on", "over", "about")
            for g in c.children
            if g.dep_ == "pobj"
            for t in prepositional(g, {"between"})
        ]  # "talks on a prisoner exchange between Moscow and Kyiv"
        if doers:
            return _Candidate(noun, coding, doers, targets, 0.6)
        aimed = prepositional(carrier, preps - {"of"})
        owned = prepositional(carrier, {"of"})
        if aimed and owned:  # "the withdrawal of Soviet forces from Afghanistan": with
            # someone else at the end, "of" names the doer
            return _Candidate(noun, coding, owned, aimed, 0.6)
        return self._adverbial(noun, carrier, coding, targets)

    def _adverbial(
        self, noun: Token, carrier: Token, coding: Coding, targets: list[Token]
    ) -> _Candidate | None:
        """A nominal event in an adverbial of a clause: "met at the request of X" (X asked the
        clause's subject), "fired missiles in a simulated attack on X" (the subject attacks)."""
        prep = carrier.head
        if carrier.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ != "VERB":
            return None
        verb = prep.head
        if prep.lower_ == "at":
            askers = prepositional(carrier, {"of"})
            if askers:
                return _Candidate(noun, coding, askers, subjects(verb), 0.6)
        if prep.lower_ == "in" and targets and not is_passive(verb):
            return _Candidate(noun, coding, subjects(verb), targets, 0.6)
        doers = subjects(verb)
        if prep.lower_ in ("in", "during") and coding.plover == "CONSULT" and len(doers) > 1:
            return _Candidate(noun, coding, doers, [], 0.6)  # "X and Y agreed in a phone call"
        return None

    # -- events -------------------------------------------------------------------------------

    def _events(
        self,
        document: Document,
        block: Block,
        candidate: _Candidate,
        token_mentions: dict[int, Mention],
        actors: dict[str, Actor],
        sentences: Sequence[Sentence],
        starts: list[int],
        memory: _Memory,
        times: tuple[SentenceTimes, When | None],
    ) -> list[Event]:
        if candidate.armed_only and not any(
            (actor := actors.get(m.actor_id or "")) is not None and actor.kind in FORCES
            for t in candidate.sources
            if (m := mention_of(t, token_mentions)) is not None
        ):
            return []
        both = _both_sides(candidate.sources, memory)
        if candidate.between_sides and memory.sides is not None:
            both = list(memory.sides)  # "fighting raged on": the war's two sides, one event
        if both:
            memory.reinforce_sides()
        sources = both or [
            m
            for t in candidate.sources
            for m in _named_members(t, token_mentions, actors) or _mentions_of(t, token_mentions)
        ]
        listed: list[Mention] = []
        if sources and candidate.trigger.pos_ == "VERB":
            listed = [
                m
                for t in members(candidate.trigger)
                if (m := mention_of(t, token_mentions)) is not None
            ]
            sources += listed
        here = (block.offset, candidate.trigger.sent.start)
        targets: list[Mention | None] = list(_both_sides(candidate.targets, memory) or [])
        if targets:
            memory.both_in = here
        elif memory.both_in == here and memory.sides and _they(candidate.targets):
            targets = list(
                memory.sides
            )  # "spoke to the ministers of both countries and urged them"
        if (
            not targets
            and memory.sides is not None
            and any(
                responsible_for_fighting(r)
                for t in candidate.targets
                for r in (t, *prepositional(t, {"against", "on"}))
            )
        ):  # "sanctions on those responsible for the violence": the fight's two sides
            targets = [
                s for s in memory.sides if not sources or not same_side(sources[0], s, actors)
            ]
        mutual = False  # one event per pair of parties, whichever way round (DESIGN.md)
        if both and not targets:
            targets = list(both)  # "the two sides agreed", "both armies massed": each at the other
            mutual = candidate.coding.plover in SYMMETRIC
        reacts = candidate.coding.plover in REACTIONS
        for token in candidate.targets if not targets else ():
            found = (
                token_mentions.get(token.i)  # "talks brokered by X": the talks, not X
                if candidate.trigger.dep_ == "acl" and token.i == candidate.trigger.head.i
                else mention_of(token, token_mentions)
            )
            if candidate.judged_event and (found is None or found.label in ANAPHORA):
                found = memory.hostile.get(candidate.judged_event == HOSTILE_JUDGEMENT)
            if found is None and candidate.coding.plover in PHYSICAL:
                targets += site(token, token_mentions, actors)  # "struck depots in Ryazan"
                continue
            if found is None and reacts:
                found = (
                    self._event_anaphor(token, memory.doers)
                    or self._move_of(token, token_mentions)
                    or _definite_act(token, memory)
                    or _definite_claim(token, memory)
                    or self._occasion_of(token, token_mentions)
                )
            if found is not None:
                targets.append(found)
                targets += _modifier_conjuncts(token, found, token_mentions)
        trigger = candidate.trigger
        if not targets and sources and candidate.coding.plover in PHYSICAL:
            targets += facility_owners(trigger, sources[0], token_mentions, actors)
        targets = parties_over_places(targets)
        if (
            not targets
            and candidate.coding.plover in ADDRESSED
            and trigger.dep_ in SIDE_CLAUSES
            and not any(
                t.tag_ in PARTY_TAGS or t.lemma_.lower() in ORGANISATION_HEADS | BODIES
                for t in candidate.targets
            )
        ):  # "blamed the separatists" names its own addressee, even one we do not know
            # "rejected the ultimatum and warned that…": the same addressee
            aimed = memory.aimed.get((block.offset, trigger.head.i))
            targets += aimed or commented_object(trigger, token_mentions)
        if (
            not targets
            and sources
            and memory.sides is not None
            and candidate.coding.plover in APPEALS
            and any(t.lemma_.lower() in CALMING for t in candidate.targets)
        ):  # "China called for restraint": addressed to the parties to the fight,
            # unless said to someone spoken to ("spoke with Kagame and urged a ceasefire")
            targets = [s for s in memory.sides if not same_side(sources[0], s, actors)]
        if (
            candidate.coding.plover == "THREATEN"
            and sources
            and not any(t is not None and not same_side(sources[0], t, actors) for t in targets)
        ):  # "warned that its fighters would resist as long as Israel…": Israel
            warned: list[Mention | None] = list(
                warned_party(trigger, sources[0], token_mentions, actors)
            )
            targets = warned or targets
        if not targets and candidate.coding.plover == "PROTEST":
            targets += purpose_targets(trigger, token_mentions)  # "rallied to denounce X"
        if not targets and reacts:  # "lodged complaints over China's construction of islands"
            targets += reasons(trigger, token_mentions)
        if (
            not targets
            and not candidate.targets
            and sources
            and candidate.coding.plover == "ACCUSE"
            and (doer := memory.hostile.get(True)) is not None
            and not same_side(sources[0], doer, actors)
        ):  # "Japan also voiced concern": at whoever did the latest violence, as a state
            targets = [as_state(doer, actors)]
        if not targets and sources and candidate.coding.plover == "PROTEST":
            targets += facility_owners(  # "protested outside the U.S. embassy"
                trigger, sources[0], token_mentions, actors, places=False
            )
        # "Donors, including Japan and Norway, pledged…": one side, not a pact among them
        reciprocal = (
            not targets
            and not listed
            and len({m.actor_id for m in sources}) > 1
            and trigger.lemma_.lower() not in MEDIATING
        )  # "talks brokered by Saudi Arabia and the United States": brokered together
        if reciprocal and (
            candidate.mutual
            or _each_other(trigger)
            or (
                candidate.coding.plover in SYMMETRIC
                and (
                    trigger.pos_ == "VERB"
                    or candidate.coding.plover != "ASSAULT"
                    or trigger.head.lemma_.lower() in EXCHANGES
                )
            )
        ):  # "X and Y clashed", "exchanged fire"; but "X and Y led the offensive" together
            targets = list(sources)  # "Ethiopia and the TPLF agreed…": each with the other
            mutual = candidate.coding.plover in SYMMETRIC  # but "accused each other": each
            if siblings(sources, actors):
                return []  # "the government and the army agreed…": one side, together
        implied = False
        own = bool(targets) and all(
            t is not None
            and all(
                same_side(s, t, actors) or held_by(t, s, block, token_mentions, actors)
                for s in sources
            )
            for t in targets
        )  # "reinforced its positions": its own, so aimed at someone unnamed
        if (not targets or own) and sources and candidate.coding.plover == "MOBILIZE":
            facing = border_target(trigger, sources[0], token_mentions, actors)
            if facing is not None:  # "massed troops near the Ukrainian border"
                targets, own = [facing], False
        if own and sources and candidate.coding.plover == "RETREAT":
            left = left_from(trigger, sources[0], token_mentions, actors)
            if left is not None:  # "a drawdown of its forces from Iraq"
                targets, own = [left], False
        if (
            (not targets or own)
            and sources
            and (
                candidate.coding.plover in IMPLIED
                or (own and candidate.coding.plover in IMPLIED_WHEN_OWN)
            )
            and trigger.pos_ == "VERB"
            and own_objects_only(trigger)
        ):
            sibling = memory.aimed.get((block.offset, trigger.head.i))
            foe = (
                sibling[0]
                if sibling and trigger.dep_ in SIDE_CLAUSES
                else memory.foe_of(sources[0], actors)
            )  # "broke off relations with Kigali and recalled its diplomats": from Kigali
            if foe is not None:  # "Pakistan kept its airspace closed": closed to India
                targets, implied = [foe], True
        if (
            (not targets or (own and not implied))
            and candidate.coding.plover in UNDIRECTED
            and trigger_is_verb(candidate)
        ):  # "troops massed", "Russia called up 300,000 reservists" (its own)
            targets = [None]
        if not sources:
            return []
        named_targets = [t for t in targets if t is not None]
        if named_targets:
            memory.aimed[(block.offset, trigger.i)] = named_targets
        if protest_purpose(trigger, candidate.coding, memory.codings):
            return []  # "rallied to denounce the test": the rally, aimed at the tester
        how = stance(trigger)
        if candidate.refusal:
            how = replace(how, negated=False)
        if asked_of_another(trigger) or open_question(trigger):
            return []  # "urged both sides to respect the truce": the urging is the event
        threatened = conditioned_on(
            trigger, sources[0], candidate.coding, how, token_mentions, memory.codings
        )
        threatened = (
            threatened
            if threatened is not None and not same_side(sources[0], threatened, actors)
            else None
        )
        threat = self._threat(candidate.coding) if threatened is not None else None
        if threat is not None and threatened is not None and (not targets or own):
            targets, own = [threatened], False  # "would void the deal if they failed to"
        if not how.negated:
            memory.doers[candidate.coding.plover] = sources[0]
            if candidate.coding.plover in JUDGED_ACTS:  # acts, not words, are what is judged
                memory.hostile[candidate.coding.quad_class == 4] = sources[0]
            if candidate.coding.plover == "ACCUSE" and targets and targets[0] is not None:
                self._blamed(trigger, targets[0], memory)
        if not targets:
            return []
        named = [t for t in targets if t is not None]
        pair = {m.actor_id: m for m in (*sources, *named)}
        if not how.negated and not both and len(pair) == 2 and candidate.coding.plover in SIDED:
            first, second = pair.values()
            memory.add_sides(first, second, actors)
            if candidate.coding.quad_class > 2 and not implied:
                memory.add_foes(first, second, actors)
        offset = block.offset + trigger.idx
        sentence = sentences[max(0, bisect.bisect_right(starts, offset) - 1)]
        attribution = _attribution(how, token_mentions, actors)
        events = []
        nominal = trigger.pos_ != "VERB" and not (  # "it gives the group support": the verb's
            trigger.dep_ in ("dobj", "obj")  # own arguments, no guess
            and trigger.head.lemma_.lower() in self.lexicon.light_verbs
        )
        repression = self._repression(candidate.coding)
        sentence_times, inherited = times
        when = sentence_times.when(trigger, future=how.modality == "future", inherited=inherited)
        inherited_place = memory.paragraph_place.get(block.paragraph) or memory.news_place
        places = memory.sentence_places(block, trigger.sent)
        coded: set[frozenset[str | None]] = set()
        for source in _unique(sources):
            for target in _unique(targets):
                if mutual and target is not None:
                    couple = frozenset((source.actor_id, target.actor_id))
                    if couple in coded:
                        continue  # "X and Y met" is one meeting
                    coded.add(couple)
                if target is not None and (
                    same_side(source, target, actors)
                    or held_by(target, source, block, token_mentions, actors)
                ):
                    continue  # "Moscow pulled its forces back": not an act against them
                if nominal and target is not None and {source.label, target.label} <= ANAPHORA:
                    continue  # "their intervention in the country": a noun and two guesses
                physical = candidate.coding.plover in PHYSICAL
                place = (
                    places.place_for(
                        trigger,
                        target.start - block.offset if target is not None else None,
                        physical,
                    )
                    or (memory.place_named(target) if physical and target is not None else None)
                    or inherited_place
                )
                modality = how.modality
                if (
                    modality == "claimed"
                    and attribution
                    and _same_actor(how, source, token_mentions)
                ):
                    modality = "asserted"
                coding = candidate.coding
                if repression is not None and represses(source, target, actors, trigger):
                    coding = repression  # "police fired tear gas at protesters": CAMEO 17
                if (
                    threat is not None
                    and threatened is not None
                    and target is not None
                    and target.actor_id == threatened.actor_id
                ):  # "would strike Hezbollah if the group fired rockets": the threat, not a strike
                    coding, modality = threat, "asserted"
                confidence = candidate.base - MODALITY_PENALTY[modality]
                confidence -= 0.1 * sum(
                    m is not None and m.label in INDIRECT_LABELS for m in (source, target)
                )
                confidence -= 0.1 if trigger.dep_ in LONG_LINKS else 0.0
                confidence -= 0.2 if implied else 0.0
                events.append(
                    Event(
                        doc_id=document.doc_id,
                        sentence=sentence.index,
                        span=(sentence.start, sentence.end),
                        sentence_text=sentence.text,
                        trigger=trigger.text,
                        trigger_start=offset,
                        source=_ref(source, actors, block),
                        target=_ref(target, actors, block) if target is not None else None,
                        **_typed(coding),
                        negated=how.negated,
                        modality=modality,
                        attribution=attribution,
                        date=when.date,
                        date_end=when.date_end,
                        date_precision=when.precision,
                        place=place,
                        caption=block.kind == CAPTION,
                        confidence=max(0.05, min(0.99, confidence)),
                        doc_ref=document.ref,
                    )
                )
        if (
            threat is not None
            and threatened is not None
            and threatened.actor_id not in {t.actor_id for t in targets if t is not None}
        ):
            events += [  # "would keep defending Afghan forces if the Taliban attacked them"
                replace(
                    e,
                    target=_ref(threatened, actors, block),
                    **_typed(threat),
                    negated=False,
                    modality="asserted",
                    confidence=max(0.05, e.confidence - 0.1),
                )
                for e in events[:1]
            ]
        return events

    def _threat(self, act: Coding) -> Coding | None:
        """How a threatened act is coded as the threat it makes: with force (138) if the act
        is violent, with repression (137), sanctions (1312) or protest (133), else a threat not
        specified (130)."""
        return self._coded("THREATEN", THREATS.get(act.plover, THREAT))

    def _threatened(self, verb: Token, coding: Coding) -> Coding:
        """ "threatened to strike Israeli ports" (138), "threatened Sudan's generals with
        sanctions" (1312): the threat coded by what it threatens, when the lexicon knows it."""
        acts = [
            self.lexicon.coding(frames[0])
            for c in verb.children
            if c.dep_ == "xcomp" and (frames := self.lexicon.verbs.get(c.lemma_.lower()))
        ] + [
            self.lexicon.coding(entry)
            for noun in prepositional(verb, {"with"})
            if (entry := self._noun_entry(noun)) is not None
        ]
        threat = self._threat(acts[0]) if acts else None
        return threat if threat is not None and threat.cameo != THREAT else coding


_M = TypeVar("_M", Mention, Mention | None)

RECIPIENT_PREPS = {"to", "into", "for", "toward", "towards"}


def _noun_forms(token: Token) -> list[str]:
    """A moved thing as themes name it: "military advisers" → military adviser, adviser."""
    lemma = token.lemma_.lower()
    modifiers = [c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod")]
    return [f"{m} {lemma}" for m in modifiers] + [lemma]


def _done_to(verb: Token) -> list[Token]:
    """The nouns a verb acts on, which pick its frame: the direct object, or the subject of
    a passive ("journalists *were beaten*", "the tanker *was seized*" as "beat journalists",
    "seized the tanker")."""
    direct = direct_objects(verb)
    if direct or not is_passive(verb):
        return direct
    return [c for c in verb.children if c.dep_ == "nsubjpass"] or (
        [verb.head] if verb.dep_ == "acl" else []
    )


#: The reciprocal pronoun's second word ("each other", "one another").
RECIPROCAL = {"other", "another"}


def _each_other(trigger: Token) -> bool:
    """ "accused each other", "sent rescue teams to one another": the doers act on one
    another. The trigger may be the verb or a noun it carries."""
    verb = next((a for a in (trigger, *trigger.ancestors) if a.pos_ == "VERB"), trigger)
    return any(
        t.lower_ in RECIPROCAL and t.i > 0 and t.doc[t.i - 1].lower_ in ("each", "one")
        for t in verb.subtree
        if verb.i in (t.head.i, t.head.head.i)
    )


def _particle(verb: Token) -> Token | None:
    """The verb's particle, also where the parser calls it an adverb of the verb or of its
    object ("handed the pilot *back* to India")."""
    for child in verb.children:
        if child.dep_ == "prt" and not any(g.dep_ == "pobj" for g in child.children):
            return child  # a "particle" with an object is a preposition ("called on X")
        if (
            child.dep_ == "prep"
            and child.lower_ in PARTICLES
            and [g.lower_ for g in child.children] == ["of"]
        ):  # "were driven *out* of Rakhine", "pulled its troops *out* of Cambodia", parsed as
            # two prepositions (acts only asked for, "urged X to pull out of", are dropped as such)
            return child
    for head in (verb, *direct_objects(verb)):
        for child in head.children:
            if child.dep_ == "advmod" and child.lower_ in PARTICLES:
                return child
    return None


def _preposition_hosts(verb: Token) -> list[list[Token]]:
    """Where a verb frame's preposition may hang, nearest first: the verb; its objects and
    particle ("cut ties with X"); what those hold ("$500 million in military aid *for*
    Ukraine"); the medium of a talk ("spoke by telephone *with* Kagame")."""
    heads = [*direct_objects(verb), *filter(None, [_particle(verb)])]
    held = [g for o in heads for g in prepositional(o, {"in", "of"})]
    return [[verb], heads, held, talk_media(verb)]


def trigger_is_verb(candidate: _Candidate) -> bool:
    """Only a verb may code an event without a target ("troops massed"); a bare noun
    ("Russia's intervention") says too little on its own."""
    trigger = candidate.trigger
    return trigger.pos_ == "VERB" or (
        trigger.dep_ in ("dobj", "obj") and trigger.head.pos_ == "VERB"
    )  # "held drills": a light verb makes the noun a clause


def _is_headline(document: Document, block: Block) -> bool:
    """The title line repeats the lead in headline grammar the parser reads badly: not coded."""
    title = document.title
    return title is not None and block.offset <= len(title) and block.doc.text == title.strip()


def _token_mentions(block: Block, mentions: Sequence[Mention]) -> dict[int, Mention]:
    out: dict[int, Mention] = {}
    for mention in mentions:
        for token in mention_span(block, mention) or ():
            out[token.i] = mention
    return out


DEFINITE = {"the", "this", "that"}


def _definite_act(noun: Token, memory: _Memory) -> Mention | None:
    """ "the test": the doer of the act the document last named with this noun."""
    before = noun.doc[noun.i - 1].lower_ if noun.i > 0 else ""
    if before not in DEFINITE and not any(c.lower_ in DEFINITE for c in noun.children):
        return None
    return memory.acts.get(noun.lemma_.lower())


#: Nouns that take up an earlier accusation or demand: "rejected that accusation",
#: "dismissed the demands" answer whoever last made one.
CLAIM_TYPES = {
    "accusation": "ACCUSE",
    "allegation": "ACCUSE",
    "charge": "ACCUSE",
    "criticism": "ACCUSE",
    "demand": "REQUEST",
    "ultimatum": "REQUEST",
    "appeal": "REQUEST",
}


def _definite_claim(noun: Token, memory: _Memory) -> Mention | None:
    """ "The TPLF has rejected that accusation": the maker of the latest accusation."""
    kind = CLAIM_TYPES.get(noun.lemma_.lower())
    if kind is None or not any(
        c.dep_ == "det" and c.lower_ in ("the", "that", "this", "these", "those")
        for c in noun.children
    ):
        return None
    return memory.doers.get(kind)


def _predicate(verb: Token) -> Token | None:
    """What a verb of judging calls its object: "called the test *unacceptable*", "described
    it *as* a *provocation*", "branded the visit a *provocation*" (a second object)."""
    objects = direct_objects(verb)
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp"):
            return child
        if child.dep_ == "prep" and child.lower_ == "as":
            return next((g for g in child.children if g.dep_ in ("pobj", "amod", "acomp")), None)
    if len(objects) > 1:
        return objects[1]
    for obj in objects:  # 'called the test "absolutely unacceptable"': read as a modifier
        after = [c for c in obj.rights if c.dep_ == "amod" and c.pos_ == "ADJ"]
        if after:
            return after[0]
    return None


def _predicate_words(predicate: Token) -> list[str]:
    """The predicate's lemma, its modifiers' and conjuncts', and two-word names it ends or
    begins ("act of war", "step forward")."""
    words = [predicate.lemma_.lower(), predicate.lower_]
    for child in predicate.children:
        if child.dep_ in ("amod", "compound", "conj", "acomp", "advmod", "nmod"):
            words += [child.lemma_.lower(), child.lower_]
            words += [g.lemma_.lower() for g in child.children if g.dep_ in ("conj", "amod")]
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    words += [grand.lemma_.lower(), f"{predicate.lemma_.lower()} of {grand.lower_}"]
        if child.dep_ == "advmod":
            words.append(f"{predicate.lemma_.lower()} {child.lower_}")
    return words


#: How many text blocks from the top make the lead.
LEAD_BLOCKS = 2


def _dateline_place(text: str, countries: frozenset[str]) -> Place | None:
    """The city of a wire dateline: "KINSHASA (Reuters) -", "PRETORIA/NAIROBI, Nov 3 (AFP) -"."""
    city = re.split(r"[,(/]", text, maxsplit=1)[0].strip()
    if not city:
        return None
    return load_gazetteer().lookup(city.title(), countries=countries)


def _news_day(
    times: dict[int, tuple[SentenceTimes, When | None]], known: When | None
) -> When | None:
    """The days the lead reports ("… on Friday"; "on Sunday … signed a day earlier"): the
    article's news days, which later paragraphs keep (``_when.news_span``)."""
    return news_span((sentence_times for sentence_times, _ in times.values()), known)


#: "both sides", "the two parties", "the warring sides": the parties of the latest two-sided event.
SIDES = {"side", "party"}
SIDE_MARKERS = {"both", "two", "warring", "opposing", "rival", "all"}


def _both_sides(tokens: Sequence[Token], memory: _Memory) -> list[Mention] | None:
    """ "both sides", "the two sides", "both armies", "the ministers of both countries"."""
    if memory.sides is None:
        return None
    for token in [*tokens, *(g for t in tokens for g in prepositional(t, {"of"}))]:
        markers = {
            c.lower_ for c in token.children if c.dep_ in ("det", "amod", "nummod", "predet")
        }
        sides = token.lemma_.lower() in SIDES and bool(markers & SIDE_MARKERS)
        if token.tag_ == "NNS" and (sides or "both" in markers):  # "both armies"
            return list(memory.sides)
    return None


def _mentions_of(token: Token, mentions: dict[int, Mention]) -> list[Mention]:
    """The actor an argument names, or the coordinated actors an opening "they" stands for."""
    found = mention_of(token, mentions)
    return [found] if found is not None else _coordinated_antecedents(token, mentions)


def _coordinated_antecedents(token: Token, mentions: dict[int, Mention]) -> list[Mention]:
    """ "China and Russia argued… They have proposed…": an unresolved "they" that opens a
    sentence is the coordinated subject of the sentence before, each member an actor."""
    if token.lower_ != "they" or token.i in mentions or token.i != token.sent.start:
        return []
    previous = token.doc[token.sent.start - 1].sent if token.sent.start > 0 else None
    if previous is None:
        return []
    for subject in (t for t in previous if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"):
        members = [subject, *subject.conjuncts]
        found = [mentions[m.i] for m in members if m.i in mentions]
        if len(members) > 1 and len(found) == len(members):
            return found
    return []


def _named_members(
    token: Token, mentions: dict[int, Mention], actors: dict[str, Actor]
) -> list[Mention]:
    """ "Several militias, among them Kataib Hezbollah and Nujaba, …": a bare role or a plain
    noun with named members in apposition is those members."""
    found = mentions.get(token.i)
    actor = actors.get(found.actor_id or "") if found is not None else None
    if found is not None and (found.label != "ROLE" or actor is None or actor.country):
        return []  # a name or an owned role is itself the doer
    named: list[Mention] = []
    for child in token.children:
        if child.dep_ == "appos" and child.i in mentions:
            named.append(mentions[child.i])
            named += [mentions[c.i] for c in child.conjuncts if c.i in mentions]
    return named


def _they(tokens: Sequence[Token]) -> bool:
    return any(t.lower_ in ("them", "they") for t in tokens)


def _drop_redundant(events: Iterable[Event]) -> list[Event]:
    """An event with nobody at the receiving end adds nothing when the same sentence already
    codes a directed act of the same doer ("sent advisers to train the army")."""
    events = list(events)
    directed = {(e.sentence, e.source.id) for e in events if e.source and e.target}
    return [
        e
        for e in events
        if e.target is not None or e.source is None or (e.sentence, e.source.id) not in directed
    ]


def _modifier_conjuncts(
    token: Token, found: Mention, mentions: dict[int, Mention]
) -> list[Mention]:
    """ "the French and Belgian missions": Belgium as well as France."""
    out = []
    for child in token.children:
        if child.dep_ in ("amod", "compound") and mentions.get(child.i) is found:
            out += [mentions[c.i] for c in child.conjuncts if c.i in mentions]
    return out


def _unique(mentions: Sequence[_M]) -> list[_M]:
    """One mention per actor (the first), so each pair is coded once."""
    seen: dict[str | None, _M] = {}
    for mention in mentions:
        seen.setdefault(mention.actor_id if mention is not None else None, mention)
    return list(seen.values())


#: CAMEO 087, "de-escalate military engagement": forces leaving a country.
WITHDRAWAL = "087"
#: Verbs of leaving that, done by armed forces, are a withdrawal from where they leave.
DEPARTURES = {"leave", "quit", "exit", "depart", "evacuate", "abandon"}
#: Kinds of actors whose leaving is a withdrawal.
FORCES = {"military", "armed_group", "rebels", "police"}


def _left_place(verb: Token) -> list[Token]:
    """What a departure leaves: its object ("left Afghanistan"), or its from-phrase
    ("departed from Niger")."""
    return direct_objects(verb) or prepositional(verb, {"from"})


def _nounlike(token: Token) -> bool:
    """A noun, or a word the tagger took for an adjective where only a noun fits
    ("Kyiv's *counteroffensive* against…" as a subject)."""
    return token.pos_ in ("NOUN", "PROPN") or (
        token.pos_ == "ADJ"
        and (
            token.dep_ in ("nsubj", "nsubjpass", "dobj", "obj", "pobj")
            or any(c.dep_ == "poss" for c in token.children)  # "Kyiv's counteroffensive"
        )
    )


def _responsibility_taker(noun: Token) -> Token | None:
    """The verb of "claimed/took responsibility for <noun>", whose subject did the act."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() != "responsibility":
        return None
    verb = prep.head.head
    if prep.head.dep_ in ("dobj", "obj") and verb.lemma_.lower() in ("claim", "take", "accept"):
        return verb
    return None


def _typed(coding: Coding) -> dict[str, Any]:
    """The fields of an event record that say what kind of event it is."""
    return {
        "plover": coding.plover,
        "plover_mode": coding.mode,
        "cameo": coding.cameo,
        "quad_class": coding.quad_class,
        "goldstein": coding.goldstein,
    }


def _ref(mention: Mention, actors: dict[str, Actor], block: Block) -> ActorRef:
    text = mention.text
    if mention.label in EXPANDABLE and (span := mention_span(block, mention)) is not None:
        text = phrase_of(span) or text
    actor = actors.get(mention.actor_id or "")
    if actor is None:
        return ActorRef(
            id=mention.actor_id or "",
            name=mention.text,
            mention=text,
            kind="unknown",
            code=mention.code,
        )
    return ActorRef(
        id=actor.actor_id,
        name=actor.name,
        mention=text,
        kind=actor.kind,
        code=mention.code or actor.code,
    )


def _attribution(
    how: Stance, mentions: dict[int, Mention], actors: dict[str, Actor]
) -> Attribution | None:
    for token in (how.outlet, how.speaker):
        if token is None:
            continue
        mention = mention_of(token, mentions)
        text = token.doc[token.left_edge.i : token.right_edge.i + 1].text
        if mention is not None:
            actor = actors.get(mention.actor_id or "")
            return Attribution(
                name=actor.name if actor else mention.text,
                kind=actor.kind if actor else "unknown",
                mention=text,
            )
        if token.pos_ in ("NOUN", "PROPN"):
            return Attribution(name=text, kind="source", mention=text)
    return None


def _same_actor(how: Stance, source: Mention, mentions: dict[int, Mention]) -> bool:
    if how.speaker is None:
        return False
    speaker = mention_of(how.speaker, mentions)
    return speaker is not None and speaker.actor_id == source.actor_id
