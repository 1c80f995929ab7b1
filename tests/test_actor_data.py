"""Every actor data file follows the schema, and the knowledge base holds together."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pycountry
import pytest

from factions.actors import load_actors, read_actor_file
from factions.actors._kb import read_roles

DATA = Path(__file__).resolve().parent.parent / "src" / "factions" / "data" / "actors"
ACTOR_FILES = sorted(p for p in DATA.glob("*.yaml") if p.name != "roles.yaml")


@pytest.mark.parametrize("path", ACTOR_FILES, ids=lambda p: p.name)
def test_each_file_follows_the_schema(path: Path):
    entries = read_actor_file(path)
    assert entries, f"{path.name} is empty"
    for entry in entries:
        assert entry.id.strip() == entry.id and entry.id
        if entry.country is not None:
            assert len(entry.country) == 3 and entry.country.isupper()


def test_ids_are_unique_across_files():
    ids = Counter(e.id for path in ACTOR_FILES for e in read_actor_file(path))
    assert [i for i, n in ids.items() if n > 1] == []


def test_every_country_is_there_with_demonyms_and_a_capital_or_a_reason():
    kb = load_actors()
    for country in pycountry.countries:
        entry = kb.entries.get(country.alpha_3)
        assert entry is not None, f"{country.alpha_3} ({country.name}) missing"
        assert entry.kind == "state"
        assert entry.demonyms, f"{country.alpha_3} has no demonyms"
        assert entry.capital or entry.note, f"{country.alpha_3}: no capital and no note why"


def test_enough_organisations_and_armed_groups():
    kb = load_actors()
    kinds = Counter(e.kind for e in kb.entries.values())
    groups = kinds["armed_group"] + kinds["rebels"] + kinds["party"]
    organisations = kinds["igo"] + kinds["group_of_states"] + kinds["ngo"]
    assert groups + organisations >= 150
    assert groups >= 100


def test_parents_and_offices_point_at_actors_we_know():
    kb = load_actors()
    for entry in kb.entries.values():
        for parent in entry.parents:
            assert kb.get(parent.id) is not None, f"{entry.id}: unknown parent {parent.id}"
            if parent.since and parent.until:
                assert parent.since <= parent.until
        for role in entry.roles:
            assert kb.get(role.for_) is not None, f"{entry.id}: unknown office {role.for_}"
            assert role.until is None or role.since <= role.until


def test_a_surface_form_names_one_actor():
    """Two actors sharing an alias would make resolution a coin toss."""
    kb = load_actors()
    owners: dict[str, set[str]] = {}
    for alias in kb.aliases():
        owners.setdefault(alias.text.lower(), set()).add(alias.actor_id)
    clashes = {text: ids for text, ids in owners.items() if len(ids) > 1}
    assert clashes == {}


def test_role_nouns_belong_to_one_role():
    roles = read_roles(DATA / "roles.yaml")
    nouns = Counter(n for r in roles.values() for n in (*r.nouns, *r.phrases))
    assert [n for n, c in nouns.items() if c > 1] == []
    for required in ("GOV", "MIL", "COP", "REB", "OPP", "CVL", "MED", "BUS"):
        assert required in roles


def test_named_state_forces_are_the_sector_actors_they_name():
    """An entry whose id is a sector id ("ISRMIL", for "the IDF") must be that sector actor:
    same code, country, kind and name as "Israeli troops" would get, and part of its state."""
    kb = load_actors()
    named = [
        e
        for e in kb.entries.values()
        if e.kind != "state" and e.id[:3] in kb.states and e.id[3:] in kb.roles
    ]
    assert len(named) >= 20
    for entry in named:
        state, role = kb.states[entry.id[:3]], kb.roles[entry.id[3:]]
        assert entry.code == entry.id and entry.country == state.id, entry.id
        assert entry.kind == role.kind, entry.id
        assert entry.name == f"{state.demonyms[0]} {role.label}", entry.id
        parents = [(p.id, p.relation) for p in entry.parents]
        assert parents == ([(state.id, "part_of")] if role.organ else []), entry.id


@pytest.mark.parametrize(
    ("noun", "role"),
    [
        ("insurgent", "REB"),
        ("separatist", "REB"),
        ("jihadist", "UAF"),
        ("paramilitary", "UAF"),
        ("loyalist", "UAF"),
        ("mercenary", "UAF"),
        ("demonstrator", "CVL"),
        ("activist", "CVL"),
        ("mediator", "GOV"),
        ("inspector", "GOV"),
        ("peacekeeper", "MIL"),
        ("investigator", "COP"),
        ("suspect", "CRM"),
        ("bandit", "CRM"),
        ("herder", "AGR"),
    ],
)
def test_generic_actor_nouns_name_a_sensible_role(noun: str, role: str):
    assert load_actors().role_of_noun.get(noun) == role


def test_well_known_names_resolve_to_one_actor():
    """A sample of names a conflict analyst expects the knowledge base to know."""
    kb = load_actors()
    owner = {a.text.lower(): a.actor_id for a in kb.aliases()}
    expected = {
        "islamic state in the greater sahara": "IS_SAHEL",
        "iswap": "ISWAP",
        "ansaru": "ANSARU",
        "fano": "FANO",
        "africa corps": "AFRICA_CORPS",
        "pdf": "PDF_MYANMAR",
        "kia": "KIA",
        "tahrir al-sham": "HTS",
        "idf": "ISRMIL",
        "revolutionary guards": "IRNMIL",
        "tatmadaw": "MMRMIL",
        "pro-russian separatists": "UKRREB",
        "sinaloa cartel": "SINALOA_CARTEL",
        "monusco": "MONUSCO",
        "unmil": "UNMIL",
        "white helmets": "SYRIA_CIVIL_DEFENCE",
    }
    assert {name: owner.get(name) for name in expected} == expected
