"""The event lexicon follows its schema and covers the ontology."""

from __future__ import annotations

from collections import Counter

from factions.events import load_lexicon, quad_class
from factions.ontology import CAMEO_ROOTS, PLOVER_TYPES


def test_lexicon_loads_and_every_code_is_in_the_codebook():
    lexicon = load_lexicon()  # validates every entry and every CAMEO code
    assert len(lexicon.codes) >= 250
    for code, entry in lexicon.codes.items():
        assert code[:2] in CAMEO_ROOTS, code
        assert -10.0 <= entry.goldstein <= 10.0, code


def test_all_plover_types_and_cameo_roots_have_triggers():
    lexicon = load_lexicon()
    triggers = [f for frames in lexicon.verbs.values() for f in frames]
    triggers += list(lexicon.nouns.values())
    types = Counter(t.plover for t in triggers)
    roots = Counter(t.cameo[:2] for t in triggers)
    assert [t for t in PLOVER_TYPES if types[t] < 5] == []
    assert [r for r in CAMEO_ROOTS if roots[r] < 1] == []


def test_verb_frames_are_unique_and_carry_examples():
    lexicon = load_lexicon()
    # A frame naming its objects ("received refugees") may stand beside the plain one.
    frames = Counter(
        (f.lemma, f.particle, f.prep, tuple(f.objects or ()))
        for frames in lexicon.verbs.values()
        for f in frames
    )
    assert [f for f, n in frames.items() if n > 1] == []
    for frames_of_lemma in lexicon.verbs.values():
        for frame in frames_of_lemma:
            assert frame.examples, f"{frame.lemma}: no example sentence"


def test_quad_class_follows_the_root():
    assert [quad_class(c) for c in ("010", "057", "064", "081", "111", "130", "145", "190")] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]


def test_themes_point_at_real_codes():
    lexicon = load_lexicon()
    assert {t.name for t in lexicon.themes} >= {"forces", "arms", "relief"}
    for theme in lexicon.themes:
        assert theme.cameo in lexicon.codes
        assert theme.plover in PLOVER_TYPES


def test_judgement_words_are_lower_case_and_of_one_tone():
    judgements = load_lexicon().judgements
    assert judgements is not None
    hostile, friendly = set(judgements.hostile.words), set(judgements.friendly.words)
    assert not hostile & friendly, f"words of both tones: {sorted(hostile & friendly)}"
    for word in (*hostile, *friendly, *judgements.verbs, *judgements.events, *judgements.names):
        assert isinstance(word, str) and word == word.lower() and word.strip(), word
    assert judgements.hostile.plover == "ACCUSE" and judgements.friendly.plover == "SUPPORT"


def test_frame_objects_are_distinct_lower_case_lemmas():
    lexicon = load_lexicon()
    for frames in lexicon.verbs.values():
        for frame in frames:
            objects = frame.objects or []
            assert len(objects) == len(set(objects)), f"{frame.lemma}: repeated object"
            for word in objects:
                assert word == word.lower() and word.strip() == word and word, (frame.lemma, word)


def test_types_follow_the_plover_table_for_disputed_codes():
    """The CAMEO-to-PLOVER table (openeventdata/PLOVER, CAMEO2PLOVER-2021) settles the types
    that the lexicon and the sentence set once disagreed on."""
    lexicon = load_lexicon()
    triggers = [f for frames in lexicon.verbs.values() for f in frames]
    triggers += list(lexicon.nouns.values())
    ruled = {
        "0841": "RETREAT",  # return, release person(s)
        "085": "RETREAT",  # ease economic sanctions
        "0871": "RETREAT",  # declare truce, ceasefire
        "081": "CONCEDE",  # ease administrative sanctions
        "191": "COERCE",  # impose blockade, restrict movement
        "196": "ASSAULT",  # violate ceasefire
        "190": "ASSAULT",  # use conventional military force
        "154": "MOBILIZE",  # mobilize or increase armed forces
    }
    wrong = [
        (t.lemma, t.cameo, t.plover) for t in triggers if ruled.get(t.cameo, t.plover) != t.plover
    ]
    assert wrong == []
    by_lemma = {t.lemma: t for t in lexicon.nouns.values()}
    assert by_lemma["partnership"].plover == "AGREE"  # a declared partnership: CAMEO 030
    assert by_lemma["intervention"].plover == "ASSAULT"
    assert by_lemma["siege"].plover == by_lemma["blockade"].plover == "COERCE"
    for verb in ("release", "free", "swap"):
        assert {f.plover for f in lexicon.verbs[verb]} == {"RETREAT"}, verb
