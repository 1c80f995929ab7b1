"""Event coding mechanisms, one by one, on sentences we wrote (the real lexicon and parser)."""

from __future__ import annotations

from datetime import date

import pytest

from factions.pipeline import Pipeline
from factions.records import Document, Event


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def code(pipeline: Pipeline, text: str) -> list[Event]:
    document = Document(text=text, source="t", published=date(2019, 4, 10))
    return list(pipeline.process_one(document).events)


def pairs(events: list[Event]) -> set[tuple[str, str, str]]:
    return {
        (e.source.id if e.source else "-", e.plover or "-", e.target.id if e.target else "-")
        for e in events
    }


def test_active_verb_with_object(pipeline: Pipeline):
    events = code(pipeline, "Chad's army attacked Boko Haram positions near the lake.")
    assert ("TCDMIL", "ASSAULT", "BOKO_HARAM") in pairs(events)
    event = next(e for e in events if e.plover == "ASSAULT")
    assert event.cameo and event.cameo.startswith(("18", "19"))
    assert event.quad_class == 4 and event.goldstein is not None and event.goldstein < 0
    assert not event.negated and event.modality == "asserted"


def test_passive_with_agent(pipeline: Pipeline):
    events = code(pipeline, "The Kurdish militia was backed by the United States.")
    assert any(e.source and e.source.id == "USA" and e.plover == "SUPPORT" for e in events)


def test_prepositional_frame(pipeline: Pipeline):
    events = code(pipeline, "The opposition appealed to the African Union for protection.")
    assert any(e.plover == "REQUEST" and e.target and e.target.id == "AU" for e in events)


def test_coordination_gives_one_event_per_pair(pipeline: Pipeline):
    events = code(pipeline, "Egypt and Jordan condemned Israel and Iran on Tuesday.")
    accusations = {p for p in pairs(events) if p[1] == "ACCUSE"}
    assert accusations == {
        ("EGY", "ACCUSE", "ISR"),
        ("EGY", "ACCUSE", "IRN"),
        ("JOR", "ACCUSE", "ISR"),
        ("JOR", "ACCUSE", "IRN"),
    }


def test_relative_clause_subject(pipeline: Pipeline):
    events = code(pipeline, "Al-Shabaab, which has been fighting Somali troops, seized a town.")
    assert ("AL_SHABAAB", "ASSAULT", "SOMMIL") in pairs(events)


def test_participle_modifier(pipeline: Pipeline):
    events = code(pipeline, "The Saudi-led coalition fighting the Houthis announced a truce.")
    assert any(e.plover == "ASSAULT" and e.target and e.target.id == "HOUTHIS" for e in events)


def test_negation_is_kept_not_dropped(pipeline: Pipeline):
    events = code(pipeline, "Niger did not expel the French ambassador.")
    expelled = [e for e in events if e.target and e.target.id.startswith("FRA")]
    assert expelled and all(e.negated for e in expelled)


def test_refusal_negates_what_is_refused(pipeline: Pipeline):
    events = code(pipeline, "Serbia refused to recognise Kosovo.")
    refused = [e for e in events if e.trigger == "recognise"]
    assert refused and all(e.negated for e in refused)
    # The refusal itself is a rejection of Kosovo (CAMEO 12), asserted.
    assert any(e.plover == "REJECT" and not e.negated and e.target for e in events)


def test_hedged_and_claimed(pipeline: Pipeline):
    hedged = code(pipeline, "Iran reportedly supplied drones to Russia.")
    assert any(e.modality == "hedged" for e in hedged)
    claimed = code(pipeline, "Kyiv said Russian forces shelled Kharkiv overnight.")
    shelling = [e for e in claimed if e.plover == "ASSAULT"]
    assert shelling and shelling[0].source and shelling[0].source.id == "RUSMIL"
    assert shelling[0].modality == "claimed"
    assert shelling[0].attribution is not None
    assert shelling[0].attribution.name.startswith("Ukrain")


def test_theme_verbs_are_coded_by_what_they_move(pipeline: Pipeline):
    events = code(pipeline, "Turkey sent troops to Libya and gave drones to the government.")
    kinds = {(e.source.id if e.source else None, e.plover) for e in events}
    assert ("TUR", "MOBILIZE") in kinds
    assert ("TUR", "AID") in kinds


def test_nominal_trigger_with_possessor_and_light_verb(pipeline: Pipeline):
    events = code(pipeline, "Washington imposed sanctions on Venezuela over the election.")
    assert any(e.plover == "SANCTION" and e.target and e.target.id == "VEN" for e in events)
    events = code(pipeline, "Russian airstrikes on Idlib killed civilians.")
    assert any(e.plover == "ASSAULT" and e.source and e.source.id == "RUS" for e in events)


def test_no_actor_no_event(pipeline: Pipeline):
    assert code(pipeline, "The weather was cold in the capital on Monday.") == []


def test_an_event_noun_points_back_to_the_doer_of_that_event(pipeline: Pipeline):
    events = code(
        pipeline,
        "Al-Shabaab fighters attacked a hotel in Mogadishu on Friday. "
        "Kenya and Ethiopia condemned the attack.",
    )
    condemnations = {p for p in pairs(events) if p[1] == "ACCUSE"}
    assert condemnations == {("KEN", "ACCUSE", "AL_SHABAAB"), ("ETH", "ACCUSE", "AL_SHABAAB")}


def test_a_participle_with_no_addressee_addresses_the_commented_object(pipeline: Pipeline):
    events = code(
        pipeline,
        "Hamas praised Egypt's mediation, but recalled Israel's blockade of Gaza, "
        "warning that the truce could collapse.",
    )
    assert ("HAMAS", "THREATEN", "ISR") in pairs(events)
    lone = code(pipeline, "Hamas warned that the truce could collapse.")
    assert not any(e.plover == "THREATEN" and e.target for e in lone)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey dismissed the Kurdish militia as a terrorist proxy.", ("TUR", "ACCUSE")),
        ("Beijing branded the visit by Nancy Pelosi a provocation.", ("CHN", "ACCUSE")),
        ("Moscow described the sanctions by the EU as illegal.", ("RUS", "ACCUSE")),
        ("Kenya called Ethiopia a reliable partner.", ("KEN", "SUPPORT")),
    ],
)
def test_calling_names_is_a_judgement(pipeline: Pipeline, text: str, expected: tuple[str, str]):
    coded = {(e.source.id[:3] if e.source else "-", e.plover) for e in code(pipeline, text)}
    assert expected in coded


def test_a_judged_act_points_back_to_its_doer(pipeline: Pipeline):
    events = code(
        pipeline,
        "Iran carried out a missile test on Sunday. Germany called the test reckless. "
        "Hamas fired rockets at Israel, and Britain called it a cowardly act. "
        "China banned Australian wine, a move Canberra described as economic coercion.",
    )
    found = pairs(events)
    assert any(s.startswith("DEU") and p == "ACCUSE" and t.startswith("IRN") for s, p, t in found)
    assert any(s.startswith("GBR") and p == "ACCUSE" and t == "HAMAS" for s, p, t in found)
    assert any(s.startswith("AUS") and p == "ACCUSE" and t.startswith("CHN") for s, p, t in found)


def test_calling_without_a_judgement_is_neither_a_call_nor_an_accusation(pipeline: Pipeline):
    events = code(pipeline, "Qatar called the agreement a framework for later talks.")
    assert not any(e.trigger == "called" for e in events)
    assert not code(pipeline, "Iran said the drill went well and described it as a success.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya's rulers demanded that Somali troops leave the border town.",
            ("KEN", "REQUEST", "SOM"),
        ),
        ("Hamas warned that Israel would pay a heavy price.", ("HAMAS", "THREATEN", "ISR")),
        (
            "Iran rejected the proposal from France and warned that any strike would be answered.",
            ("IRN", "THREATEN", "FRA"),
        ),
        (
            "The envoy was detained in Tehran and called on Britain to intervene.",
            ("-", "REQUEST", "GBR"),
        ),
        ("Thousands of Serbs rallied in Belgrade to denounce NATO.", ("SRB", "PROTEST", "NATO")),
    ],
)
def test_addressees_from_the_clause(pipeline: Pipeline, text: str, expected: tuple[str, ...]):
    """A "that" clause names whom a demand or warning is aimed at; a warning joined to an act
    shares its addressee; a protest is against whom its purpose names."""
    source, plover, target = expected
    found = {
        (s[:3] if s != "-" else s, p, t[:3] if t != "-" else t)
        for s, p, t in pairs(code(pipeline, text))
    }
    assert any(
        p == plover and t == target[:3] and (source == "-" or s == source[:3]) for s, p, t in found
    ), found


def test_a_copular_clause_names_no_addressee(pipeline: Pipeline):
    events = code(pipeline, "The Taliban warned that Kabul would become a graveyard.")
    assert not any(e.plover == "THREATEN" and e.target for e in events)


def test_refusing_to_let_someone_act_rejects_them_and_negates_the_act(pipeline: Pipeline):
    events = code(
        pipeline, "Jordan's parliament refused to let Israeli troops cross its territory."
    )
    assert any(e.plover == "REJECT" and e.target and e.target.id == "ISRMIL" for e in events)
    assert all(e.negated for e in events if e.source and e.source.id == "ISRMIL")


def test_a_preposition_parsed_as_a_particle_still_names_the_target(pipeline: Pipeline):
    events = code(
        pipeline,
        "Kenya said its units were moving into the town and called on any Somali soldiers "
        "still hiding there to surrender.",
    )
    assert any(e.plover == "REQUEST" and e.target and e.target.id.startswith("SOM") for e in events)


def test_both_sides_are_the_main_pair_not_the_latest(pipeline: Pipeline):
    events = code(
        pipeline,
        "Sudan's army and the RSF agreed to a truce on Monday.\n\n"
        "Chad accused Eritrea of arming militias.\n\n"
        "The African Union urged both sides to observe the ceasefire.",
    )
    urged = {e.target.id for e in events if e.trigger == "urged" and e.target}
    assert urged == {"SDNMIL", "RSF"}


def test_an_act_with_no_named_target_is_aimed_at_the_doers_adversary(pipeline: Pipeline):
    events = code(
        pipeline,
        "Armenia accused Azerbaijan of shelling border villages on Monday.\n\n"
        "Armenia reinforced its garrisons near the border.\n\n"
        "Armenia cut the road to the north.",
    )
    reinforced = next(e for e in events if e.trigger == "reinforced")
    assert reinforced.target and reinforced.target.id == "AZE"
    assert reinforced.confidence < 0.8, "an implied target is less certain"
    assert not any(e.trigger == "cut" and e.target for e in events), "the road is no one"


def test_a_backer_named_before_a_hyphen_supports_the_backed(pipeline: Pipeline):
    events = code(pipeline, "Iran-backed Houthis fired missiles at Israel.")
    assert ("IRN", "SUPPORT", "HOUTHIS") in pairs(events)


def test_ministers_of_both_countries_are_both_sides(pipeline: Pipeline):
    events = code(
        pipeline,
        "Armenia and Azerbaijan clashed on the border on Monday. Russia said it had spoken "
        "to the defence ministers of both states and urged them to step back.",
    )
    spoken = {e.target.id for e in events if e.trigger == "spoken" and e.target}
    assert spoken == {"ARM", "AZE"}
    urged = {e.target.id for e in events if e.trigger == "urged" and e.target}
    assert urged == {"ARM", "AZE"}, "'them' after both sides are both sides"


def test_calling_off_talks_with_someone_aims_at_them(pipeline: Pipeline):
    events = code(pipeline, "Turkey called off talks with the PKK in July.")
    assert any(e.plover == "SANCTION" and e.target and e.target.id == "PKK" for e in events)


def test_an_organisation_noun_is_named_by_its_nearest_compound(pipeline: Pipeline):
    events = code(pipeline, "Kenya's opposition Azimio party accused Ruto of rigging the vote.")
    accused = next(e for e in events if e.trigger == "accused")
    assert accused.source and "Azimio" in (accused.source.mention or "")


def test_allies_leading_an_offensive_do_not_attack_each_other(pipeline: Pipeline):
    events = code(pipeline, "Chadian troops and allied Nigerien fighters led the offensive.")
    assert not any(e.plover == "ASSAULT" for e in events)
    mutual = code(pipeline, "Armenia and Azerbaijan exchanged fire on the border.")
    assert [{e.source.id, e.target.id} for e in mutual if e.source and e.target and e.plover] == [
        {"ARM", "AZE"}
    ]  # one exchange, either way round


def test_a_warning_is_aimed_at_the_other_party_it_names(pipeline: Pipeline):
    events = code(
        pipeline,
        "The Polisario Front said it would honour the pause, but warned that its men would "
        "keep fighting as long as Morocco occupied the territory.",
    )
    warned = {e.target.id for e in events if e.trigger == "warned" and e.target}
    assert warned == {"MAR"}


def test_a_named_object_of_a_prepositional_frame_is_a_target_too(pipeline: Pipeline):
    events = code(pipeline, "Kenya asked Britain for more armoured vehicles.")
    assert ("KEN", "REQUEST", "GBR") in pairs(events)


def test_a_bare_role_with_named_members_is_those_members(pipeline: Pipeline):
    events = code(pipeline, "Several groups, among them Hamas and Hezbollah, praised Iran.")
    praised = {e.source.id for e in events if e.trigger == "praised" and e.source}
    assert praised == {"HAMAS", "HEZBOLLAH"}


def test_what_is_received_from_someone_is_their_aid(pipeline: Pipeline):
    events = code(pipeline, "Moldova received artillery shells from Romania.")
    assert ("ROU", "AID", "MDA") in pairs(events)
    asylum = code(pipeline, "Chad received thousands of refugees from Sudan.")
    assert not any(e.source and e.source.id == "SDN" for e in asylum), "refugees are not aid"


def test_a_town_stands_for_its_state_and_yields_to_a_named_party(pipeline: Pipeline):
    shelled = pairs(code(pipeline, "Rebel gunners shelled Sloviansk overnight."))
    assert ("REB", "ASSAULT", "UKR") in shelled
    retaken = code(pipeline, "Russian troops retook Bakhmut from Ukraine after months of fighting.")
    assert [e.target.mention for e in retaken if e.plover == "ASSAULT" and e.target] == ["Ukraine"]


def test_the_site_of_a_facility_hit_is_the_target(pipeline: Pipeline):
    events = code(pipeline, "Houthi drones struck fuel depots in Jizan and Abha.")
    assert ("HOUTHIS", "ASSAULT", "SAU") in pairs(events)


def test_a_passive_subject_picks_a_frame_restricted_to_objects(pipeline: Pipeline):
    events = code(pipeline, "Student protesters were beaten by Iranian police.")
    assert any(e.source and e.source.id == "IRNCOP" and e.plover == "COERCE" for e in events)


def test_a_passive_agent_list_left_loose_by_the_parser():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from factions.events._arguments import agents

    words = ["Mali", "was", "condemned", "by", "Ghana", ",", "ECOWAS", "and", "Niger"]
    heads = [2, 2, 2, 2, 3, 2, 2, 6, 6]
    deps = ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct", "dep", "cc", "conj"]
    pos = ["PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in agents(doc[2])] == ["Ghana", "ECOWAS", "Niger"]


def test_ties_restored_by_coordinated_states_run_both_ways(pipeline: Pipeline):
    events = code(pipeline, "Kenya and Somalia restored diplomatic ties after a year-long rupture.")
    assert {("KEN", "SUPPORT", "SOM"), ("SOM", "SUPPORT", "KEN")} <= pairs(events)


def test_each_other_makes_any_act_mutual(pipeline: Pipeline):
    events = code(pipeline, "Sudan and Chad accused each other of arming rebels along the border.")
    assert {("SDN", "ACCUSE", "TCD"), ("TCD", "ACCUSE", "SDN")} <= pairs(events)


def test_the_object_of_a_relative_clause_is_the_noun_it_modifies(pipeline: Pipeline):
    events = code(
        pipeline, "Kenyan troops, whom al-Shabaab had attacked in January, left the base."
    )
    assert ("AL_SHABAAB", "ASSAULT", "KENMIL") in pairs(events)


def test_of_names_the_doer_when_another_preposition_names_the_target(pipeline: Pipeline):
    events = code(pipeline, "The withdrawal of Rwandan troops from Congo began in March.")
    assert ("RWAMIL", "RETREAT", "COD") in pairs(events)


def test_a_particle_parsed_as_a_preposition_in_a_passive(pipeline: Pipeline):
    events = code(pipeline, "Ethnic Serbs were driven out of Krajina by Croatian forces.")
    assert ("HRVMIL", "ASSAULT", "SRB") in pairs(events)


def test_telling_someone_to_act_is_a_demand_but_telling_reporters_is_not(pipeline: Pipeline):
    events = code(pipeline, "Ankara told Athens to withdraw its troops from the islands.")
    assert any(e.plover == "REQUEST" and e.target and e.target.id.startswith("GRC") for e in events)
    assert not code(pipeline, "The minister told reporters that the talks would resume.")


def test_a_warning_names_no_means_as_its_target(pipeline: Pipeline):
    events = code(pipeline, "SADC warned that it could use force against the mutineers in Lesotho.")
    assert not any(
        e.trigger == "warned" and e.target and e.target.id.endswith("MIL") for e in events
    )


def test_an_including_list_in_a_reported_clause_names_no_doers(pipeline: Pipeline):
    events = code(
        pipeline,
        "Tokyo warned that any attack on Japan, including Okinawa, would draw a firm response.",
    )
    assert not any(e.source and "Okinawa" in (e.source.mention or "") for e in events)


# --- Modality through coordinated infinitives and verbs above (events._modality) ---


def _event(events: list[Event], trigger: str) -> Event:
    return next(e for e in events if e.trigger == trigger)


def test_a_second_infinitive_shares_the_intention_of_the_first(pipeline: Pipeline):
    events = code(
        pipeline,
        "Hezbollah vowed to retaliate against Israel and to expel its troops from the border "
        "villages.",
    )
    assert _event(events, "retaliate").modality == "future"
    assert _event(events, "expel").modality == "future"
    events = code(
        pipeline, "France urged Iran to halt enrichment and to expel the IAEA inspectors."
    )
    assert not any(e.trigger == "expel" for e in events), "asked of Iran, like the first"


def test_a_refusal_reaches_the_second_infinitive_but_not_a_finite_conjunct(pipeline: Pipeline):
    events = code(pipeline, "Serbia refused to recognise Kosovo and to expel Albanian diplomats.")
    assert _event(events, "recognise").negated
    assert _event(events, "expel").negated
    events = code(pipeline, "Greece declined to condemn Turkey and to expel Turkish diplomats.")
    assert _event(events, "expel").negated
    events = code(pipeline, "Serbia refused to recognise Kosovo and expelled Albanian diplomats.")
    expelled = _event(events, "expelled")
    assert not expelled.negated and expelled.modality == "asserted"


def test_will_on_the_verb_above_makes_the_act_future(pipeline: Pipeline):
    events = code(pipeline, "Russia will keep attacking Ukrainian ports on Monday.")
    attacking = _event(events, "attacking")
    assert attacking.modality == "future"
    assert attacking.date == date(2019, 4, 15)  # the coming Monday, not the last one
    past = _event(code(pipeline, "Russia kept attacking Ukrainian ports on Monday."), "attacking")
    assert past.modality == "asserted" and past.date == date(2019, 4, 8)
    events = code(pipeline, "Pakistan is going to expel Afghan diplomats.")
    assert _event(events, "expel").modality == "future"


def test_reported_would_is_a_future_unless_conditional(pipeline: Pipeline):
    events = code(pipeline, "Moscow said it would continue shelling Kharkiv.")
    assert _event(events, "shelling").modality == "future"
    events = code(
        pipeline, "Turkey said it would attack Kurdish militants in Syria if the talks failed."
    )
    assert _event(events, "attack").modality == "hypothetical"
    events = code(
        pipeline, "Ankara did not say whether it would attack Kurdish militants in Syria."
    )
    assert not any(e.trigger == "attack" for e in events), "an open question is no event"


def test_could_and_if_on_the_verb_above_make_the_act_hypothetical(pipeline: Pipeline):
    events = code(pipeline, "Russia could keep attacking Ukrainian ports.")
    assert _event(events, "attacking").modality == "hypothetical"
    events = code(
        pipeline, "If Russia continues to attack Ukrainian ports, Turkey will close the straits."
    )
    assert _event(events, "attack").modality == "hypothetical"


def test_a_hedging_passive_reaches_the_second_infinitive(pipeline: Pipeline):
    events = code(
        pipeline, "Rwanda is believed to have armed the M23 and to have sent troops into Congo."
    )
    assert _event(events, "armed").modality == "hedged"
    assert _event(events, "sent").modality == "hedged"
    assert all(e.attribution is None for e in events)  # a passive subject is no speaker


def test_continuing_to_attack_reports_nothing(pipeline: Pipeline):
    attack = _event(code(pipeline, "Ethiopia did not continue to attack Eritrea."), "attack")
    assert attack.negated and attack.modality == "asserted"


def test_an_infinitive_hung_on_a_gerund_joins_the_infinitive_above(pipeline: Pipeline):
    from factions.events._modality import stance

    doc = pipeline.nlp(
        "The African Union calls on both sides to cease fire and to release prisoners of war."
    )
    release = next(t for t in doc if t.lower_ == "release")
    assert stance(release).modality == "future"
    doc = pipeline.nlp(
        "The African Union called on Rwanda to stop arming the M23 and to pull its troops out "
        "of Congo."
    )
    arming = next(t for t in doc if t.lower_ == "arming")
    pull = next(t for t in doc if t.lower_ == "pull")
    assert stance(arming).negated and stance(arming).modality == "future"
    assert not stance(pull).negated and stance(pull).modality == "future"


def test_ruling_out_an_act_negates_it(pipeline: Pipeline):
    talks = [
        e
        for e in code(pipeline, "Kyiv ruled out negotiating with Moscow.")
        if e.trigger == "negotiating"
    ]
    assert talks and all(e.negated for e in talks)


def test_a_nominal_event_names_its_partner_after_an_of_phrase(pipeline: Pipeline):
    events = code(pipeline, "Kenya signed a memorandum of understanding with Somaliland.")
    assert ("KEN", "AGREE", "SOMALILAND") in pairs(events)


def test_talks_on_a_matter_between_two_parties_are_their_talks(pipeline: Pipeline):
    events = code(pipeline, "Talks on a border deal between Armenia and Azerbaijan resumed.")
    assert ("ARM", "CONSULT", "AZE") in pairs(events)


def test_a_role_is_shown_by_the_phrase_that_names_it(pipeline: Pipeline):
    events = code(
        pipeline, "Bolivia accused the government of neighbouring Peru of arming smugglers."
    )
    event = next(e for e in events if e.plover == "ACCUSE")
    assert event.target is not None
    assert event.target.mention == "the government of neighbouring Peru"


def test_an_act_on_ones_own_forces_is_not_against_them(pipeline: Pipeline):
    events = code(pipeline, "Ankara said it had completed pulling its troops back from the line.")
    assert not any(e.target and e.target.id.startswith("TUR") for e in events)


def test_a_withdrawal_of_ones_own_forces_leaves_the_place_named(pipeline: Pipeline):
    events = code(pipeline, "Washington announced a drawdown of its forces from Iraq.")
    assert ("USAGOV", "RETREAT", "IRQ") in pairs(events)
    assert not any(e.target and e.target.id == "IRQMIL" for e in events)


def test_a_reaction_to_a_summed_up_claim_answers_whoever_made_it(pipeline: Pipeline):
    events = code(
        pipeline, "Quito accused Lima of sheltering smugglers, a charge that Lima denies."
    )
    assert ("PERGOV", "REJECT", "ECUGOV") in pairs(events)
    events = code(
        pipeline,
        "Kabul demanded that the Taliban free its prisoners first, "
        "conditions the militants rejected.",
    )
    assert any(e.plover == "REJECT" and e.target and e.target.id.startswith("AFG") for e in events)


def test_an_appeal_for_calm_is_addressed_to_both_parties_to_the_fight(pipeline: Pipeline):
    events = code(
        pipeline,
        "Armenia and Azerbaijan exchanged artillery fire overnight. "
        "Russia and France called for restraint.",
    )
    appeals = {p for p in pairs(events) if p[1] == "REQUEST"}
    assert appeals == {
        ("RUS", "REQUEST", "ARM"),
        ("RUS", "REQUEST", "AZE"),
        ("FRA", "REQUEST", "ARM"),
        ("FRA", "REQUEST", "AZE"),
    }


def test_a_joint_act_is_one_event_per_pair_but_mutual_blame_is_two(pipeline: Pipeline):
    met = [e for e in code(pipeline, "Kenya and Uganda held talks in Nairobi.") if e.plover]
    assert [(e.plover, {e.source.id, e.target.id}) for e in met if e.source and e.target] == [
        ("CONSULT", {"KEN", "UGA"})
    ]
    blamed = code(pipeline, "Armenia and Azerbaijan accused each other of shelling villages.")
    assert {p for p in pairs(blamed) if p[1] == "ACCUSE"} == {
        ("ARM", "ACCUSE", "AZE"),
        ("AZE", "ACCUSE", "ARM"),
    }


def test_troops_massed_on_a_border_face_the_state_across_it(pipeline: Pipeline):
    events = code(pipeline, "Algeria deployed troops along its border with Morocco.")
    assert ("DZA", "MOBILIZE", "MAR") in pairs(events)
    events = code(pipeline, "Officials say Russia has massed troops near the Finnish border.")
    assert ("RUS", "MOBILIZE", "FIN") in pairs(events)


def test_an_act_asked_of_someone_else_is_only_the_request(pipeline: Pipeline):
    events = code(pipeline, "Kinshasa demanded that Kigali withdraw its troops from North Kivu.")
    assert {p[1] for p in pairs(events)} == {"REQUEST"}
    events = code(pipeline, "The envoy urged Armenia and Azerbaijan to respect the truce.")
    assert {p[1] for p in pairs(events)} == {"REQUEST"}
    intended = code(pipeline, "Russia agreed to withdraw its troops from Georgia.")
    assert any(e.plover == "RETREAT" and e.modality == "future" for e in intended)
    reported = code(pipeline, "Officials told reporters that Iran was arming the Houthis.")
    assert ("IRN", "AID", "HOUTHIS") in pairs(reported)


def test_an_attack_on_a_thing_is_on_the_party_that_owns_it(pipeline: Pipeline):
    events = code(pipeline, "Israeli jets launched raids on Hamas tunnels in Gaza overnight.")
    assert ("ISRMIL", "ASSAULT", "HAMAS") in pairs(events)
    events = code(pipeline, "Azerbaijani drones carried out strikes near Armenian border posts.")
    assert any(e.plover == "ASSAULT" and e.target and e.target.id.startswith("ARM") for e in events)


def test_both_sides_are_the_states_not_the_organs_that_fought(pipeline: Pipeline):
    events = code(
        pipeline,
        "Indian troops shelled Pakistani posts. Pakistani jets struck Indian positions. "
        "India and Pakistan traded accusations. China urged both sides to show restraint.",
    )
    urged = {e.target.id for e in events if e.plover == "REQUEST" and e.target}
    assert urged == {"IND", "PAK"}


def test_a_hostile_act_made_conditional_on_another_party_threatens_it(pipeline: Pipeline):
    events = code(
        pipeline,
        "Ankara warned that the United States would keep arming the YPG if Turkey attacked "
        "Kobani, officials said.",
    )
    assert ("USA", "THREATEN", "TUR") in pairs(events)
    events = code(pipeline, "Israel said it would strike Hezbollah if the group fired rockets.")
    assert ("ISR", "THREATEN", "HEZBOLLAH") in pairs(events)
    assert not any(e.plover == "ASSAULT" and e.target for e in events if e.trigger == "strike")
    offer = code(pipeline, "Berlin would send Taurus missiles if Kyiv asked.")
    assert not any(e.plover == "THREATEN" for e in offer)


def test_rejecting_that_accusation_answers_whoever_made_it(pipeline: Pipeline):
    events = code(
        pipeline,
        "Baku accused Yerevan of shelling its villages. Yerevan has rejected that accusation.",
    )
    assert ("ARMGOV", "REJECT", "AZEGOV") in pairs(events)


def test_a_side_clause_with_its_own_addressee_does_not_borrow_the_first(pipeline: Pipeline):
    events = code(
        pipeline,
        "The Danish envoy accused Iran of stalling and urged the council to act quickly.",
    )
    assert not any(e.plover == "REQUEST" and e.target and e.target.id == "IRN" for e in events)


def test_claiming_an_attack_makes_the_claimant_its_doer(pipeline: Pipeline):
    events = code(
        pipeline, "Islamic State claimed responsibility for the attack on Russian troops."
    )
    assert ("ISIS", "ASSAULT", "RUSMIL") in pairs(events)
    events = code(pipeline, "A militia backed by Iran claimed the drone attack on the US base.")
    assert any(e.plover == "ASSAULT" and e.target and e.target.id == "USA" for e in events)


def test_a_protest_outside_an_embassy_is_at_its_state(pipeline: Pipeline):
    events = code(
        pipeline, "Hundreds of students protested outside the Russian embassy in Tbilisi."
    )
    assert any(e.plover == "PROTEST" and e.target and e.target.id.startswith("RUS") for e in events)
    events = code(pipeline, "Soldiers mutinied at the Kati barracks outside Bamako on Tuesday.")
    assert not any(e.target and "Kati" in e.target.mention for e in events)


def test_members_listed_with_their_group_act_together_not_on_each_other(pipeline: Pipeline):
    events = code(
        pipeline, "Donors, including Japan, Norway and the World Bank, pledged support on Monday."
    )
    assert not any(e.source and e.target and e.source.id in {"JPN", "NOR"} for e in events)


def test_a_sum_announced_for_someone_is_aid(pipeline: Pipeline):
    events = code(pipeline, "Canada announced another $500 million in military aid for Ukraine.")
    assert ("CAN", "AID", "UKR") in pairs(events)


def test_an_act_denied_in_a_that_clause_is_negated(pipeline: Pipeline):
    events = code(
        pipeline, "Beijing denied that its coast guard had rammed a Philippine supply boat."
    )
    rammed = [e for e in events if e.trigger == "rammed"]
    assert rammed and all(e.negated for e in rammed)
    events = code(pipeline, "Ethiopia accused Egypt of arming the rebels; Cairo denied any role.")
    assert any(e.plover == "ACCUSE" and not e.negated for e in events)


def test_soldiers_firing_on_protesters_is_repression_but_on_villagers_an_assault(
    pipeline: Pipeline,
):
    events = code(pipeline, "Soldiers opened fire on demonstrators in Khartoum, killing nine.")
    assert any(e.plover == "COERCE" and e.cameo == "175" for e in events)
    events = code(pipeline, "Soldiers shelled a village in Darfur, killing 17 civilians.")
    assert not any(e.plover == "COERCE" for e in events)


def test_a_refusal_reaches_the_party_after_the_refused_acts_object(pipeline: Pipeline):
    events = code(pipeline, "Kenya refused to extradite the opposition leader to Uganda.")
    assert ("KEN", "REJECT", "UGA") in pairs(events)


def test_a_role_named_beside_it_is_shown_with_the_name(pipeline: Pipeline):
    events = code(
        pipeline,
        "The rebel commander, Colonel Jean Mutombo, has rejected the ultimatum from Kinshasa.",
    )
    rejected = next(e for e in events if e.plover == "REJECT")
    assert rejected.source is not None
    assert "Jean Mutombo" in rejected.source.mention


def test_a_judgement_quoted_after_its_object_still_judges(pipeline: Pipeline):
    events = code(
        pipeline,
        "Iran carried out a missile test on Sunday. "
        'Israel called the test "utterly unacceptable" and urged new sanctions.',
    )
    assert ("ISR", "ACCUSE", "IRN") in pairs(events)


def test_an_act_named_by_a_verb_can_be_judged_later_by_its_noun(pipeline: Pipeline):
    events = code(
        pipeline,
        'Iran tested a ballistic missile on Sunday. Israel called the test "utterly unacceptable".',
    )
    assert ("ISR", "ACCUSE", "IRN") in pairs(events)


def test_a_light_verbs_own_arguments_are_no_guess_even_as_pronouns(pipeline: Pipeline):
    events = code(
        pipeline,
        "Qatar backs Hamas. Doha has said it gives the movement only humanitarian support.",
    )
    support = [e for e in events if e.trigger == "support"]
    assert support and support[0].target and support[0].target.id == "HAMAS"


def test_their_forces_are_all_the_coordinated_doers_own(pipeline: Pipeline):
    events = code(
        pipeline, "Rutte said the Netherlands and its NATO allies would pull out their troops."
    )
    assert not any(e.target and e.target.id == "NLDMIL" for e in events)


def test_a_fight_naming_no_party_is_between_the_documents_two_sides(pipeline: Pipeline):
    events = code(
        pipeline,
        "The army and the RSF clashed in Khartoum on Monday. "
        "Heavy fighting continued in the capital on Friday.",
    )
    fights = [e for e in events if e.trigger == "fighting"]
    assert len(fights) == 1
    assert fights[0].source and fights[0].target
    sides = {fights[0].source.id, fights[0].target.id}
    assert len(sides) == 2 and "RSF" in sides


def test_ground_held_by_someone_is_theirs_when_attacked(pipeline: Pipeline):
    events = code(pipeline, "Ethiopian drones have been striking TPLF-held towns for weeks.")
    assert any(e.plover == "ASSAULT" and e.target and e.target.id == "TPLF" for e in events)


def test_a_declaration_speaks_for_whoever_issued_it(pipeline: Pipeline):
    events = code(
        pipeline,
        "Egypt and Jordan issued a joint statement voicing their support for the "
        "Palestinian Authority.",
    )
    supporters = {e.source.id for e in events if e.plover == "SUPPORT" and e.source}
    assert supporters == {"EGY", "JOR"}


def test_passive_agents_the_parser_hung_elsewhere(pipeline: Pipeline):
    events = code(
        pipeline, "Several Houthi leaders were designated as terrorists by the US Treasury."
    )
    assert any(e.plover == "SANCTION" and e.source and e.source.id == "USA" for e in events)
    events = code(pipeline, "The rebels were armed and trained by Rwanda, a UN panel said.")
    assert any(e.plover == "AID" and e.source and e.source.id == "RWA" for e in events)


def test_an_among_them_list_names_members_of_the_doer(pipeline: Pipeline):
    events = code(
        pipeline, "Several African states, among them Kenya and Ghana, have sent troops to Haiti."
    )
    doers = {e.source.id for e in events if e.source}
    assert {"KEN", "GHA"} <= doers


def test_a_reaction_over_someones_act_is_aimed_at_them(pipeline: Pipeline):
    events = code(
        pipeline,
        "Vietnam lodged a formal complaint over China's construction of artificial islands.",
    )
    assert ("VNM", "ACCUSE", "CHN") in pairs(events)


def test_a_refusal_reaches_the_party_its_object_is_aimed_at(pipeline: Pipeline):
    events = code(pipeline, "Washington has refused to lift its embargo on Cuba.")
    assert any(e.plover == "REJECT" and e.target and e.target.id == "CUB" for e in events)


def test_a_nominal_trigger_tagged_as_an_adjective_still_counts(pipeline: Pipeline):
    events = code(pipeline, "Kyiv's counteroffensive against Russian positions stalled in 2023.")
    assert any(e.plover == "ASSAULT" and e.target and e.target.id == "RUS" for e in events)


def test_the_purpose_of_a_denied_act_is_denied_with_it(pipeline: Pipeline):
    events = code(pipeline, "Islamabad has denied sending fighters to help the Taliban.")
    helped = [e for e in events if e.trigger == "help"]
    assert helped and all(e.negated for e in helped)
    events = code(pipeline, "Russia sent troops to help Assad.")
    assert any(e.trigger == "help" and not e.negated for e in events)


def test_out_of_parsed_as_two_prepositions_is_still_a_particle(pipeline: Pipeline):
    events = code(pipeline, "Vietnam pulled its troops out of Cambodia in 1989.")
    assert ("VNM", "RETREAT", "KHM") in pairs(events)
    asked = code(pipeline, "Hanoi urged Bangkok to pull its troops out of Cambodia.")
    assert not any(e.plover == "RETREAT" for e in asked)


def test_armed_forces_leaving_a_country_withdraw_from_it(pipeline: Pipeline):
    events = code(pipeline, "The last American soldiers left Afghanistan on 30 August 2021.")
    assert ("USAMIL", "RETREAT", "AFG") in pairs(events)
    trip = code(pipeline, "The foreign minister left Kabul on Monday.")
    assert not any(e.plover == "RETREAT" for e in trip)


def test_letting_outsiders_in_is_access_granted_to_them(pipeline: Pipeline):
    events = code(pipeline, "Damascus allowed OPCW inspectors into Douma after a week's delay.")
    assert any(e.plover == "RETREAT" and e.cameo == "086" and e.target for e in events)
    events = code(pipeline, "Israel has not allowed UN investigators into Gaza.")
    assert any(e.plover == "RETREAT" and e.negated for e in events)


def test_an_act_asked_about_with_whether_is_no_event(pipeline: Pipeline):
    asked = code(
        pipeline, "Turkey did not say whether it would extradite the Kurdish leader to Iraq."
    )
    assert not any(e.plover == "COERCE" or e.trigger == "extradite" for e in asked)
    told = code(pipeline, "Turkey said it would extradite the Kurdish leader to Iraq.")
    assert any(e.trigger == "extradite" for e in told), "the same act announced is coded"


def test_not_accepting_a_ruling_rejects_it_but_not_recognising_a_state_is_withheld(
    pipeline: Pipeline,
):
    ruling = code(pipeline, "Caracas has never accepted the court's ruling on the border.")
    assert any(e.plover == "REJECT" and not e.negated for e in ruling)
    state = code(pipeline, "Azerbaijan has never recognised Armenia's government.")
    assert not any(e.plover == "REJECT" for e in state)
    assert any(e.plover == "SUPPORT" and e.negated for e in state)


def test_concern_voiced_at_no_one_named_is_at_the_latest_attacker_as_a_state(pipeline: Pipeline):
    events = code(
        pipeline,
        "Eritrea denied the report. Eritrean troops shelled Ethiopian villages near the "
        "border on Sunday. Kenya and Uganda voiced concern.",
    )
    concern = {p for p in pairs(events) if p[1] == "ACCUSE"}
    assert concern == {("KEN", "ACCUSE", "ERI"), ("UGA", "ACCUSE", "ERI")}
    calm = code(pipeline, "Kenya and Uganda voiced concern about the floods.")
    assert not any(e.plover == "ACCUSE" for e in calm), "no violence, no one to blame"


def test_a_proposed_act_is_not_coded_as_done(pipeline: Pipeline):
    events = code(
        pipeline, "Egypt proposed that Israel withdraw its troops from the Rafah crossing."
    )
    assert not any(e.source and e.source.id.startswith("ISR") for e in events)
    insisted = code(pipeline, "Police did not fire teargas at the marchers, the ministry insisted.")
    assert any(e.negated and e.plover == "COERCE" for e in insisted), "insisting reports"


def test_time_given_to_act_is_an_ultimatum_and_the_act_is_only_asked(pipeline: Pipeline):
    events = code(pipeline, "Turkey gave the Kurdish fighters 48 hours to leave the border area.")
    ultimatum = next(e for e in events if e.trigger == "gave")
    assert (ultimatum.plover, ultimatum.cameo) == ("THREATEN", "139")
    assert ultimatum.source and ultimatum.source.id == "TUR"
    assert not any(e.trigger == "leave" for e in events), "the leaving has not happened"
    tabled = code(
        pipeline, "France tabled a draft resolution giving Iran until April 30 to halt enrichment."
    )
    assert ("FRA", "THREATEN", "IRN") in pairs(tabled)
    gift = code(pipeline, "Qatar gave Hamas an office in Doha to run its political affairs.")
    assert not any(e.plover == "THREATEN" for e in gift), "no time given, no ultimatum"


def test_a_wave_of_attacks_is_the_attacks(pipeline: Pipeline):
    events = code(pipeline, "Israel carried out a series of airstrikes against Hezbollah.")
    assert ("ISR", "ASSAULT", "HEZBOLLAH") in pairs(events)
    waves = code(pipeline, "Al-Shabaab launched a wave of attacks on Kenya last year.")
    assert ("AL_SHABAAB", "ASSAULT", "KEN") in pairs(waves)


def test_an_appeal_for_calm_after_a_call_is_addressed_to_the_one_called(pipeline: Pipeline):
    events = code(
        pipeline,
        "Sudanese troops clashed with Chadian forces on the border. Qatar's emir spoke by "
        "telephone with Chadian President Mahamat Deby and urged restraint.",
    )
    urged = [e for e in events if e.trigger == "urged"]
    assert [e.target.id for e in urged if e.target] == ["DEBY_MAHAMAT"]
    assert any(e.trigger == "spoke" for e in events), "a call by telephone with someone"


def test_embassies_attacked_in_a_capital_are_not_the_host_states(pipeline: Pipeline):
    events = code(pipeline, "A mob stormed two Western embassies in Khartoum overnight.")
    assert not any(e.target and e.target.id.startswith("SDN") for e in events)


def test_the_purpose_of_a_protest_is_what_the_protest_says(pipeline: Pipeline):
    events = code(pipeline, "Thousands of Armenians rallied in Yerevan to denounce Azerbaijan.")
    assert [(e.plover, e.target.id if e.target else None) for e in events] == [("PROTEST", "AZE")]
    plain = code(pipeline, "Armenia's foreign ministry met envoys to denounce Azerbaijan.")
    assert any(e.plover == "ACCUSE" for e in plain), "only a protest's purpose folds into it"


def test_helping_to_fight_someone_does_not_help_them(pipeline: Pipeline):
    events = code(pipeline, "Rwanda sent soldiers to Mozambique to help fight the insurgents.")
    assert not any(e.plover == "AID" and e.target and e.target.id == "REB" for e in events)
    assert any(e.plover == "ASSAULT" and e.target for e in events)
    brought = code(pipeline, "Qatar helped bring the Taliban to the negotiating table.")
    assert any(e.trigger == "helped" and e.target and e.target.id == "TALIBAN" for e in brought)


def test_a_threat_is_coded_by_what_it_threatens_and_the_threatened_act_is_not_done(
    pipeline: Pipeline,
):
    events = code(pipeline, "Hezbollah threatened to strike Israeli ports in any future war.")
    assert [(e.plover, e.cameo) for e in events] == [("THREATEN", "138")]
    arrest = code(pipeline, "Serbia threatened to arrest Kosovo's prime minister.")
    assert [(e.plover, e.cameo) for e in arrest] == [("THREATEN", "137")]
    bare = code(pipeline, "Iran threatened Israel.")
    assert [(e.plover, e.cameo) for e in bare] == [("THREATEN", "130")]


def test_an_act_said_to_break_a_law_is_the_speakers_accusation_of_its_doer(pipeline: Pipeline):
    events = code(
        pipeline, "Guyana's foreign ministry said Venezuela's move violated international law."
    )
    assert [(e.plover, e.target.id if e.target else None) for e in events] == [("ACCUSE", "VEN")]
    unsaid = code(pipeline, "Venezuela's move violated international law.")
    assert not any(e.plover == "ACCUSE" for e in unsaid), "no one says so"


def test_a_name_coordinated_into_a_modifier_is_a_doer_of_its_own(pipeline: Pipeline):
    # the small parser reads "Kishida and South Korean President Yoon" as one noun phrase
    events = code(
        pipeline,
        "Kishida and South Korean President Yoon Suk Yeol agreed on Sunday to resume visits.",
    )
    agreed = [e for e in events if e.trigger == "agreed"]
    assert agreed and agreed[0].source and agreed[0].target
    assert {agreed[0].source.name, agreed[0].target.name} == {"Fumio Kishida", "Yoon Suk Yeol"}


def test_a_fight_witnesses_tell_of_or_a_war_breaking_out_is_between_the_sides(pipeline: Pipeline):
    events = code(
        pipeline,
        "The army and the RSF clashed in Khartoum on Monday. Residents reported heavy artillery "
        "fire and air strikes near the airport. Witnesses also reported a fire at the port.",
    )
    fights = [e for e in events if e.trigger in ("fire", "strikes")]
    assert fights and all({e.source.id, e.target.id} == {"MIL", "RSF"} for e in fights)
    assert len({e.sentence for e in fights}) == 1, "a fire at the port is no fight"
    war = code(
        pipeline, "Armenia and Azerbaijan clashed in May. The war erupted again in September."
    )
    assert any(e.trigger == "war" and e.plover == "ASSAULT" for e in war)


def test_holding_a_veto_is_no_veto(pipeline: Pipeline):
    events = code(pipeline, "China and Russia hold vetoes on the UN Security Council.")
    assert not any(e.plover == "REJECT" for e in events)
    used = code(pipeline, "Russia used its veto against the United States.")
    assert ("RUS", "REJECT", "USA") in pairs(used)


def test_mediators_mediate_side_by_side_not_with_each_other(pipeline: Pipeline):
    passive = code(pipeline, "The deal followed talks brokered by Qatar and Egypt.")
    assert not any({e.source.id, e.target.id} == {"QAT", "EGY"} for e in passive if e.target)
    active = code(pipeline, "Qatar and Egypt mediated between Israel and Hamas.")
    assert not any({e.source.id, e.target.id} == {"QAT", "EGY"} for e in active if e.target)
    signed = code(pipeline, "The peace deal was signed by the government and the FARC in Havana.")
    assert any(e.plover == "AGREE" and e.target for e in signed), "signatories agree together"


def test_a_gerund_read_as_a_verb_after_accuse_is_the_objects_adjective(pipeline: Pipeline):
    events = code(pipeline, "Kyiv accused retreating Russian units of looting the museum.")
    assert [e.plover for e in events if e.source and e.source.id.startswith("UKR")] == ["ACCUSE"]


def test_a_reaction_to_an_act_noun_that_times_a_clause_answers_its_doer(pipeline: Pipeline):
    events = code(
        pipeline,
        "Serbia annexed the district after a referendum that Kosovo condemned as illegal.",
    )
    assert ("XKX", "ACCUSE", "SRB") in pairs(events)


def test_the_object_of_a_causative_does_the_act_it_was_prompted_to(pipeline: Pipeline):
    events = code(
        pipeline,
        "Mortar rounds hit a Turkish border village, prompting Ankara to summon Syria's envoy.",
    )
    assert any(e.trigger == "summon" and e.source and e.source.id == "TURGOV" for e in events)


def test_all_parties_after_a_fight_are_its_two_sides(pipeline: Pipeline):
    events = code(
        pipeline,
        "Armenia and Azerbaijan clashed on the border. Russia called on all parties to show "
        "restraint.",
    )
    called = {e.target.id for e in events if e.trigger == "called" and e.target}
    assert called == {"ARM", "AZE"}


def test_a_clause_verb_read_as_a_modifier_after_while_is_the_clauses_verb(pipeline: Pipeline):
    events = code(
        pipeline,
        "Thousands of Serbs rallied in Belgrade on Sunday, while a smaller group protested "
        "outside the U.S. embassy against the NATO bombing.",
    )
    protest = [e for e in events if e.trigger == "protested"]
    assert protest and protest[0].source and protest[0].target
    assert protest[0].target.id.startswith("USA")


def test_police_killing_people_who_are_no_crowd_is_an_assault_not_repression(pipeline: Pipeline):
    killed = code(pipeline, "Iranian border guards killed four Afghan migrants near the frontier.")
    assert [e.plover for e in killed if e.trigger == "killed"] == ["ASSAULT"]
    crowd = code(pipeline, "Kenyan police killed three protesters in Nairobi.")
    assert [e.plover for e in crowd if e.trigger == "killed"] == ["COERCE"]
    beaten = code(pipeline, "Kenyan police beat villagers in Nairobi.")
    assert [e.plover for e in beaten if e.trigger == "beat"] == ["COERCE"]


def test_a_load_sent_is_coded_by_what_it_carries(pipeline: Pipeline):
    events = code(pipeline, "Aid agencies began sending convoys of food and medicine to Yemen.")
    assert [(e.plover, e.target.id if e.target else None) for e in events] == [("AID", "YEM")]
    arms = code(pipeline, "Iran sent shipments of rockets to the Houthis.")
    assert any(e.plover == "AID" and e.target and e.target.id == "HOUTHIS" for e in arms)


def test_those_responsible_for_the_fighting_are_its_two_sides(pipeline: Pipeline):
    events = code(
        pipeline,
        "Armenia and Azerbaijan clashed on the border. The EU threatened sanctions against "
        "those responsible for the violence.",
    )
    threatened = {e.target.id for e in events if e.plover == "THREATEN" and e.target}
    assert threatened == {"ARM", "AZE"}


def test_an_object_given_as_what_someone_said_it_was(pipeline: Pipeline):
    events = code(
        pipeline, "Israeli jets hit what the army said was a Hamas weapons depot in Gaza."
    )
    assert ("ISRMIL", "ASSAULT", "HAMAS") in pairs(events)


def test_soldiers_beating_unarmed_people_is_repression_but_killing_villagers_an_assault(
    pipeline: Pipeline,
):
    beaten = code(pipeline, "Soldiers beat journalists outside the parliament in Harare.")
    assert [(e.plover, e.cameo) for e in beaten if e.trigger == "beat"] == [("COERCE", "175")]
    killed = code(pipeline, "Soldiers killed 17 villagers in Darfur.")
    assert [e.plover for e in killed if e.trigger == "killed"] == ["ASSAULT"]


def test_a_subject_that_says_no_one_negates_the_act(pipeline: Pipeline):
    events = code(
        pipeline, "Not a single African leader congratulated Museveni on his re-election."
    )
    congratulated = [e for e in events if e.trigger == "congratulated"]
    assert congratulated and all(e.negated for e in congratulated)
    some = code(pipeline, "A single African leader congratulated Museveni on his re-election.")
    assert any(e.trigger == "congratulated" and not e.negated for e in some)


def test_refusing_to_let_someone_be_treated_so_is_aimed_at_them(pipeline: Pipeline):
    events = code(
        pipeline, "Kabul has refused to let the Taliban be recognised as a legitimate party."
    )
    assert any(e.plover == "REJECT" and e.target and e.target.id == "TALIBAN" for e in events)


def test_a_denial_answered_by_what_another_did_blames_them(pipeline: Pipeline):
    events = code(
        pipeline,
        "Khartoum denied bombing the camp, saying the SPLA had shelled it. "
        "The SPLA has rejected that accusation.",
    )
    accused = [e for e in events if e.plover == "ACCUSE"]
    assert [(e.source.id, e.target.mention) for e in accused if e.source and e.target] == [
        ("SDNGOV", "SPLA")
    ]
    rejected = [e for e in events if e.trigger == "rejected"]
    assert rejected and rejected[0].target and rejected[0].target.id == "SDNGOV"
    own = code(pipeline, "Kigali denied sending troops, saying its forces were only defending.")
    assert not any(e.plover == "ACCUSE" for e in own), "its own forces are no one blamed"


def test_an_opening_they_after_a_coordinated_subject_is_each_of_them(pipeline: Pipeline):
    events = code(
        pipeline,
        "Brazil and South Africa have argued that sanctions alone will not end the war. They "
        "have proposed that Russia pull its troops back, an idea Kyiv has rejected.",
    )
    proposers = {e.source.id for e in events if e.trigger == "proposed" and e.source}
    assert proposers == {"BRA", "ZAF"}
    rejected = [e for e in events if e.trigger == "rejected"]
    assert rejected and rejected[0].target and rejected[0].target.id in {"BRA", "ZAF"}


def test_two_parties_acting_in_a_call_consult_each_other(pipeline: Pipeline):
    events = code(
        pipeline,
        "Kishida and South Korean President Yoon Suk Yeol agreed in a telephone call on "
        "Sunday to resume visits.",
    )
    calls = [e for e in events if e.trigger == "call"]
    assert [e.plover for e in calls] == ["CONSULT"]
    alone = code(pipeline, "Egypt agreed in a telephone call to reopen the crossing.")
    assert not any(e.trigger == "call" for e in alone), "a call needs two parties"
