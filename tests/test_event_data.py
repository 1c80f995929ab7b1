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
