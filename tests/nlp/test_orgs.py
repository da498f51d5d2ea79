"""The gazetteer: aliases, parents, unknown names and suggestions."""

from __future__ import annotations

import pytest

from bot.domain import Organisation
from bot.nlp.orgs import Gazetteer, load_gazetteer, mentions


@pytest.fixture(scope="module")
def shipped() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("AWS", "Amazon Web Services"),
        ("Amazon Web Services", "Amazon Web Services"),
        ("amazon web services", "Amazon Web Services"),
        ("MS", "Microsoft"),
        ("Azure", "Microsoft"),
        ("Microsoft Corp.", "Microsoft"),
        ("hugging face", "Hugging Face"),
        ("Hugging Face Inc.", "Hugging Face"),
        ("Google Cloud", "Google Cloud"),
        ("P&G", "Procter & Gamble"),
        ("Microsoft Thailand", "Microsoft"),
    ],
)
def test_aliases_resolve(shipped: Gazetteer, spelling: str, canonical: str) -> None:
    resolved = shipped.resolve(spelling)
    # Azure may be its own entry under Microsoft; either way it belongs to Microsoft.
    assert resolved == canonical or canonical in shipped.ancestors(resolved or "")


def test_parents(shipped: Gazetteer) -> None:
    assert shipped.parent("Amazon Web Services") == "Amazon"
    assert "Google" in shipped.ancestors("Google Cloud")
    assert "Alphabet" in shipped.ancestors("Google Cloud")
    assert {"Google", "Google Cloud"} <= shipped.family("Alphabet")
    assert shipped.related("Alphabet", "Google Cloud")
    assert not shipped.related("Microsoft", "Google Cloud")


def test_short_all_caps_aliases_are_case_sensitive(shipped: Gazetteer) -> None:
    names = shipped.find_names("Ms Chen said the company, unlike MS, would not comment.")
    assert names == ["Microsoft"]


def test_unknown_organisations_need_a_cue() -> None:
    gazetteer = Gazetteer([])
    found = {(m.name, m.cued) for m in mentions(
        "Kestrel Robotics Inc. said on Monday that Thomas Reed, its chief, met Quarry Labs in Boston.", gazetteer)}
    assert ("Kestrel Robotics", True) in found
    assert ("Quarry Labs", True) in found
    assert ("Thomas Reed", False) in found  # a candidate, but only a deal slot could make it a party
    assert not any(name == "Boston" for name, _ in found)


def test_possessive_splits_names() -> None:
    found = [m.name for m in mentions("Microsoft will invest in Abu Dhabi's G42 this year.", Gazetteer([]))]
    assert "G42" in found and "Abu Dhabi" not in found


def test_suggestions_and_user_extension(shipped: Gazetteer) -> None:
    assert "Hugging Face" in shipped.suggest("hugingface")
    extended = load_gazetteer([Organisation(name="Kestrel Robotics", aliases=("Kestrel",), parent="Amazon")])
    assert extended.resolve("kestrel") == "Kestrel Robotics"
    assert "Amazon" in extended.ancestors("Kestrel Robotics")
    assert shipped.resolve("kestrel") is None


def test_a_legal_suffix_does_not_merge_two_organisations(shipped: Gazetteer) -> None:
    # SoftBank Corp. (the telecoms unit) differs from SoftBank (the group) only by its suffix.
    assert shipped.resolve("SoftBank") == "SoftBank"
    assert shipped.resolve("SoftBank Group") == "SoftBank"
    assert shipped.resolve("SoftBank Corp.") == "SoftBank Corp."
    assert shipped.resolve("Hugging Face Inc.") == "Hugging Face"


def test_a_short_upper_case_alias_resolves_with_its_possessive(shipped: Gazetteer) -> None:
    found = [(m.name, m.known) for m in mentions("Oracle will use AMD's chips and IBM's cloud", shipped)]
    assert ("AMD", True) in found and ("IBM", True) in found


def test_where_a_company_is_based_is_no_part_of_its_name(shipped: Gazetteer) -> None:
    names = [m.name for m in mentions("It partnered with San Francisco-based Perplexity on Tuesday", shipped)]
    assert "Perplexity" in names and not any("based" in n for n in names)


def test_a_known_companys_product_is_that_company_and_a_cued_unit_is_not(shipped: Gazetteer) -> None:
    assert [(m.name, m.known) for m in mentions("SAP today introduced SAP Business Data Cloud.", shipped)][:2] == [
        ("SAP", True), ("SAP", True)]
    assert ("Jio Financial Services", False) in [
        (m.name, m.known) for m in mentions("Jio Financial Services Ltd announced a venture.", shipped)]


def test_the_name_opening_a_title_case_headline_before_its_verb_is_cued(shipped: Gazetteer) -> None:
    assert [(m.name, m.cued) for m in mentions("Quorvia Reports Second Quarter Fiscal 2026 Financial Results",
                                                shipped)] == [("Quorvia", True)]
    assert mentions("Strong Quarter For Chip Stocks", shipped) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The government of Estonia has signed agreements with OpenAI.", "Government of Estonia"),
        ("The Greek government signed a memorandum with OpenAI.", "Government of Greece"),
        ("Greece's government signed a memorandum with OpenAI.", "Government of Greece"),
        ("The US government picked xAI.", "Government of the United States"),
        ("The British government signed a memorandum with Anthropic.", "UK Government"),
    ],
)
def test_governments_have_one_name(shipped: Gazetteer, text: str, name: str) -> None:
    assert name in [m.name for m in mentions(text, shipped)]


def test_government_spellings_normalise(shipped: Gazetteer) -> None:
    assert shipped.normal("Greek government") == "Government of Greece"
    assert shipped.normal("the government of Iceland") == "Government of Iceland"
    assert shipped.normal("Hugging Face Inc.") == "Hugging Face"
    assert shipped.normal("Brannock Freight") == "Brannock Freight"
    assert shipped.parent("Icelandic Ministry of Education and Children") == "Government of Iceland"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The State of Mississippi also signed a memorandum with Nvidia.", "State of Mississippi"),
        ("Anthropic partners with Teach For All to train teachers.", "Teach For All"),
        ("The Icelandic Ministry of Education and Children has signed an agreement with Anthropic.",
         "Icelandic Ministry of Education and Children"),
        ("The Department of Health and Human Services picked OpenAI.", "Department of Health and Human Services"),
        ("Nvidia and the National Science and Technology Council will build a supercomputer.",
         "National Science and Technology Council"),
    ],
)
def test_public_bodies_keep_their_full_names(shipped: Gazetteer, text: str, name: str) -> None:
    assert name in [m.name for m in mentions(text, shipped)]


def test_a_product_named_with_a_suffix_is_no_organisation(shipped: Gazetteer) -> None:
    names = [m.name for m in mentions("Oxford will give students ChatGPT Edu under a deal with OpenAI.", shipped)]
    assert "ChatGPT Edu" not in names and "OpenAI" in names
    # Two organisations joined by "and" stay two.
    names = [m.name for m in mentions("The Ministry of Education and Microsoft signed a deal.", shipped)]
    assert "Microsoft" in names


def test_the_inside_running_text_is_part_of_a_name(shipped: Gazetteer) -> None:
    names = [m.name for m in mentions("Palantir signed a deal with The Nuclear Company on Monday.", shipped)]
    assert "The Nuclear Company" in names
    # Opening a sentence, "The" is just the article.
    assert "Nuclear Company" in [m.name for m in mentions("The Nuclear Company signed with Palantir.", shipped)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A two-word place leaves no half of itself behind.
        ("KLAY Vision Inc., a Los Angeles startup, signed with Sony Music.", ["KLAY Vision", "Sony Music"]),
        ("Neither of the majors has signed with ElevenLabs.", ["ElevenLabs"]),
        ("Duke gives every student access to ChatGPT-4o.", ["Duke"]),
        # A unit of power opens no name; a country's adjective with its trade is the whole name.
        ("American Electric Power will buy 1 GW of Bloom fuel cells.", ["American Electric Power", "Bloom"]),
        ("The Chinese Tencent signed with British Airways.", ["Tencent", "British Airways"]),
        # Places taken out of a run leave nothing behind; "Private credit" is no company.
        ("Shares rose in Europe and the US and the Middle East.", []),
        ("Private credit group takes 80% of Hyperion.", ["Hyperion"]),
        # A brokerage or an ads business is named as a company.
        ("Sakana signed with Daiwa Securities and Amazon Ads.", ["Sakana", "Daiwa Securities", "Amazon Ads"]),
        # A town named with its state or country is a place.
        ("IREN will serve Microsoft from its Childress, Texas campus.", ["IREN", "Microsoft"]),
        ("Nokia runs a lab in Espoo, Finland with Nvidia.", ["Nokia", "Nvidia"]),
        # A model named without its maker's possessive is the model, not a party; the possessive is the maker.
        ("Lightricks signed with Getty Images to train its open LTX Video model.", ["Lightricks", "Getty Images"]),
        ("Microsoft will license Quillmark's models.", ["Microsoft", "Quillmark"]),
        ("Figma brings the Imagen 4 image model into its editor with Google Cloud.", ["Figma", "Google Cloud"]),
        # The press's short form of a state, and a minister named with a lowercase title.
        ("Helion Energy, based in Everett, Wash., signed with Microsoft.", ["Helion Energy", "Microsoft"]),
        ("It was signed by technology secretary Peter Kyle and Anthropic.", ["Anthropic"]),
        # A preposition opening a sentence is no name.
        ("Alongside the launch, Databricks signed with Anthropic.", ["Databricks", "Anthropic"]),
        # A school named after its city keeps the city.
        ("Anthropic signed with the London School of Economics.", ["Anthropic", "London School of Economics"]),
    ],
)
def test_places_pronouns_products_and_units_are_no_names(shipped: Gazetteer, text: str, names: list[str]) -> None:
    assert [m.name for m in mentions(text, shipped)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A country named in full, a region after a dropped place and a radio standard are no organisations.
        ("Anthropic will build data centres in the United States with Fluidstack.", ["Anthropic", "Fluidstack"]),
        ("KDDI runs it in Sakai, Osaka Prefecture, under a deal with Google Cloud.", ["KDDI", "Google Cloud"]),
        ("AT&T inks open RAN pact with Ericsson", ["AT&T", "Ericsson"]),
        # What kind of company opens a line, and the trade before "giant", are no part of its name.
        ("Reinsurer Halden Re joins forces with Accenture", ["Halden Re", "Accenture"]),
        ("Shipping and logistics giant CMA CGM signed with Mistral AI.", ["CMA CGM", "Mistral AI"]),
        # A known company's registered name is the company; a longer name ending in another cue is another one.
        ("Verizon Communications and Cisco Systems signed with Jio Financial Services.",
         ["Verizon", "Cisco", "Jio Financial Services"]),
        ("Spotify has signed with Sony Music Group.", ["Spotify", "Sony Music"]),
    ],
)
def test_countries_regions_kinds_and_registered_names(shipped: Gazetteer, text: str, names: list[str]) -> None:
    assert [m.name for m in mentions(text, shipped)] == names


def test_a_kind_word_opening_a_line_vouches_for_the_name(shipped: Gazetteer) -> None:
    halden = mentions("Reinsurer Halden Re joins forces with Accenture", shipped)[0]
    assert (halden.name, halden.known, halden.cued) == ("Halden Re", False, True)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A ministry's whole name: its fields joined by "and", and the country it belongs to.
        # The country's possessive names the same body as its adjective does.
        ("Estonia's Ministry of Education and Research has signed agreements with OpenAI.",
         "Estonian Ministry of Education and Research"),
        ("Awarri signed with Nigeria's Federal Ministry of Communications, Innovation and Digital Economy.",
         "Federal Ministry of Communications, Innovation and Digital Economy"),
        ("Kyivstar signed with the Ministry of Digital Transformation of Ukraine.",
         "Ministry of Digital Transformation of Ukraine"),
    ],
)
def test_a_ministry_keeps_its_whole_name(shipped: Gazetteer, text: str, name: str) -> None:
    assert name in [m.name for m in mentions(text, shipped)]


def test_a_ministry_does_not_swallow_a_company_after_and(shipped: Gazetteer) -> None:
    assert [m.name for m in mentions("The Ministry of Health and Microsoft signed.", shipped)] == [
        "Ministry of Health", "Microsoft"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # "The ChatGPT maker" names OpenAI; "ChatGPT maker OpenAI" names it once.
        ("The ChatGPT maker has added Google Cloud.", ["OpenAI", "Google Cloud"]),
        ("ChatGPT maker OpenAI signed.", ["OpenAI"]),
        # "Q&A site" opens no name.
        ("Q&A site Stack Overflow will license its data.", ["Stack Overflow"]),
    ],
)
def test_a_products_maker_named_by_the_product(shipped: Gazetteer, text: str, names: list[str]) -> None:
    assert [m.name for m in mentions(text, shipped)] == names


def test_a_conference_named_after_a_colon_is_no_name(shipped: Gazetteer) -> None:
    assert [m.name for m in mentions("AWS used the re:Invent keynote.", shipped)] == ["Amazon Web Services"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Places used as adjectives name no party.
        ("Runway lands its first Hollywood studio deal with Lionsgate", ["Runway", "Lionsgate"]),
        # A company whose name contains another's is one company.
        ("Indosat Ooredoo Hutchison has struck a deal with Nvidia.", ["Indosat Ooredoo Hutchison", "Nvidia"]),
        ("Indosat taps Nvidia to build a sovereign AI cloud", ["Indosat Ooredoo Hutchison", "Nvidia"]),
    ],
)
def test_places_and_names_inside_names(shipped: Gazetteer, text: str, names: list[str]) -> None:
    assert [m.name for m in mentions(text, shipped)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # In a headline a compound adjective opens a description of goods, however capitalised.
        ("Shutterstock Signs Six-Year Agreement With OpenAI to Provide High-Quality Training Data",
         ["Shutterstock", "OpenAI"]),
        # A registered name keeps its compound.
        ("Acme Signs Deal With Next-Gen Robotics Inc. To Build Robots", ["Acme", "Next-Gen Robotics"]),
    ],
)
def test_headline_goods_opened_by_a_compound_adjective(shipped: Gazetteer, text: str, names: list[str]) -> None:
    assert [m.name for m in mentions(text, shipped)] == names
