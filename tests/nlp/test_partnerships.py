"""Partnership extraction: table-driven sentences, the seeds, and our labelled sets."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.domain import Article
from bot.nlp.orgs import Gazetteer, load_gazetteer
from bot.nlp.partnerships import _shortenings, extract, merge
from bot.sources.files import read_path
from tests.nlp.partnership_eval import DATA, load_cases, score

WHEN = datetime(2025, 6, 3, 12, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _pairs(gazetteer: Gazetteer, title: str, text: str = "", status: str = "new",
           published: datetime = WHEN) -> set[frozenset[str]]:
    article = Article(title=title, url="https://example.test/a", text=text, published=published, id=1)
    return {frozenset((m.partnership.org_a, m.partnership.org_b))
            for m in merge(extract(article, gazetteer), gazetteer) if m.partnership.status == status}


@pytest.mark.parametrize(
    ("title", "pair"),
    [
        ("Google Cloud and Hugging Face ink AI infrastructure partnership", {"Google Cloud", "Hugging Face"}),
        ("Hugging Face, AWS partner on open-source machine learning", {"Hugging Face", "Amazon Web Services"}),
        ("SCG joins forces with Microsoft to drive digital transformation", {"SCG", "Microsoft"}),
        ("Kestrel Robotics teams up with Quarry Labs on warehouse picking", {"Kestrel Robotics", "Quarry Labs"}),
        ("Amazon to invest $4 billion in Anthropic", {"Amazon", "Anthropic"}),
        ("Aurora Health signs licensing agreement with Cobalt Medical AI", {"Aurora Health", "Cobalt Medical AI"}),
        ("What Hugging Face and Microsoft's collaboration means for applied AI", {"Hugging Face", "Microsoft"}),
    ],
)
def test_deal_headlines(gazetteer: Gazetteer, title: str, pair: set[str]) -> None:
    assert _pairs(gazetteer, title) == {frozenset(pair)}


@pytest.mark.parametrize(
    "title",
    [
        "FTC launches AI inquiry into Amazon, Alphabet, Microsoft, looking at 'investments and partnerships'",
        "Big Tech's AI partnerships draw inquiry from FTC",
        "Microsoft Reiterated Outperform by Oppenheimer Following Azure Talk",
        "Why healthcare organizations select Amazon Web Services over Google, Microsoft",
        "Verdant Bio raises $80 million in a Series B round led by Northgate Capital with Alder Ventures",
        "Daily Ledger Group sues Quillon AI over its partnership with Corvid AI",
        "Orchid Systems in talks to partner with Lumen Data",
        "Ferrous Motors ends its driving alliance with Pathway AI",
        "Mercator Bank agrees to acquire Flint Payments in a deal with Flint Labs",
        "Thirty companies, including IBM, Intel and Red Hat, form an open-model alliance",
        "Nvidia forecasts $65 billion quarter as data-center sales soar; CFO says OpenAI pact not yet final",
    ],
)
def test_hard_negatives_yield_no_new_deal(gazetteer: Gazetteer, title: str) -> None:
    assert _pairs(gazetteer, title) == set()


def test_background_deal_is_only_mentioned(gazetteer: Gazetteer) -> None:
    text = ("Stellar Analytics on Monday launched a forecasting product for grocers. "
            "The tool builds on Stellar Analytics' earlier partnership with Snowflake, signed in 2021.")
    assert _pairs(gazetteer, "Stellar Analytics launches forecasting tool", text) == set()
    assert _pairs(gazetteer, "Stellar Analytics launches forecasting tool", text, status="mentioned") == {
        frozenset({"Stellar Analytics", "Snowflake"})}


def test_what_and_kind(gazetteer: Gazetteer) -> None:
    article = Article(title="Hugging Face, AWS partner on open-source machine learning amidst AI arms race",
                      url="https://example.test/b", published=WHEN, id=1)
    (merged,) = merge(extract(article, gazetteer), gazetteer)
    assert merged.partnership.what == "open-source machine learning"
    assert merged.partnership.kind == "partnership"
    assert merged.partnership.date == WHEN


def test_merge_prefers_the_most_specific_party_and_earliest_real_date(gazetteer: Gazetteer) -> None:
    early = Article(title="Google partners with Hugging Face", url="https://a.test/1", id=1,
                    published=datetime(2024, 1, 25, 9, tzinfo=timezone.utc))
    undated = Article(title="Google Cloud partners with Hugging Face", url="https://b.test/2", id=2,
                      published=datetime(2024, 3, 1, tzinfo=timezone.utc), date_estimated=True)
    (merged,) = merge(extract(early, gazetteer) + extract(undated, gazetteer), gazetteer)
    assert {merged.partnership.org_a, merged.partnership.org_b} == {"Google Cloud", "Hugging Face"}
    assert merged.partnership.date == early.published
    assert merged.article_ids == (1, 2)


def test_seeds_give_exactly_the_expected_partnerships(gazetteer: Gazetteer, seeds_dir: Path) -> None:
    findings = []
    for result in read_path(seeds_dir, max_bytes=10**7):
        for article in result.articles:
            for a in (article, *article.related):
                findings += extract(a, gazetteer)
    merged = [m.partnership for m in merge(findings, gazetteer)]
    new = {(frozenset((p.org_a, p.org_b)), p.date.strftime("%Y-%m-%d") if p.date else None)
           for p in merged if p.status == "new"}
    assert new == {
        (frozenset({"Hugging Face", "Google Cloud"}), "2024-01-25"),
        (frozenset({"Hugging Face", "Amazon Web Services"}), "2023-02-28"),
        (frozenset({"Hugging Face", "Microsoft"}), "2022-06-04"),
        (frozenset({"Microsoft", "Procter & Gamble"}), "2022-06-08"),
        (frozenset({"Microsoft", "SCG"}), "2022-06-08"),
    }
    # OpenAI-Microsoft may appear, but never as a new deal; the FTC items yield nothing at all.
    assert not any({"Federal Trade Commission"} & {p.org_a, p.org_b} for p in merged)


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("partnerships_*.yaml")))
def test_precision_and_recall_on_labelled_sets(gazetteer: Gazetteer, name: str) -> None:
    cases = load_cases(name)
    result = score(cases, gazetteer)
    print(f"{name}: {len(cases)} articles, {result.line()}")
    for error in result.errors:
        print("  ", error)
    assert result.precision >= 0.9, result.errors
    assert result.recall >= 0.8, result.errors


@pytest.mark.parametrize(
    ("title", "text", "pair"),
    [
        # A dateline names where the story was filed; a hard-wrapped sentence is still one sentence.
        ("Bosch and Aleph Alpha agree on five-year AI deal",
         "STUTTGART — A five-year agreement covering generative AI was signed on Wednesday by Robert\n"
         "Bosch GmbH and Heidelberg-based Aleph Alpha, according to a joint statement.",
         {"Bosch", "Aleph Alpha"}),
        ("Clinic licenses heart-rhythm algorithms",
         "ROCHESTER, Minn. — Mayo Clinic has granted Halvorsen Diagnostics Ltd. an exclusive licence to a\n"
         "set of algorithms that detect irregular heart rhythms.",
         {"Mayo Clinic", "Halvorsen Diagnostics"}),
        ("Dutch forwarder picks AWS",
         "ROTTERDAM — Hollandia Freight B.V., one of the largest independent freight forwarders in the\n"
         "Netherlands, has selected AWS as its preferred cloud provider under a multi-year agreement.",
         {"Hollandia Freight", "Amazon Web Services"}),
        # "the start-up" is the one organisation the headline names.
        ("Kestrel Robotics unveils a shelf-picking robot",
         "Kestrel Robotics Inc. on Wednesday unveiled Heron, a warehouse robot.\n\nSeparately, the start-up said it "
         "had signed a co-development agreement with Toyota Motor Corp. to design a heavier version.",
         {"Kestrel Robotics", "Toyota"}),
        ("Imperial College London and St Aldric's Hospital to co-develop stroke-imaging AI", "",
         {"Imperial College London", "St Aldric's Hospital"}),
        ("KT Corporation signs memorandum of understanding with Aurora Grid Oy", "", {"KT Corp.", "Aurora Grid"}),
    ],
)
def test_datelines_wrapping_suffixes_passives_and_anaphora(gazetteer: Gazetteer, title: str, text: str,
                                                         pair: set[str]) -> None:
    assert _pairs(gazetteer, title, text) == {frozenset(pair)}


def test_a_proposed_or_unsigned_partnership_is_no_deal(gazetteer: Gazetteer) -> None:
    text = ("LONDON — The British government has proposed a partnership with Fenwick Compute, a Scottish operator "
            "of AI data centres.\n\nNo agreement has been signed.")
    assert _pairs(gazetteer, "UK government proposes compute partnership with Fenwick Compute", text) == set()


def test_sponsor_lists_and_deals_from_earlier_this_year_are_not_new(gazetteer: Gazetteer) -> None:
    sponsors = ("The summit lists its partners: platinum partners Microsoft, Google and Huawei; gold partners "
                "Mastercard and Andela Technologies.")
    assert _pairs(gazetteer, "Kigali summit draws tech giants as sponsors", sponsors) == set()
    earlier = ("Databricks launched an agent toolkit on Wednesday.\n\nDatabricks has partnerships with Anthropic and "
               "Google Cloud to offer their models on its platform, announced earlier this year.")
    assert _pairs(gazetteer, "Databricks launches agent toolkit", earlier) == set()


def test_latin_american_places_and_demonyms_are_no_parties(gazetteer: Gazetteer) -> None:
    text = "MEDELLÍN, Colombia — Colombian utility Andina Power Group signed a partnership with Schneider Electric."
    assert _pairs(gazetteer, "Andina Power Group and Schneider Electric sign grid deal", text) == {
        frozenset({"Andina Power Group", "Schneider Electric"})}


@pytest.mark.parametrize(
    ("title", "text", "pair"),
    [
        # A parent named inside the signing party's description is not the party.
        ("Cloud services arm signs model deal",
         "SEOUL — Hanbit Cloud Services, the IT arm of Samsung Electronics, said on Monday it had signed a "
         "partnership with Mistral AI to build assistants for banks.",
         {"Hanbit Cloud Services", "Mistral AI"}),
        # A description after an unknown name vouches for it as an organisation.
        ("Reseller deal for Ghana",
         "ACCRA — Sankofa, a Ghanaian IT services company, has signed a reseller agreement with Palo Alto "
         "Networks covering banks in West Africa.",
         {"Sankofa", "Palo Alto Networks"}),
        # So does a kind-of-organisation noun before it, and after "and" in a list of parties.
        ("Software company Velmora and IIT Madras agree a research collaboration", "",
         {"Velmora", "Indian Institute of Technology Madras"}),
        ("Zoho and logistics firm Tarkash set up joint lab for routing models", "", {"Zoho", "Tarkash"}),
        # Accented names, Romance connectors and leading cue words.
        ("Utility signs grid pact",
         "LIMA — Compañía Eléctrica del Sur has signed a grid digitisation agreement with Schneider Electric.",
         {"Compañía Eléctrica del Sur", "Schneider Electric"}),
        # Reselling a partner's product under a deal is a deal.
        ("Telco adds models to its catalogue",
         "MADRID — Telefónica will offer Mistral AI's models to business customers in Spain in a distribution "
         "deal that lets them pay on their existing Telefónica contract.",
         {"Telefonica", "Mistral AI"}),
        # The most specific organisation the opening names beside the other party.
        ("Retailer Lojas Aurora commits to Oracle cloud in five-year deal",
         "Lojas Aurora, the Brazilian retailer, has signed a five-year agreement with Oracle Cloud Infrastructure "
         "to run its stores' systems.",
         {"Lojas Aurora", "Oracle Cloud Infrastructure"}),
    ],
)
def test_appositives_descriptors_accents_resale_and_specific_parties(gazetteer: Gazetteer, title: str, text: str,
                                                                     pair: set[str]) -> None:
    assert _pairs(gazetteer, title, text) == {frozenset(pair)}


def test_a_parent_that_acts_itself_stays_the_party(gazetteer: Gazetteer) -> None:
    text = ("Amazon has completed a further investment in Anthropic.\nAnthropic will use Amazon Web Services as its "
            "primary cloud provider.")
    assert _pairs(gazetteer, "Anthropic and Amazon deepen ties with new investment", text) == {
        frozenset({"Amazon", "Anthropic"})}


@pytest.mark.parametrize(
    ("title", "text", "pair"),
    [
        # Agency datelines with several places and a date; stock symbols are not names.
        ("Chipmaker signs two deals in India",
         "PUNE/CHENNAI, Sept 8 (Reuters) - Qualcomm (QCOM.O) said on Friday it had signed a partnership with "
         "Infosys (INFY.NS) to build on-device assistants.",
         {"Qualcomm", "Infosys"}),
        # "with X, Y will ..." is not a list; a known name's short form is that organisation.
        ("Qualcomm teams up with Reliance Industries",
         "Under the deal with Reliance, Qualcomm will supply its Snapdragon chips and the two companies will work "
         "on phones for rural buyers.",
         {"Qualcomm", "Reliance Industries"}),
        # An option to buy a slice of the company is a stake, not an acquisition.
        ("AMD signs chip supply deal with OpenAI, gives it option to buy up to 10% of company", "",
         {"AMD", "OpenAI"}),
        # Naming a partner, and expanding a long-standing partnership, are news.
        ("Meta opens its model to business",
         "Meta is making Microsoft its \"preferred partner\" for the model.", {"Meta", "Microsoft"}),
        ("Meta and Microsoft widen ties",
         "\"Microsoft and Meta are expanding their longstanding partnership,\" Nadella said.", {"Meta", "Microsoft"}),
        # A product naming its maker is not a party; a quote's "We're" is not a name.
        ("SoftBank and OpenAI set up a joint venture in Japan",
         "SoftBank Group and OpenAI will set up a joint venture in Japan, deepening ties between the Japanese "
         "investor and the ChatGPT developer.\n\n\"We're thrilled to partner with OpenAI,\" a SoftBank executive "
         "said.",
         {"SoftBank", "OpenAI"}),
    ],
)
def test_datelines_tickers_short_forms_stakes_and_products(gazetteer: Gazetteer, title: str, text: str,
                                                           pair: set[str]) -> None:
    assert _pairs(gazetteer, title, text) == {frozenset(pair)}


def test_a_headline_pair_makes_other_deals_in_the_body_context(gazetteer: Gazetteer) -> None:
    text = ("AMD said on Monday it had signed a chip supply deal with OpenAI.\n\nAnalysts welcomed the news.\n\n"
            "The agreement comes two weeks after Nvidia said it would invest up to $100 billion in OpenAI.\n\n"
            "The tie-up is AMD's second big bet after Cohere, in which it has invested $500 million.\n\n"
            "Separately, AMD said it is working with Qualcomm on laptop chips.")
    new = _pairs(gazetteer, "AMD signs chip supply deal with OpenAI", text)
    assert new == {frozenset({"AMD", "OpenAI"}), frozenset({"AMD", "Qualcomm"})}
    assert frozenset({"Nvidia", "OpenAI"}) in _pairs(gazetteer, "AMD signs chip supply deal with OpenAI", text,
                                                     status="mentioned")


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("IBM and Meta launch 'AI Alliance' with 50 founding members",
         "IBM and Meta on Tuesday launched the AI Alliance, a group of more than 50 companies and universities."),
        ("SCG eyes AI tie-up with Microsoft, draft MoU still under negotiation",
         "SCG is negotiating a memorandum of understanding with Microsoft; the agreement has yet to be signed."),
        ("SK Telecom reports results",
         "In July, SK Telecom launched a telecoms alliance with Deutsche Telekom and Singtel."),
    ],
)
def test_consortia_negotiations_and_earlier_months_are_no_new_deal(gazetteer: Gazetteer, title: str,
                                                                    text: str) -> None:
    article = Article(title=title, url="https://example.test/a", text=text,
                      published=datetime(2025, 11, 3, tzinfo=timezone.utc), id=1)
    assert [f for f in extract(article, gazetteer) if f.status == "new"] == []


def test_places_and_languages_are_no_parties(gazetteer: Gazetteer) -> None:
    assert _pairs(gazetteer, "Microsoft to invest $1.5 billion in UAE AI firm G42",
                  "The two will build models for Arabic and Hindi speakers.") == {frozenset({"Microsoft", "G42"})}


def test_related_links_are_not_the_articles_news(gazetteer: Gazetteer) -> None:
    text = ("Meta on Tuesday released a new version of its open model for commercial use by any company.\n\n"
            "Related\n- Meta partners with Qualcomm to put its models on phones next year\n\n"
            "Read more: Meta signs cloud partnership with Oracle for training capacity in Texas")
    assert _pairs(gazetteer, "Meta releases a new open model", text) == set()


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        ("Qualcomm ties up with Infosys on edge AI", "", [{"Qualcomm", "Infosys"}]),
        # Plural deal nouns, "and the Tata Group", a dateline with a colon; "Tata" is the group, not TCS.
        ("Nvidia signs two deals in India",
         "MUMBAI: Nvidia has signed separate agreements with Reliance Industries and the Tata Group.\n\n"
         "Tata Consultancy Services will use the capacity, and Tata will host it.",
         [{"Nvidia", "Reliance Industries"}, {"Nvidia", "Tata Group"}]),
        # Rights bought from a company; "Shanghai-based" vouches for an unknown name; "analysts expect" is
        # commentary, not an analyst note.
        ("AstraZeneca bets on an obesity pill",
         "AstraZeneca is paying $185 million upfront for the rights to an oral obesity candidate from "
         "Shanghai-based Eccogene, in a market that analysts expect to top $100 billion.",
         [{"AstraZeneca", "Eccogene"}]),
        # A share swap is a capital alliance.
        ("Toyota and Isuzu Motors swap shares", "", [{"Toyota", "Isuzu Motors"}]),
        # Wire datelines without a place and odd tickers; a job title ends a name.
        ("Volkswagen to invest in Rivian",
         "June 25 (Reuters) - Volkswagen (VOWG_p.DE) will invest up to $5 billion in electric truck maker "
         "Rivian Automotive (RIVN.O).\n\n- Rivian Automotive CEO RJ Scaringe said teaming up with Volkswagen "
         "would cut costs.",
         [{"Volkswagen", "Rivian Automotive"}]),
    ],
)
def test_more_deal_phrasings_and_page_furniture(gazetteer: Gazetteer, title: str, text: str,
                                                pairs: list[set[str]]) -> None:
    assert _pairs(gazetteer, title, text) == {frozenset(p) for p in pairs}


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("FTC orders Microsoft and OpenAI to explain AI investment deals",
         "Microsoft's multibillion-dollar investment in OpenAI is under scrutiny."),
        ("OpenAI signs content deal",
         "OpenAI announced a licensing deal with the Associated Press last July."),
        ("Wipro hires Google Cloud veteran to lead alliances", ""),
        ("Analysts see TSMC-Intel foundry tie-up as possible but distant",
         "The analysts said one scenario was for TSMC to take a minority stake in Intel's factories."),
    ],
)
def test_regulators_last_months_hires_and_analysts_are_no_new_deal(gazetteer: Gazetteer, title: str,
                                                                   text: str) -> None:
    assert _pairs(gazetteer, title, text) == set()


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A buyer picking suppliers; tickers with numbers; "South Korea's" between two parties.
        ("Airtel picks 5G vendors",
         "Bharti Airtel has chosen three vendors for its 5G rollout, picking Ericsson, Nokia and Samsung "
         "Electronics to supply radio equipment.",
         [{"Bharti Airtel", "Ericsson"}, {"Bharti Airtel", "Nokia"}, {"Bharti Airtel", "Samsung Electronics"}]),
        ("Battery plant for Ohio",
         "TOKYO/SEOUL, Aug 29 (Reuters) - Honda Motor Co (7267.T) and South Korea's LG Energy Solution "
         "(373220.KS) said on Monday they would set up a joint venture to make batteries.",
         [{"Honda", "LG Energy Solution"}]),
        # A stake paid for, and "takes 21% of".
        ("Stellantis takes 21% of Leapmotor Technology", "", [{"Stellantis", "Leapmotor Technology"}]),
        ("A big bet on electric cars",
         "Stellantis will pay about 1.5 billion euros for a roughly 21 percent stake in Chinese EV start-up "
         "Leapmotor Technology.", [{"Stellantis", "Leapmotor Technology"}]),
        # A known name followed by more capitalised words ending in a corporate word is another company,
        # also when the headline shortens it.
        ("Jio Financial, BlackRock form 50:50 JV",
         "MUMBAI: Jio Financial Services Ltd (JFSL), the financial services arm demerged from Reliance "
         "Industries, on Wednesday announced a 50:50 joint venture with US-based BlackRock Inc.",
         [{"Jio Financial Services", "BlackRock"}]),
        # "investigational" drugs are not investigations; an unknown acronym's full name.
        ("Merck KGaA licenses cancer drug",
         "Merck KGaA today announced an exclusive license agreement with Jiangsu Hengrui Pharmaceuticals for an "
         "investigational PARP1 inhibitor.", [{"Merck KGaA", "Jiangsu Hengrui Pharmaceuticals"}]),
        ("NBA signs media deal with Amazon",
         "The National Basketball Association signed an 11-year media rights agreement with Amazon.",
         [{"National Basketball Association", "Amazon"}]),
    ],
)
def test_suppliers_stakes_longer_names_and_drug_words(gazetteer: Gazetteer, title: str, text: str,
                                                      pairs: list[set[str]]) -> None:
    assert _pairs(gazetteer, title, text) == {frozenset(p) for p in pairs}


def test_an_analyst_note_about_a_possible_deal_is_no_deal(gazetteer: Gazetteer) -> None:
    text = ("Jefferies expects Samsung Electronics to clear Nvidia's tests.\n\nIn a note to clients, the analyst "
            "said checks were positive. \"We believe a supply agreement with Nvidia is a matter of when, not if,\" "
            "the note said, raising its target price on Samsung.")
    assert _pairs(gazetteer, "Samsung may pass Nvidia's HBM test: Jefferies", text) == set()


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # An acronym heading a camel-cased name is that company.
        ("NBA signs media deals with NBC and Amazon",
         "The National Basketball Association said NBCUniversal will show games on its broadcast network.",
         [{"National Basketball Association", "NBCUniversal"}, {"National Basketball Association", "Amazon"}]),
        # A purchase in one clause and a new partnership in the next: the partnership stands.
        ("Palo Alto Networks Buys IBM's QRadar SaaS Business, Strikes Broad Partnership With IBM", "",
         [{"Palo Alto Networks", "IBM"}]),
        ("Security shake-up",
         "Palo Alto Networks is acquiring IBM's QRadar SaaS assets and forging a sweeping partnership with IBM "
         "under which IBM will train its consultants.", [{"Palo Alto Networks", "IBM"}]),
        # Becoming a company's provider under an agreement; "Group Plc" is the registered name.
        ("Pay-later shake-up",
         "(Bloomberg) -- Klarna Group Plc has struck an agreement to become the exclusive provider of buy now, "
         "pay later loans for OnePay, the fintech app.", [{"Klarna", "OnePay"}]),
    ],
)
def test_camel_acronyms_purchase_plus_partnership_and_providers(gazetteer: Gazetteer, title: str, text: str,
                                                                pairs: list[set[str]]) -> None:
    assert _pairs(gazetteer, title, text) == {frozenset(p) for p in pairs}


@pytest.mark.parametrize(
    "title",
    [
        "Palo Alto Networks buys IBM's QRadar SaaS business",
        "Palo Alto Networks buys IBM's QRadar unit and ends partnership with IBM",
    ],
)
def test_a_purchase_alone_is_still_no_deal(gazetteer: Gazetteer, title: str) -> None:
    assert _pairs(gazetteer, title) == set()


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A place that starts a company's name; "U.S." describes, it is no party; "Engine No. 1".
        ("Warehouse robots",
         "DHL Supply Chain, the contract logistics arm of DHL Group, has signed a memorandum of understanding "
         "with Boston Dynamics for 1,000 robots.", [{"DHL Supply Chain", "Boston Dynamics"}]),
        ("Drug discovery",
         "Sanofi said it had entered a collaboration with U.S. biotech Formation Bio to build software.",
         [{"Sanofi", "Formation Bio"}]),
        ("Gas for data centres",
         "Chevron said it will join forces with activist investment firm Engine No. 1 and turbine maker "
         "GE Vernova to build power plants.", [{"Chevron", "Engine No. 1"}, {"Chevron", "GE Vernova"}]),
        # Where a post was published is no party.
        ("Corvia Health on LinkedIn: partnership with Leeds Teaching Hospitals NHS Trust", "",
         [{"Corvia Health", "Leeds Teaching Hospitals NHS Trust"}]),
        # A known company the gazetteer names with "AI" added; a product named after it is not it.
        ("Perplexity signs multi-year licensing deal with Getty Images", "", [{"Perplexity AI", "Getty Images"}]),
        ("Airtel ties up with Perplexity",
         "Plans: Perplexity Pro for Rs 0.\n\nBharti Airtel has partnered with search company Perplexity AI to "
         "give customers a subscription to Perplexity Pro.", [{"Bharti Airtel", "Perplexity AI"}]),
    ],
)
def test_place_names_platforms_and_distinguished_names(gazetteer: Gazetteer, title: str, text: str,
                                                       pairs: list[set[str]]) -> None:
    assert _pairs(gazetteer, title, text) == {frozenset(p) for p in pairs}


def test_a_place_before_a_generic_word_is_still_a_place(gazetteer: Gazetteer) -> None:
    assert _pairs(gazetteer, "Microsoft to invest $1.5 billion in UAE AI firm G42") == {frozenset({"Microsoft", "G42"})}


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # "JV"; a description between two parties of a list.
        ("Reliance, Meta form Rs 855-crore JV for enterprise AI", "", [{"Reliance", "Meta"}]),
        ("Enterprise AI venture",
         "Reliance Intelligence, the artificial intelligence arm of Reliance Industries, and Meta have formed a "
         "joint venture to develop enterprise AI.", [{"Reliance Intelligence", "Meta"}]),
        # Agreeing to build together; agreeing to supply.
        ("Industrial AI cloud for Europe",
         "Deutsche Telekom and Nvidia have agreed to build an AI cloud for European industry.",
         [{"Deutsche Telekom", "Nvidia"}]),
        ("AMD to supply OpenAI with six gigawatts of chips", "", [{"AMD", "OpenAI"}]),
        # "The companies announced the partnership" under a headline naming two.
        ("Deutsche Telekom and Nvidia to build Europe's first industrial AI cloud",
         "The platform will run in Germany.\n\nThe companies announced the partnership today at a conference.",
         [{"Deutsche Telekom", "Nvidia"}]),
        # A funding round's lead investor that also signs a deal with the company.
        ("Mistral AI raises 1.7 billion euros in round led by ASML",
         "Mistral AI has raised 1.7 billion euros in a funding round led by ASML. The two companies also signed "
         "a long-term collaboration agreement. Nvidia and Bpifrance also took part in the round.",
         [{"Mistral AI", "ASML"}]),
    ],
)
def test_jvs_lists_with_descriptions_agreements_to_build_and_supply(gazetteer: Gazetteer, title: str, text: str,
                                                                   pairs: list[set[str]]) -> None:
    assert _pairs(gazetteer, title, text) == {frozenset(p) for p in pairs}


def test_a_funding_round_alone_still_has_no_partners(gazetteer: Gazetteer) -> None:
    text = ("Mistral AI has raised 1.7 billion euros in a funding round led by ASML, with Nvidia and Bpifrance "
            "also taking part. The two companies have worked together since 2023.")
    assert _pairs(gazetteer, "Mistral AI raises 1.7 billion euros in round led by ASML", text) == set()


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # Contracts to make things for a customer; orders won from a named customer.
        ("Foundry boost",
         "Samsung Electronics has signed a 22.8 trillion won ($16.5 billion) contract to manufacture chips for "
         "Tesla, the largest order in its history.", [{"Samsung Electronics", "Tesla"}]),
        ("Samsung wins $16.5 billion Tesla chip order in boost for struggling foundry", "",
         [{"Samsung Electronics", "Tesla"}]),
        # Making a partner's product available; the owner named by a possessive is not the acting party.
        ("Oracle to offer Google's Gemini models to cloud customers",
         "Oracle and Google Cloud said on Thursday that Oracle will make Google's Gemini models available to its "
         "customers.", [{"Oracle", "Google Cloud"}]),
        # A unit stands for its group in the headline pair.
        ("OpenAI's compute commitments top $1.4 trillion as it adds Amazon",
         "OpenAI has committed to spend heavily on chips.\n\nInvestors are debating the bill.\n\nOn Monday, "
         "OpenAI signed a seven-year, $38 billion agreement with Amazon Web Services.",
         [{"OpenAI", "Amazon Web Services"}]),
    ],
)
def test_contracts_orders_availability_and_units(gazetteer: Gazetteer, title: str, text: str,
                                                 pairs: list[set[str]]) -> None:
    assert _pairs(gazetteer, title, text) == {frozenset(p) for p in pairs}


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Apple Nears Deal to Pay Google for Custom Gemini Model to Power Siri", ""),
        ("Figure AI exits OpenAI collaboration, citing in-house AI breakthrough", ""),
        ("Morgan Stanley: AMD's OpenAI deal validates MI450",
         "Morgan Stanley analysts said in a note to clients that AMD's agreement with OpenAI validates its "
         "roadmap.\n\nThey noted that OpenAI's custom-chip collaboration with Broadcom means AMD is one of "
         "several suppliers."),
        ("Salesforce at Dreamforce",
         "Executives highlighted the company's long-running partnership with AWS, under which Salesforce "
         "products are sold through the AWS Marketplace."),
        ("Reliance Intelligence ties up with Google",
         "Reliance Intelligence and Google will offer Gemini to Jio users.\n\nUsers will get 18 months free."
         "\n\nThe announcement comes less than a week after Reliance Intelligence and Meta incorporated their "
         "joint venture."),
    ],
)
def test_near_deals_exits_analyst_notes_and_earlier_ties_are_not_new(gazetteer: Gazetteer, title: str,
                                                                     text: str) -> None:
    pairs = _pairs(gazetteer, title, text)
    assert not any({"Apple", "Google"} == p or "Broadcom" in p or "Amazon Web Services" in p or "Meta" in p
                   or {"Figure AI", "OpenAI"} == p for p in pairs)


def test_a_government_can_be_a_party(gazetteer: Gazetteer) -> None:
    text = ("The UK government has signed a memorandum of understanding with the AI start-up Anthropic to explore "
            "how its technology could improve public services.")
    assert _pairs(gazetteer, "AI in public services", text) == {frozenset({"UK Government", "Anthropic"})}


def test_the_company_and_the_headlines_other_party(gazetteer: Gazetteer) -> None:
    text = ("MOUNT PLEASANT - A day after a visit, the company and Gateway Technical College said they will jointly "
            "launch a training program.")
    title = "Microsoft, Gateway Technical College open datacenter academy"
    assert _pairs(gazetteer, title, text) == {frozenset({"Microsoft", "Gateway Technical College"})}


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A newsletter headline listing several stories: a rumour among them is not the deal's framing.
        ("Compute & Capital: Snowflake widens Anthropic deal, Crusoe locks in power, and the Siri rumour mill",
         "Good morning.\n\nSnowflake said on Wednesday it had expanded its partnership with Anthropic in a "
         "multi-year agreement.", [{"Snowflake", "Anthropic"}]),
        ("Health AI Weekly: a 40-member coalition, an NSF grant, and Roche licenses pathology algorithms",
         "Three items today.\n\nA coalition formed.\n\nRoche has signed an agreement to license a suite of AI "
         "algorithms from Lumen Pathology, a Boston startup.", [{"Roche", "Lumen Pathology"}]),
        # The partner named inside "signs X supply deal"; "deal with Y" names the partner instead.
        ("VW's software unit Cariad signs Mobileye supply deal for driver assistance", "", [{"Cariad", "Mobileye"}]),
        ("Databricks launches Agent Bricks, signs Gemini deal with Google Cloud", "",
         [{"Databricks", "Google Cloud"}]),
    ],
)
def test_newsletter_headlines_and_deals_named_by_their_partner(gazetteer: Gazetteer, title: str, text: str,
                                                               pairs: list[set[str]]) -> None:
    assert _pairs(gazetteer, title, text) == {frozenset(p) for p in pairs}


def test_a_headline_with_talks_is_still_no_deal(gazetteer: Gazetteer) -> None:
    assert _pairs(gazetteer, "Microsoft, OpenAI in talks over new deal, sources say",
                  "Microsoft and OpenAI are negotiating a new agreement.") == set()


def test_merge_keeps_the_parent_when_its_unit_signed_with_someone_else(gazetteer: Gazetteer) -> None:
    article = Article(
        title="Reddit content to be used to train Google's AI under $60 million-a-year deal",
        url="https://a.test/reddit", id=1, published=datetime(2024, 2, 22, tzinfo=timezone.utc),
        text="Reddit content to be used to train Google's AI under $60 million-a-year deal\n\n"
             "Google will get real-time access to Reddit's data under the agreement.\n\n"
             "Stack Overflow announced a partnership with Google Cloud earlier in February.")
    pairs = {frozenset((m.partnership.org_a, m.partnership.org_b)): m.partnership.status
             for m in merge(extract(article, gazetteer), gazetteer)}
    assert pairs[frozenset({"Reddit", "Google"})] == "new"
    assert frozenset({"Reddit", "Google Cloud"}) not in pairs


def test_a_power_purchase_is_a_deal_not_a_takeover(gazetteer: Gazetteer) -> None:
    assert _pairs(gazetteer, "Google strikes first corporate deal to buy power from small nuclear reactors",
                  "Google will buy power from six reactors to be built by Kairos Power, a California start-up, "
                  "the companies said.") == {frozenset({"Google", "Kairos Power"})}


def test_a_name_that_starts_a_new_clause_is_no_investee(gazetteer: Gazetteer) -> None:
    found = _pairs(gazetteer, "Microsoft puts more money into OpenAI",
                   "Microsoft invested about $13 billion in OpenAI and Copilot was built on its models.")
    assert found == {frozenset({"Microsoft", "OpenAI"})}


def test_an_original_deal_is_background(gazetteer: Gazetteer) -> None:
    text = ("GitHub Copilot gets a new look for developers.\n\n"
            "Copilot was originally built with OpenAI under a partnership with Microsoft.")
    assert _pairs(gazetteer, "GitHub Copilot gets a new look", text) == set()


def test_a_breadcrumb_is_not_the_headlines_deck(gazetteer: Gazetteer) -> None:
    text = ("Tech | Robotics | Nvidia\n\nKestrel Robotics showed new warehouse robots on Tuesday.\n\n"
            "The robots ship in May to customers in Europe.\n\n"
            "Elsewhere, Nvidia has signed a partnership with Quarry Labs on chips.")
    assert _pairs(gazetteer, "Kestrel Robotics shows new warehouse robots", text) == set()


def test_an_analyst_note_headline_reports_no_deal(gazetteer: Gazetteer) -> None:
    text = "The ChatGPT maker has agreed to buy capacity from CoreWeave, the note said."
    assert _pairs(gazetteer, "Analyst note: Oracle's OpenAI exposure is the stock's biggest risk", text) == set()


@pytest.mark.parametrize(
    ("title", "pair"),
    [
        ("Nvidia and Foxconn to build AI factory supercomputer in Taiwan", {"Nvidia", "Foxconn"}),
        ("Qualcomm and Meta bring Llama to smartphones", {"Qualcomm", "Meta"}),
        ("Apple to use Google's Gemini models to power revamped Siri", {"Apple", "Google"}),
        ("SAP to embed Mistral models in its business AI platform", {"SAP", "Mistral AI"}),
        ("AMD wins OpenAI as customer for MI450 chips", {"AMD", "OpenAI"}),
        ("Intel lands Microsoft as foundry customer for 18A chips", {"Intel", "Microsoft"}),
        ("Nvidia to power Humain's AI data centres in Saudi Arabia", {"Nvidia", "Humain"}),
        ("Anthropic brings Claude to Microsoft 365 Copilot", {"Anthropic", "Microsoft"}),
        ("Samsung to supply HBM chips to Nvidia after passing tests", {"Samsung Electronics", "Nvidia"}),
        ("Microsoft to buy 1 gigawatt of solar power from Brookfield", {"Microsoft", "Brookfield"}),
        ("Lloyds Banking Group has chosen Microsoft to move its core systems to the cloud",
         {"Lloyds Banking Group", "Microsoft"}),
        ("Cerebras was chosen by Meta to serve its Llama API", {"Cerebras", "Meta"}),
        ("BT is partnering Nvidia on an AI factory in Britain", {"BT Group", "Nvidia"}),
        ("The Pentagon awarded Anthropic a $200 million contract to prototype AI tools",
         {"US Department of Defense", "Anthropic"}),
        ("Microsoft signs on as first customer for Helion's fusion power plant", {"Microsoft", "Helion Energy"}),
        ("Under the agreement, Oracle will provide OpenAI with 4.5 gigawatts of capacity", {"Oracle", "OpenAI"}),
        ("Nvidia GPUs will power xAI's Colossus 2 cluster", {"Nvidia", "xAI"}),
        ("Amazon is doubling down on Anthropic with another $4 billion investment", {"Amazon", "Anthropic"}),
        ("ServiceNow makes bet on Anthropic with Claude deal", {"ServiceNow", "Anthropic"}),
        ("OpenAI has agreed to rent AI chips from Google to power ChatGPT", {"OpenAI", "Google"}),
        ("Apple will pay Google about $1 billion a year for a custom Gemini model", {"Apple", "Google"}),
        ("Microsoft is adding Anthropic's models to Microsoft 365 Copilot", {"Microsoft", "Anthropic"}),
        ("Samsung and OpenAI sign letter of intent on Stargate data centres", {"Samsung Electronics", "OpenAI"}),
        ("Scale AI gets $14 billion investment from Meta", {"Scale AI", "Meta"}),
        ("Telegram and xAI agree to integrate Grok into the messaging app", {"Telegram", "xAI"}),
    ],
)
def test_weaker_wordings_between_named_companies(gazetteer: Gazetteer, title: str, pair: set[str]) -> None:
    assert _pairs(gazetteer, title) == {frozenset(pair)}


@pytest.mark.parametrize(
    "title",
    [
        "Nvidia and AMD unveil new AI chips at Computex",
        "Google and Microsoft build rival AI agents for the enterprise",
        "Microsoft and Google both develop AI coding tools",
        "OpenAI and Anthropic build new models as competition heats up",
        "Banks will use OpenAI's models to speed up compliance work",
        "Google brings Gemini to Android Auto",
        "Amazon will use its own Trainium chips for Alexa",
        "Nvidia teams up with India's Reliance and Tata to build AI computing infrastructure",
        "The FCC awarded SpaceX a $885 million subsidy for rural broadband",
        "Jane Smith was hired by Google to lead its cloud unit",
        "Investors poured $2 billion into AI start-ups last quarter",
        "Microsoft bets on nuclear power for its data centres",
        "Nvidia backs Poolside in $1 billion funding round",
    ],
)
def test_weaker_wordings_do_not_pair_rivals_or_products(gazetteer: Gazetteer, title: str) -> None:
    assert frozenset({"Reliance Industries", "Tata Group"}) not in _pairs(gazetteer, title)
    if "Reliance" not in title:
        assert _pairs(gazetteer, title) == set()


@pytest.mark.parametrize(
    ("title", "pair"),
    [
        ("Microsoft and OpenAI sign new deal as regulators circle", {"Microsoft", "OpenAI"}),
        ("Months after lawsuit, Getty Images and Perplexity sign licensing deal", {"Getty Images", "Perplexity AI"}),
        ("Amazon signs deal with Anthropic despite antitrust concerns", {"Amazon", "Anthropic"}),
        ("OpenAI signs $10 billion deal with Broadcom, analysts say it could reshape chip market",
         {"OpenAI", "Broadcom"}),
    ],
)
def test_headline_asides_do_not_veto_the_deal(gazetteer: Gazetteer, title: str, pair: set[str]) -> None:
    assert _pairs(gazetteer, title) == {frozenset(pair)}


@pytest.mark.parametrize("title", ["Analysts say Amazon and Anthropic could sign a deal",
                                   "Microsoft in talks with OpenAI over new deal as regulators circle"])
def test_headline_asides_leave_the_main_clause_cues(gazetteer: Gazetteer, title: str) -> None:
    assert _pairs(gazetteer, title) == set()


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Kestrel Robotics and Quarry Labs signed a partnership on Tuesday, said Jane Doe, a former Google "
         "executive who now runs Kestrel.", {"Kestrel Robotics", "Quarry Labs"}),
        ("Nvidia and Hitachi announced a collaboration on industrial AI, which the companies said will continue "
         "to expand next year.", {"Nvidia", "Hitachi"}),
        ("Snowflake and Anthropic announced a $200 million partnership, subject to customary closing conditions "
         "and a review of the rating impact.", {"Snowflake", "Anthropic"}),
        ("Sony said on Tuesday it would take a 2.5% stake in Kadokawa and form a capital and business alliance, "
         "after earlier reports that it was considering an acquisition.", {"Sony", "Kadokawa"}),
        # A platform the deal runs on is no party.
        ("IBM said it had signed an agreement with AMD to deploy Instinct GPUs on IBM Cloud, in a move analysts "
         "say could help both companies.", {"IBM", "AMD"}),
    ],
)
def test_asides_do_not_decide_about_the_deal(gazetteer: Gazetteer, text: str, pair: set[str]) -> None:
    assert _pairs(gazetteer, "Deal news", text) == {frozenset(pair)}


def test_a_deal_inside_an_aside_keeps_the_asides_cues(gazetteer: Gazetteer) -> None:
    text = ("Argo AI is shutting down.\n\nIts staff learned of it on Wednesday.\n\nVolkswagen, which invested $2.6 "
            "billion in Argo in 2020 in a deal that made it an equal partner with Ford, will now go it alone.")
    assert _pairs(gazetteer, "Argo AI, the Ford and VW-backed self-driving startup, is shutting down", text) == set()


def test_a_newsletter_reports_the_deals_in_its_items(gazetteer: Gazetteer) -> None:
    text = ("Welcome back to our weekly roundup. Here is what happened.\n\nThe big ones\n\n"
            "- Nvidia agreed to invest $2 billion in Synopsys.\n"
            "- Anthropic signed a deal with Deloitte to roll out Claude to 470,000 staff.\n"
            "- Meta hired a top Apple designer.\n\nThat's all for this week.")
    assert _pairs(gazetteer, "The Week in AI: chips, clouds and a robot or two", text) == {
        frozenset({"Nvidia", "Synopsys"}), frozenset({"Anthropic", "Deloitte"})}
    # An ordinary headline keeps deals deep in the text as context.
    assert _pairs(gazetteer, "OpenAI launches a browser this week", text) == set()


def test_the_partner_named_inside_the_deal_phrase(gazetteer: Gazetteer) -> None:
    assert _pairs(gazetteer, "BBVA expands OpenAI alliance, will put ChatGPT Enterprise in the hands of all staff") == {
        frozenset({"BBVA", "OpenAI"})}
    assert _pairs(gazetteer, "Salesforce brings Gemini into Agentforce 360 in expanded Google Cloud pact") == {
        frozenset({"Salesforce", "Google Cloud"})}


@pytest.mark.parametrize(
    ("title", "text", "pair"),
    [
        # A lawsuit or a purchase in one clause, a new deal in the next.
        ("New York Times keeps suing OpenAI, but signs its first AI licensing deal with Amazon", "",
         {"The New York Times", "Amazon"}),
        # "Nvidia separately struck agreements on Friday with ...": a second deal under another headline.
        ("Hyundai to build AI factory with Nvidia",
         "Hyundai Motor Group and Nvidia have agreed to build an AI factory.\n\nThe plant opens in 2027.\n\n"
         "Nvidia separately struck agreements on Friday with Samsung Electronics.",
         {"Samsung Electronics", "Nvidia"}),
        # A wire's dateline glued to the first sentence.
        ("Cohere widens its channel",
         "Agreement brings Cohere models to Canada August 19, 2025 09:00 AM Eastern Daylight Time OTTAWA, "
         "Ontario--(BUSINESS WIRE)--Kestrel IT Group today announced a reseller agreement with Cohere.",
         {"Kestrel IT Group", "Cohere"}),
        # A headline's verb ends the name before it; "Health System" names an organisation.
        ("Lakeshore Regional Health System Selects Microsoft Dragon Copilot to Reduce Documentation Burden",
         "Lakeshore Regional Health System said it will deploy Microsoft Dragon Copilot in 14 hospitals.",
         {"Lakeshore Regional Health System", "Microsoft"}),
        ("Deutsche Telekom shows its AI phone",
         'Deutsche Telekom unveiled an "AI Phone" developed together with Perplexity on Monday.',
         {"Deutsche Telekom", "Perplexity AI"}),
    ],
)
def test_clauses_datelines_and_headline_case(gazetteer: Gazetteer, title: str, text: str, pair: set[str]) -> None:
    assert frozenset(pair) in _pairs(gazetteer, title, text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Oracle stock soars on AI cloud contracts",
         "Oracle did not comment on reports that it is close to a large compute deal with Meta."),
        ("Vodafone to spin out its IoT business", "Microsoft will invest in its IoT spinoff, Vodafone said."),
        ("Atlassian becomes title partner of Williams F1 team in multi-year deal", ""),
    ],
)
def test_rumours_jargon_and_sponsors_are_no_deals(gazetteer: Gazetteer, title: str, text: str) -> None:
    assert not any({"Meta", "IoT", "Williams F1"} & pair for pair in _pairs(gazetteer, title, text))


@pytest.mark.parametrize(
    ("title", "pairs"),
    [
        ("OpenAI inks content pact with Murdoch's News Corp", [{"OpenAI", "News Corp"}]),
        ("Anthropic lands another $4B from Amazon, will train on Trainium", [{"Anthropic", "Amazon"}]),
        ("AWS and NVIDIA expand strategic collaboration with DGX Cloud and Project Ceiba",
         [{"Amazon Web Services", "Nvidia"}]),
        ("Saudi Arabia's Humain lands Nvidia, AMD and AWS deals as Trump visits Riyadh",
         [{"Humain", "Nvidia"}, {"Humain", "AMD"}, {"Humain", "Amazon Web Services"}]),
        ("Google, OpenAI pull back from Scale AI after Meta deal", []),
    ],
)
def test_owners_products_lists_and_two_story_headlines(gazetteer: Gazetteer, title: str,
                                                        pairs: list[set[str]]) -> None:
    assert _pairs(gazetteer, title) == {frozenset(p) for p in pairs}


def test_two_stories_in_a_headline_and_a_subject_list_without_an_object(gazetteer: Gazetteer) -> None:
    text = "Meta said on Thursday it will take a 49% stake in Scale AI and the companies signed a partnership."
    assert _pairs(gazetteer, "Meta takes 49% stake in Scale AI; Google, OpenAI pull back from the data labeler",
                  text) == {frozenset({"Meta", "Scale AI"})}
    found = _pairs(gazetteer, "Nvidia ties up with Reliance, Tata as Jensen Huang doubles down on India",
                   "Nvidia signed partnerships with Reliance Industries and the Tata Group on Friday.")
    assert frozenset({"Nvidia", "Reliance Industries"}) in found
    assert frozenset({"Reliance Industries", "Tata Group"}) not in found


def test_an_upper_case_dateline_city_and_a_products_name_are_no_parties(gazetteer: Gazetteer) -> None:
    assert _pairs(gazetteer, "SoftBank Corp. to give mobile users free year of Perplexity Pro",
                  "TOKYO -- SoftBank Corp. has formed a strategic partnership with Perplexity AI.") == {
        frozenset({"SoftBank Corp.", "Perplexity AI"})}
    found = _pairs(gazetteer, "AMD and Cisco form a joint venture with Humain",
                   "AMD will supply Instinct accelerators for the venture, the companies said.")
    assert not any("Instinct" in pair for pair in found)


@pytest.mark.parametrize(
    ("title", "text", "pair"),
    [
        ("Nvidia and Tata Group said they would collaborate to build AI supercomputers", "", {"Nvidia", "Tata Group"}),
        ("Microsoft signs on with Nscale for about 200,000 Nvidia GPUs", "", {"Microsoft", "Nscale"}),
        ("Talen Energy has expanded its relationship with Amazon", "", {"Talen Energy", "Amazon"}),
        ("Oracle to deploy 50,000 AMD MI450 chips starting next year", "", {"Oracle", "AMD"}),
        ("Oracle will roll out 50,000 of AMD's next-generation MI450 processors in its cloud", "", {"Oracle", "AMD"}),
        ("Oracle to offer xAI's Grok models to cloud customers", "", {"Oracle", "xAI"}),
        ("Oracle says it will make xAI's Grok 3 family of models available to its customers", "", {"Oracle", "xAI"}),
        ("Deloitte will roll out Anthropic's Claude to its 470,000 staff", "", {"Deloitte", "Anthropic"}),
        ("Mercedes-Benz will use Google Cloud's new Automotive AI Agent in its cars", "",
         {"Mercedes-Benz", "Google Cloud"}),
        ("Anthropic commits $30 billion to Azure", "", {"Anthropic", "Microsoft"}),
        ("Anthropic has agreed to buy $30 billion of computing capacity from Microsoft's Azure cloud", "",
         {"Anthropic", "Microsoft"}),
        ("Accenture has formed a dedicated business group with Anthropic", "", {"Accenture", "Anthropic"}),
        ("Equinix, GIC and KKR form $15 billion joint venture for data centres", "", None),
        # A scraped page's share buttons run into the first sentence; a "-based" is no part of a name.
        ("Telstra news", "By Megan Hollis Oct 23 2024 10:55AM Share Tweet Share Email Telstra has formed a joint "
         "venture with Accenture.", {"Telstra", "Accenture"}),
        ("Airtel news", "Follow us Share Font Size Save Print Comment Bharti Airtel has partnered with San "
         "Francisco-based Perplexity to offer its customers Perplexity Pro.", {"Bharti Airtel", "Perplexity AI"}),
        # "the Santa Clara-based company": the one organisation the headline names.
        ("Nvidia's Huang meets Modi", "On Friday, the Santa Clara-based company said it had partnered with "
         "Reliance Industries to develop a language model.", {"Nvidia", "Reliance Industries"}),
        ("Electronic Arts news", "EA teams with Stability AI to build generative tools.", {"Electronic Arts", "Stability AI"}),
    ],
)
def test_supply_distribution_and_relationship_wordings(gazetteer: Gazetteer, title: str, text: str,
                                                       pair: set[str] | None) -> None:
    found = _pairs(gazetteer, title, text)
    if pair is None:  # three parties
        assert found == {frozenset({"Equinix", "GIC"}), frozenset({"Equinix", "KKR"}), frozenset({"GIC", "KKR"})}
    else:
        assert found == {frozenset(pair)}


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Humain news", "Amazon Web Services is also expected to announce an investment with Humain in the coming days."),
        ("Humain news", "Qualcomm will partner with Humain, according to people familiar with the matter."),
        # Claude is Anthropic's model, not a party.
        ("Claude comes to Azure", "Microsoft will bring Claude to its Foundry platform."),
        # The parent named before its unit is not the party.
        ("VW's software unit Cariad signs Mobileye supply deal", ""),
        ("Jefferies picks Infosys, HCLTech as top AI plays", "Brokerage Jefferies has reiterated its 'buy' ratings on "
         "Infosys and HCLTech. Infosys has expanded its relationship with Nvidia to build AI tools."),
    ],
)
def test_expected_announcements_products_parents_and_ratings(gazetteer: Gazetteer, title: str, text: str) -> None:
    found = _pairs(gazetteer, title, text)
    if title.startswith("VW"):
        assert found == {frozenset({"Cariad", "Mobileye"})}
    else:
        assert found == set()


@pytest.mark.parametrize(
    ("title", "text", "pair"),
    [
        ("Nvidia's Huang unveils gaming chips", "Huang revealed that Toyota will build its next generation of "
         "vehicles on Nvidia's Drive AGX Orin computer.", {"Toyota", "Nvidia"}),
        ("Uber news", "Uber Technologies will offer Pony.ai's robotaxis on its ride-hailing app in the Middle East.",
         {"Uber", "Pony.ai"}),
        # A regulator's probe told as an aside does not veto the deal; the owner before its unit is no party.
        ("Waymo to add Hyundai Ioniq 5 to robotaxi fleet as U.S. safety regulator widens probe",
         "Alphabet's Waymo will add Hyundai Motor's Ioniq 5 electric SUVs to its robotaxi fleet under a multi-year "
         "agreement, the companies said on Friday.", {"Waymo", "Hyundai Motor Group"}),
        # A unit's own product is no partner of its parent.
        ("Bharti Airtel signs deal with SpaceX to bring Starlink internet to India",
         "Bharti Airtel said it had signed an agreement with SpaceX to offer Starlink's broadband services.",
         {"Bharti Airtel", "SpaceX"}),
    ],
)
def test_platforms_robotaxis_asides_and_units(gazetteer: Gazetteer, title: str, text: str, pair: set[str]) -> None:
    assert _pairs(gazetteer, title, text) == {frozenset(pair)}


@pytest.mark.parametrize(
    ("title", "text", "pair"),
    [
        # A press release's headline verbs end names: "Harvey Announce Strategic Alliance" is no name.
        ("LexisNexis and Harvey Announce Strategic Alliance to Integrate Legal Content and AI",
         "LexisNexis, a provider of legal information, and Harvey, the AI platform for lawyers, today announced a "
         "strategic alliance.", {"LexisNexis", "Harvey AI"}),
        ("Kestrel Robotics, Quarry Labs and Meridian Threat Labs Form Alliance to Secure Warehouses", "", None),
        ("Sony to become Kadokawa's top shareholder in capital alliance", "", {"Sony", "Kadokawa"}),
        ("KT to spend 2.4 trillion won on AI and cloud in five-year pact with Microsoft", "", {"KT Corp.", "Microsoft"}),
        # Memory chips are no party; a headline's party named in full is its short form's too.
        ("Samsung Electronics signs letter of intent with OpenAI to supply DRAM", "",
         {"Samsung Electronics", "OpenAI"}),
        ("Harrowgate Mutual taps Writer to roll out AI agents", "Writer will also embed a small team with "
         "Harrowgate's operations group.", {"Harrowgate Mutual", "Writer Inc."}),
        ("Corvane Data unveils Lens 4.0", "Company also signs OEM licensing deal with Elastic.", set()),
    ],
)
def test_press_release_headlines_shareholders_and_short_forms(gazetteer: Gazetteer, title: str, text: str,
                                                              pair: set[str] | None) -> None:
    found = _pairs(gazetteer, title, text)
    if pair is None:
        assert found == {frozenset({"Kestrel Robotics", "Quarry Labs"}), frozenset({"Kestrel Robotics", "Meridian Threat Labs"}),
                         frozenset({"Quarry Labs", "Meridian Threat Labs"})}
    elif not pair:
        assert not any("OEM" in p or "Company" in p for p in found)
    else:
        assert found == {frozenset(pair)}


def test_a_title_partner_is_a_sponsor(gazetteer: Gazetteer) -> None:
    assert _pairs(gazetteer, "Atlassian becomes title partner of Williams F1 team",
                  "Williams says it will use Atlassian's collaboration software.") == set()


def test_a_deal_told_as_what_came_days_before_is_background(gazetteer: Gazetteer) -> None:
    text = ("Two days after Google said it would buy power from Kairos Power's reactors, Amazon on Wednesday unveiled "
            "its own nuclear push. Amazon signed an agreement with Dominion Energy to explore developing a reactor.")
    assert _pairs(gazetteer, "Amazon follows Google into small nuclear reactors", text) == {
        frozenset({"Amazon", "Dominion Energy"})}
    assert frozenset({"Google", "Kairos Power"}) in _pairs(gazetteer, "Amazon follows Google into small nuclear reactors",
                                                           text, status="mentioned")


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # Parties described one by one, the descriptions ending in semicolons.
        ("Security vendors form alliance", "Halvard Identity, an identity security company; Pellmont Data, a data "
         "security provider; and Osric Threat Labs, a threat-hunting firm, today announced a three-way alliance.",
         {frozenset({"Halvard Identity", "Pellmont Data"}), frozenset({"Halvard Identity", "Osric Threat Labs"}),
          frozenset({"Pellmont Data", "Osric Threat Labs"})}),
        # Appointing a distributor is a deal, not a personnel move; a second verb shares the first one's subject.
        ("Velmora Software adds distributor", "Separately, Velmora Software has appointed Exclusive Networks as its "
         "value-added distributor for Europe.", {frozenset({"Velmora Software", "Exclusive Networks"})}),
        ("Velmora Software ships 4.0", "Velmora Software signed a licensing deal with Elastic and named Exclusive "
         "Networks as its distributor for Europe.",
         {frozenset({"Velmora Software", "Elastic NV"}), frozenset({"Velmora Software", "Exclusive Networks"})}),
        # A known company's product is no company of its own; the lead's "partnership with X" is the headline's deal.
        ("SAP Business Data Cloud Debuts, With Databricks Partnership at Its Core",
         "SAP today introduced SAP Business Data Cloud. At the heart of the launch is a new strategic partnership "
         "with Databricks.", {frozenset({"SAP", "Databricks"})}),
        # A press release's subhead bullets: the company in the headline is their subject.
        ("Trellix Analytics Reports Second Quarter Results",
         "Total revenue of $18.4 million, up 27% year over year\nSigns co-sell agreement with Google Cloud; adds CDW "
         "as reseller\nSAN JOSE, Calif. -- Trellix Analytics today announced its results for the second quarter.",
         {frozenset({"Trellix Analytics", "Google Cloud"}), frozenset({"Trellix Analytics", "CDW"})}),
        # "50:50" is no clause break.
        ("Jio Financial, BlackRock form JV", "Jio Financial Services Ltd, the financial services arm, on Wednesday "
         "announced a 50:50 joint venture with BlackRock Inc to offer asset management services in India.",
         {frozenset({"Jio Financial Services", "BlackRock"})}),
    ],
)
def test_press_release_lists_distributors_products_and_bullets(gazetteer: Gazetteer, title: str, text: str,
                                                               pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


def test_a_group_of_fifty_companies_in_an_aside_is_a_consortium(gazetteer: Gazetteer) -> None:
    assert _pairs(gazetteer, "The week in enterprise AI", "IBM and Meta on Tuesday launched the AI Alliance, a group "
                  "of more than 50 companies, universities and research institutions.") == set()


def test_the_x_group_is_the_company_the_headline_names(gazetteer: Gazetteer) -> None:
    text = ("The Castellane Shipping Group, a global player in logistics, and Mistral AI have signed a five-year "
            "strategic partnership.")
    assert _pairs(gazetteer, "Castellane Shipping and Mistral AI sign partnership", text) == {
        frozenset({"Castellane Shipping", "Mistral AI"})}


def test_a_party_the_title_case_headline_names_is_not_background(gazetteer: Gazetteer) -> None:
    text = ("Halvard Identity, Pellmont Data and Osric Threat Labs today announced a three-way alliance to help "
            "mid-market companies.")
    found = _pairs(gazetteer, "Halvard Identity, Pellmont Data and Osric Threat Labs Form Alliance to Close the Gap",
                   text)
    assert frozenset({"Halvard Identity", "Osric Threat Labs"}) in found
    # A party the headline does not name stays context.
    text += " Pellmont Data also signed a reseller agreement with Quillon Systems in 2024."
    assert frozenset({"Pellmont Data", "Quillon Systems"}) in _pairs(
        gazetteer, "Halvard Identity, Pellmont Data and Osric Threat Labs Form Alliance", text, status="mentioned")


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # Ended deals.
        ("Figure AI ditches its OpenAI deal", "Figure AI is walking away from its collaboration with OpenAI.", set()),
        # Clouds a platform runs on are no parties; "the two" are the deal's.
        ("Databricks, Anthropic ink pact", "Databricks and Anthropic struck a partnership that makes Claude available "
         "on Databricks across AWS, Azure and Google Cloud, and commits the two to jointly selling it.",
         {frozenset({"Databricks", "Anthropic"})}),
        # A second verb after a described subsidiary shares the sentence's subject.
        ("Reliance unveils AI plans", "Reliance Industries on Friday set up a wholly owned subsidiary, Reliance "
         "Intelligence, to house its AI ambitions, and announced partnerships with Meta and Google Cloud.",
         {frozenset({"Reliance Industries", "Meta"}), frozenset({"Reliance Industries", "Google Cloud"})}),
        # "owner of ..." describes the party.
        ("OpenAI, News Corp strike content deal", "News Corp, owner of The Wall Street Journal and Dow Jones Newswires, "
         "has a content-licensing partnership with OpenAI.", {frozenset({"News Corp", "OpenAI"})}),
        # A lawsuit settled, a licence struck: the sentence's two subjects.
        ("Universal Music settles with Udio", "Universal Music Group and AI music generator Udio have settled UMG's "
         "copyright lawsuit and struck a licensing agreement.", {frozenset({"Universal Music Group", "Udio"})}),
        # A rebuffed pitch, reported.
        ("Apple rebuffed Meta's AI partnership pitch over privacy, report says", "", set()),
        # "signed a strategic relationship"; an amount is no name; "Guardian" is The Guardian.
        ("BP expands Palantir ties", "BP has signed a new five-year strategic relationship with Palantir Technologies.",
         {frozenset({"BP", "Palantir"})}),
        ("CMA CGM commits EUR100m to Mistral AI deal", "CMA CGM has signed a EUR100m, three-year agreement with "
         "Paris-based Mistral AI.", {frozenset({"CMA CGM", "Mistral AI"})}),
        ("Guardian signs content deal with OpenAI", "Guardian Media Group has struck a strategic partnership with OpenAI.",
         {frozenset({"The Guardian", "OpenAI"})}),
        # A plan in the headline's last clause is no rumour of its deal.
        ("SK Telecom puts $100M into Anthropic, eyes telco-tuned LLM", "SK Telecom is investing $100 million in "
         "Anthropic, and the two will work together on a language model.", {frozenset({"SK Telecom", "Anthropic"})}),
    ],
)
def test_ended_deals_shared_subjects_owners_and_plans(gazetteer: Gazetteer, title: str, text: str,
                                                      pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


def test_the_founders_of_a_fifty_member_alliance_are_no_pair(gazetteer: Gazetteer) -> None:
    assert _pairs(gazetteer, "IBM and Meta launch an AI Alliance", "IBM and Meta on Tuesday unveiled the AI Alliance, "
                  "a group of more than 50 companies and universities.") == set()


def test_a_headline_that_names_no_one_leaves_the_news_to_the_first_paragraphs(gazetteer: Gazetteer) -> None:
    text = ("TotalEnergies' chief executive said on Thursday that data centres would support gas demand. He spoke "
            "at the VivaTech conference in Paris.\n\n"
            "On the same stage, TotalEnergies unveiled a strategic partnership with French AI developer Mistral AI.")
    assert _pairs(gazetteer, "Pouyanne says AI power demand will reshape Europe's gas market", text) == {
        frozenset({"TotalEnergies", "Mistral AI"})}


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        ("Chip Letter: Nvidia buys into Intel", "Nvidia said it would buy into Intel with a $5 billion investment.",
         {frozenset({"Nvidia", "Intel"})}),
        ("Anthropic goes big on TPUs", "Anthropic said on Thursday it will sharply expand its use of Google Cloud's "
         "tensor processing units.", {frozenset({"Anthropic", "Google Cloud"})}),
        # "for AI" ends the name; a conference and a chief executive's surname are no parties.
        ("Microsoft taps Lumen Technologies for AI network capacity", "", {frozenset({"Microsoft", "Lumen Technologies"})}),
        ("The Compute Brief", "Salesforce used last week's Dreamforce to widen its ties with OpenAI.",
         {frozenset({"Salesforce", "OpenAI"})}),
        ("Nvidia closes in on $5 trillion as Huang's keynote lifts chip stocks", "Huang's Nvidia will invest $1 billion "
         "in Nokia.", {frozenset({"Nvidia", "Nokia"})}),
        # A collapsed deal; a consortium's name is no party.
        ("Nvidia's $40 billion Arm deal collapses under regulatory pressure", "", set()),
        ("Telecom heavyweights and Nvidia launch AI-RAN Alliance at MWC", "", set()),
        # A headline's list without "and"; a hiring beside a deal.
        ("Saudi Arabia's Humain Signs Chip Deals With Nvidia, AMD as Trump Visits Riyadh", "",
         {frozenset({"Humain", "Nvidia"}), frozenset({"Humain", "AMD"})}),
        ("Nvidia Strikes $20 Billion Licensing Deal With Groq, Hires Its Top Executives", "",
         {frozenset({"Nvidia", "Groq"})}),
    ],
)
def test_stakes_conferences_surnames_groups_and_headline_lists(gazetteer: Gazetteer, title: str, text: str,
                                                               pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # Descriptions before the names of a list's parties.
        ("Three firms to build a data centre in Finland", "Mistral AI, French chipmaker Kalray and Finnish "
         "energy investor Fortum have agreed to build a data centre near Oulu, the three companies said.",
         {frozenset({"Mistral AI", "Kalray"}), frozenset({"Mistral AI", "Fortum"}), frozenset({"Kalray", "Fortum"})}),
        # An earlier deal the news follows is background; a deal being neared is talks.
        ("Cohere opens a Tokyo office", "The move follows Cohere's March agreement with Fujitsu.", set()),
        ("LG nears broad deal with Anthropic for AI on TVs", "", set()),
        # "sell" as a supply deal; "lines up" with a list, but not for a listing or a round.
        ("Chips for the Gulf", "AMD will sell G42 25,000 of its newest accelerators over three years.",
         {frozenset({"AMD", "G42"})}),
        ("Reliance Industries lines up Nvidia and AMD for Jamnagar AI park", "",
         {frozenset({"Reliance Industries", "Nvidia"}), frozenset({"Reliance Industries", "AMD"})}),
        ("Arm lines up Apple and Nvidia as anchor investors for its listing", "", set()),
    ],
)
def test_described_list_parties_earlier_deals_sales_and_line_ups(gazetteer: Gazetteer, title: str, text: str,
                                                                 pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # One joint venture of four; a web of ties among four is no deal; five partners in one list are a group.
        ("Chip plant for Saxony", "Intel said its board approved a joint venture with Siemens, Infineon and Bosch to "
         "build a fab in Dresden.", {frozenset(p) for p in (("Intel", "Siemens"), ("Intel", "Infineon"),
                                                             ("Intel", "Bosch"), ("Siemens", "Infineon"),
                                                             ("Siemens", "Bosch"), ("Infineon", "Bosch"))}),
        ("The money goes round", "Ties between Nvidia, OpenAI, Oracle and CoreWeave worry some investors.", set()),
        ("A cluster for Abu Dhabi", "G42 will build the cluster in partnership with OpenAI, Oracle, Nvidia, Cisco and "
         "SoftBank Group.", set()),
        # Developing "together with" two partners: three parties, three pairs.
        ("A physics engine for robots", "Newton is an engine that Nvidia is developing together with Google DeepMind "
         "and Disney Research.", {frozenset({"Nvidia", "Google DeepMind"}), frozenset({"Nvidia", "Disney Research"}),
                                   frozenset({"Google DeepMind", "Disney Research"})}),
        # A headline's second verb after a comma; "signs with".
        ("Nvidia signs up GM, teams with Google DeepMind on robots", "",
         {frozenset({"Nvidia", "General Motors"}), frozenset({"Nvidia", "Google DeepMind"})}),
        ("Amazon goes nuclear: signs with Energy Northwest", "", {frozenset({"Amazon", "Energy Northwest"})}),
        # A conference named after a company is no party; the customers a deal reaches are no consortium.
        ("Mayo Clinic picks Cerebras", "Mayo Clinic used the J.P. Morgan Healthcare Conference to unveil a "
         "collaboration with Cerebras.", {frozenset({"Mayo Clinic", "Cerebras"})}),
        ("Databricks and Anthropic sign deal to bring Claude to 10,000 companies", "",
         {frozenset({"Databricks", "Anthropic"})}),
        # The opening clause's name does not announce; a project is no party.
        ("Deals for the kingdom", "A day after the Public Investment Fund unveiled Humain, its chief executive "
         "announced agreements with Nvidia and AMD.", set()),
        ("An AI zone", "AWS and Humain agreed to invest $5 billion in a so-called AI Zone.",
         {frozenset({"Amazon Web Services", "Humain"})}),
        # A known name's last word alone in the headline.
        ("Isomorphic Labs inks pact with Lilly", "Eli Lilly will pay $45 million upfront.",
         {frozenset({"Isomorphic Labs", "Eli Lilly"})}),
    ],
)
def test_ventures_webs_groups_second_verbs_events_and_projects(gazetteer: Gazetteer, title: str, text: str,
                                                               pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


def test_a_dated_deal_more_than_a_week_old_is_background(gazetteer: Gazetteer) -> None:
    text = "The General Services Administration signed an agreement with OpenAI on Aug. 6."
    pair = frozenset({"General Services Administration", "OpenAI"})
    assert _pairs(gazetteer, "Cheap AI for agencies", text, published=datetime(2025, 8, 8, tzinfo=timezone.utc)) == {pair}
    assert _pairs(gazetteer, "Cheap AI for agencies", text, published=datetime(2025, 8, 21, tzinfo=timezone.utc)) == set()
    # A yearless date after the article's own is last year's.
    assert _pairs(gazetteer, "Cheap AI for agencies", text, published=datetime(2025, 1, 10, tzinfo=timezone.utc)) == set()


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # Buying a plant's output: the plant's owner is the partner, the plant is no party.
        ("Nuclear for data centres", "Meta has signed a 20-year agreement to buy the output of Vistra's Comanche "
         "Peak Power Plant in Texas.", {frozenset({"Meta", "Vistra"})}),
        # "after signing ... with": the sentence's subject signed.
        ("A reactor returns", "Constellation Energy will restart a reactor in Pennsylvania after signing a 20-year "
         "power purchase agreement with Microsoft.", {frozenset({"Constellation Energy", "Microsoft"})}),
        # A city is no party; a second deal "and separately" shares the subject.
        ("ServiceNow and Nvidia team up", "At its conference in Las Vegas, ServiceNow announced that it is joining "
         "forces with Nvidia.", {frozenset({"ServiceNow", "Nvidia"})}),
        ("Nvidia's India push", "Nvidia said it has partnered with Reliance Industries to build a language model for "
         "India, and separately signed up the Tata Group to build a supercomputer.",
         {frozenset({"Nvidia", "Reliance Industries"}), frozenset({"Nvidia", "Tata Group"})}),
        # The parent that invests is the party; its cloud unit's part belongs to that deal.
        ("Amazon to invest up to $4 billion in Anthropic", "Anthropic named Amazon Web Services its primary cloud "
         "provider as part of the deal.", {frozenset({"Amazon", "Anthropic"})}),
    ],
)
def test_plant_output_signing_clauses_cities_and_investing_parents(gazetteer: Gazetteer, title: str, text: str,
                                                                   pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


def test_an_opening_concession_names_no_party_and_keeps_the_deal(gazetteer: Gazetteer) -> None:
    assert _pairs(gazetteer, "While still suing OpenAI, The New York Times licenses its journalism to Amazon") == {
        frozenset({"The New York Times", "Amazon"})}


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # "a deal to sell X ...": the buyer is the partner.
        ("Reactor to reopen", "Vistra said it has signed a 20-year deal to sell Amazon the output of its reactor.",
         {frozenset({"Vistra", "Amazon"})}),
        # Described parties in a list ("networking giant Cisco").
        ("A venture for the kingdom", "Saudi AI company Humain, chipmaker AMD and networking giant Cisco will set up a "
         "joint venture.", {frozenset({"Humain", "AMD"}), frozenset({"Humain", "Cisco"}), frozenset({"AMD", "Cisco"})}),
        # Two investors side by side are no pair; "and Microsoft" is no object of "invest in".
        ("Money for Anthropic", "Nvidia will invest as much as $10 billion in the start-up and Microsoft up to "
         "$5 billion.", set()),
        # The subject's own brands are no partners; an earlier verb's object does not join the next subject.
        ("Characters for Sora", "Disney will license characters from Disney, Marvel and Pixar to OpenAI.", set()),
        ("Big Tech goes nuclear: Google signs deal with Kairos Power, Amazon teams with X-energy", "",
         {frozenset({"Google", "Kairos Power"}), frozenset({"Amazon", "X-energy"})}),
    ],
)
def test_sales_described_lists_side_by_side_investors_brands_and_headline_clauses(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # Co-signers who supply a customer are the customer's partners, not each other's.
        ("Memory for Stargate", "Samsung Electronics and SK Hynix signed letters of intent on Wednesday to supply "
         "memory chips for OpenAI's Stargate data centers.",
         {frozenset({"Samsung Electronics", "OpenAI"}), frozenset({"SK hynix", "OpenAI"})}),
        # Known names that end a sentence-case headline are a list.
        ("Amazon goes nuclear: signs small reactor deals with Energy Northwest, X-energy", "",
         {frozenset({"Amazon", "Energy Northwest"}), frozenset({"Amazon", "X-energy"})}),
        # "in which X is making a strategic investment": a new investment told in a relative clause.
        ("Reactors for data centers", "The reactors would use a design from X-energy, in which Amazon is also making "
         "a strategic investment.", {frozenset({"Amazon", "X-energy"})}),
        # "its" in reported speech is the speaker's.
        ("A new course", "Inflection AI said in a blog post that Microsoft would license its models.",
         {frozenset({"Inflection AI", "Microsoft"})}),
    ],
)
def test_co_signers_supplying_a_customer_headline_tails_relative_investments_and_reported_licences(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    "text",
    [
        "He said Microsoft's partnership with OpenAI, in which it has invested about $13 billion, remains important.",
        "Microsoft's partnership with OpenAI remains strong, Nadella said.",
    ],
)
def test_a_partnership_that_remains_is_background(gazetteer: Gazetteer, text: str) -> None:
    assert _pairs(gazetteer, "Microsoft reorganises its AI unit", text) == set()
    assert _pairs(gazetteer, "Microsoft reorganises its AI unit", text, status="mentioned") == {
        frozenset({"Microsoft", "OpenAI"})}


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A registered name keeps its place, and its defined short form stands for it.
        ("QNSC and Microsoft team up on AI", "Qatar National Shipping Company (QNSC), logistics group Milaha and "
         "Microsoft have signed an agreement to explore AI.",
         {frozenset({"Qatar National Shipping Company", "Milaha"}),
          frozenset({"Qatar National Shipping Company", "Microsoft"}), frozenset({"Milaha", "Microsoft"})}),
        ("Tata Electronics, PSMC sign definitive deal for fab", "Tata Electronics has signed a definitive agreement "
         "with Taiwan's Powerchip Semiconductor Manufacturing Corp. (PSMC) to build a fab.",
         {frozenset({"Tata Electronics", "Powerchip Semiconductor Manufacturing"})}),
        # Two deal nouns share one verb and its subject.
        ("Ambani's AI push", "Reliance Industries on Friday announced a joint venture with Meta Platforms to develop "
         "AI tools in India, and a partnership with Google Cloud to build AI infrastructure.",
         {frozenset({"Reliance Industries", "Meta"}), frozenset({"Reliance Industries", "Google Cloud"})}),
        # A product named after its maker in the headline names the maker, not a rival's pair.
        ("Airtel hands Perplexity Pro to 360 million users in bid to out-AI Jio", "Bharti Airtel has tied up with "
         "Perplexity AI to offer Perplexity Pro to its subscribers. Bharti Airtel rival Jio is said to be in talks "
         "with a US company.", {frozenset({"Bharti Airtel", "Perplexity AI"})}),
        # The customer of "a contract to provide X with access to Nvidia GPUs" is X, not Nvidia.
        ("IREN's big week", "IREN said it had signed a five-year contract to provide Microsoft with access to "
         "Nvidia GB300 GPUs.", {frozenset({"IREN", "Microsoft"})}),
        # A regulator's licence, a question to readers and a deal not yet won are no deals.
        ("Why Oklo Stock Soared Today", "Oklo has yet to win a combined license from the Nuclear Regulatory "
         "Commission. Should you invest $1,000 in Oklo right now?", set()),
    ],
)
def test_registered_names_defined_short_forms_shared_verbs_product_headlines_and_permits(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # Headline verbs right after two names; "agreed to develop ... with" reaches the partner.
        ("OpenAI, Oracle pact for 4.5 gigawatts of extra Stargate capacity", "", {frozenset({"OpenAI", "Oracle"})}),
        ("More capacity", "OpenAI has agreed to develop an additional 4.5 gigawatts of U.S. data center capacity "
         "with Oracle, the ChatGPT maker said.", {frozenset({"OpenAI", "Oracle"})}),
        ("Honeywell, Google Cloud pair up to put agents in plants", "", {frozenset({"Honeywell", "Google Cloud"})}),
        # A "Name:" label opens a stocks-to-watch item; "Shares" is no name; renting a partner's clusters.
        ("Stocks to watch", "Constellation Energy: Shares rose 4% after the nuclear operator landed a 20-year power "
         "purchase agreement with Meta.", {frozenset({"Constellation Energy", "Meta"})}),
        ("Stocks to watch: Ridgeline Compute", "Cohere will rent Ridgeline's H100 clusters in Montreal for three "
         "years.", {frozenset({"Cohere", "Ridgeline Compute"})}),
        # A wire desk's tag is no party.
        ("UPDATE 1-Disney to invest $1 billion in OpenAI", "", {frozenset({"Disney", "OpenAI"})}),
        # "and the two companies announced a partnership" under a headline naming the two.
        ("Nokia shares jump as Nvidia takes $1 billion stake", "Nokia shares surged on Tuesday after Nvidia agreed "
         "to invest $1 billion in the Finnish telecom equipment maker and the two companies announced a partnership "
         "to build AI-native mobile networks.", {frozenset({"Nokia", "Nvidia"})}),
        # The other side of a settlement is the partner of the licensing deal that follows.
        ("Warner Music settles with Suno, strikes licensing deal for AI music", "", {frozenset({"Warner Music Group",
                                                                                              "Suno"})}),
        # A deal not yet done is no deal.
        ("Nvidia CFO says $100 billion OpenAI investment is still not a done deal", "", set()),
        # Paying for a partner's asset; a compound's code is no name.
        ("Exelixis pays $80M upfront for Insilico's AI-discovered USP1 inhibitor", "Exelixis has licensed global "
         "rights to ISM3091, a small-molecule inhibitor.", {frozenset({"Exelixis", "Insilico"})}),
        # A deal noun, a colon and the partners.
        ("Nvidia unveils a string of healthcare tie-ups at JPM: IQVIA, Illumina and Mayo Clinic", "",
         {frozenset({"Nvidia", "IQVIA"}), frozenset({"Nvidia", "Illumina"}), frozenset({"Nvidia", "Mayo Clinic"})}),
        ("Anthropic and Accenture form a business group", "Anthropic has been signing similar deals across the "
         "sector: Deloitte and Cognizant both announced Claude deployments earlier this autumn.",
         {frozenset({"Anthropic", "Accenture"})}),
        # Every pair of a three-party deal shares its standing under a headline naming one party.
        ("Nvidia unveils new gaming chips at CES", "In a separate announcement, autonomous trucking company Aurora "
         "Innovation, German auto supplier Continental and Nvidia said they had formed a long-term strategic "
         "partnership to deploy driverless trucks.", {frozenset({"Aurora Innovation", "Continental"}),
                                                     frozenset({"Aurora Innovation", "Nvidia"}),
                                                     frozenset({"Continental", "Nvidia"})}),
    ],
)
def test_headline_verbs_labels_wire_tags_settlements_asset_payments_and_colon_lists(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A deal "reportedly worth" a sum is still a deal; "agree to share"; an archive's first year is no deal date.
        ("News Corp strikes multiyear content deal with OpenAI, reportedly worth $250 million", "",
         {frozenset({"News Corp", "OpenAI"})}),
        ("AP, OpenAI agree to share select news content and technology", "", {frozenset({"Associated Press",
                                                                                        "OpenAI"})}),
        ("Archive deal", "The Associated Press and OpenAI have reached a deal under which OpenAI will license part "
         "of AP's text archive, going back to 1985.", {frozenset({"Associated Press", "OpenAI"})}),
        # Settling a lawsuit and working with the other side instead.
        ("Music and AI", "Warner Music Group has settled its copyright lawsuit against Suno and will instead work "
         "with the AI music company on licensed models.", {frozenset({"Warner Music Group", "Suno"})}),
        # A second headline verb after a comma shares the whole opening list.
        ("Toyota and Isuzu Motors swap shares, team up with Hino Motors on trucks", "",
         {frozenset({"Toyota", "Isuzu Motors"}), frozenset({"Toyota", "Hino Motors"}),
          frozenset({"Isuzu Motors", "Hino Motors"})}),
        # What a company launches is a product; Xbox is Microsoft's.
        ("ElevenLabs launches Eleven Music, with licences from Merlin and Kobalt Music Group", "",
         {frozenset({"ElevenLabs", "Merlin"}), frozenset({"ElevenLabs", "Kobalt Music Group"})}),
        ("Xbox partners with Inworld AI on generative tools", "", {frozenset({"Microsoft", "Inworld AI"})}),
        # The objects of an earlier verb are no pair of their own.
        ("Music model", "KLAY Vision has signed licensing agreements with Universal Music Group, Sony Music and "
         "Warner Music Group, making it the first AI music developer to hold deals with all three majors.",
         {frozenset({"KLAY Vision", "Universal Music Group"}), frozenset({"KLAY Vision", "Sony Music"}),
          frozenset({"KLAY Vision", "Warner Music Group"})}),
        ("NBA picks AWS as cloud and AI partner", "", {frozenset({"NBA", "Amazon Web Services"})}),
    ],
)
def test_reported_values_archives_settlements_opening_lists_launches_and_earlier_objects(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # "X-owned" before the partner; a trading house is a company.
        ("Robotaxis for Houston", "Uber is joining forces with Intel-owned Mobileye and Japanese trading house "
         "Itochu to run driverless cars in Houston from 2027.",
         {frozenset({"Uber", "Mobileye"}), frozenset({"Uber", "Itochu"})}),
        # "with X as its partner".
        ("Robotaxis for Denver", "Zoox will open its service in Denver next spring with Uber as its launch partner, "
         "the companies said.", {frozenset({"Zoox", "Uber"})}),
        # Buying goods from a company is a supply deal, not a takeover; a description does not push the subject
        # away from its verb; "will also use X's cloud".
        ("Siemens to buy Figure's humanoids", "Siemens, the German industrial group, said it will purchase several "
         "hundred humanoid robots from Figure AI for its plants.", {frozenset({"Siemens", "Figure AI"})}),
        ("Apptronik raises $400 million and signs compute deal",
         "Apptronik will also use Microsoft's Azure cloud for training, the company added.",
         {frozenset({"Apptronik", "Microsoft"})}),
        # A deck that names more parties announces their deals, though the headline is about another pair.
        ("Dell World: Dell leans on Nvidia for AI factories",
         "Also: a model hub with Hugging Face. Dell showed new servers built with Nvidia. Dell and Hugging Face "
         "have teamed up on a portal of open models tuned for Dell hardware.",
         {frozenset({"Dell Technologies", "Hugging Face"})}),
        # "Gemini Robotics models" is a product, so the headline names one organisation.
        ("Google DeepMind's new Gemini Robotics models control robot arms",
         "Google DeepMind introduced two models. DeepMind says it is also partnering with Apptronik to build "
         "humanoid robots powered by the models.", {frozenset({"Google DeepMind", "Apptronik"})}),
        # Saying there is no agreement; a deal "earlier in 2024" is background.
        ("Code model released on Hugging Face", "JetBrains published the weights on Hugging Face; there is no "
         "commercial agreement between the two companies, a spokesperson said.", set()),
    ],
)
def test_owned_partners_partner_roles_goods_bought_decks_and_product_names(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


def test_a_deal_earlier_in_the_year_is_background(gazetteer: Gazetteer) -> None:
    text = ("Schaeffler will buy humanoid robots from Agility Robotics. "
            "Agility Robotics signed a robots-as-a-service agreement with GXO Logistics earlier in 2024.")
    title = "Schaeffler to buy Agility's humanoids"
    assert _pairs(gazetteer, title, text) == {frozenset({"Schaeffler", "Agility Robotics"})}
    assert frozenset({"Agility Robotics", "GXO Logistics"}) in _pairs(gazetteer, title, text, status="mentioned")


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # An appositive with no article; a takeover of a majority is no stake; currency codes are no parties.
        ("Chatbot plan", "Naver, operator of the search portal Green Window, and OpenAI said Tuesday they would "
         "jointly develop AI products.", {frozenset({"Naver", "OpenAI"})}),
        ("Wipro to buy 80% of Telstra's cloud unit for A$300 million", "", set()),
        ("Airbus inks EUR 50m deal with Mistral AI", "", {frozenset({"Airbus", "Mistral AI"})}),
        # A national-security review is no deal.
        ("Cerebras listing stalls as security panel reviews G42's stake",
         "The review centres on G42's agreement to buy Cerebras shares.", set()),
        # What came before a deal told first is the background, not the deal.
        ("SoftBank and OpenAI form venture", "SoftBank and OpenAI agreed on Monday to set up a joint venture in "
         "Japan, deepening ties between the two barely two weeks after they announced Stargate.",
         {frozenset({"SoftBank", "OpenAI"})}),
        # Two names and "set up", "are building"; "agreed with X to"; buying a plant's output.
        ("Reliance news", "Separately, Reliance Industries and Google Cloud will set up a dedicated AI cloud region.",
         {frozenset({"Reliance Industries", "Google Cloud"})}),
        ("OpenAI and Broadcom are building custom AI chips", "", {frozenset({"OpenAI", "Broadcom"})}),
        ("Compute", "OpenAI has agreed with Oracle to develop 4.5GW of additional data centre capacity.",
         {frozenset({"OpenAI", "Oracle"})}),
        ("Meta signs nuclear deal", "Meta will buy the output of Constellation Energy's Clinton plant for two "
         "decades, the companies said.", {frozenset({"Meta", "Constellation Energy"})}),
        # A verb between two partners' names; a headline story after a semicolon or a name and a verb.
        ("Salesforce deepens OpenAI and Anthropic ties", "",
         {frozenset({"Salesforce", "OpenAI"}), frozenset({"Salesforce", "Anthropic"})}),
        ("Channel deals: IBM Taps Groq, Oracle Bets Big On AMD", "",
         {frozenset({"IBM", "Groq"}), frozenset({"Oracle", "AMD"})}),
        ("Microsoft adds Lambda Labs; OpenAI inks AWS pact", "",
         {frozenset({"OpenAI", "Amazon Web Services"})}),
        # Putting money into a company; becoming its customer and reseller; "are partnering on".
        ("Nvidia at GTC", "Nvidia is putting $1 billion into Finnish telecoms equipment maker Nokia.",
         {frozenset({"Nvidia", "Nokia"})}),
        ("KPMG to become Anthropic's biggest Claude customer and first reseller", "",
         {frozenset({"KPMG", "Anthropic"})}),
        ("Adobe and YouTube are partnering on a Shorts editor", "", {frozenset({"Adobe", "YouTube"})}),
        # Deploying a maker's chips for a customer: the customer is the partner.
        ("Nscale lands Microsoft contract", "Nscale has signed an agreement to deploy roughly 200,000 Nvidia GPUs "
         "for Microsoft.", {frozenset({"Nscale", "Microsoft"})}),
        ("Naver AI news", "Internet company Naver will deploy about 60,000 Nvidia GPUs for its cloud business.",
         {frozenset({"Naver", "Nvidia"})}),
    ],
)
def test_appositives_takeovers_reviews_joint_subjects_headline_stories_and_customers(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


def test_a_parents_background_investment_does_not_rename_its_units_new_deal(gazetteer: Gazetteer) -> None:
    text = ("Anthropic, Palantir and Amazon Web Services said they are joining forces to serve defence agencies. "
            "Amazon has invested $4 billion in Anthropic and AWS is its primary cloud provider.")
    new = _pairs(gazetteer, "Anthropic, Palantir and AWS team up for defence", text)
    assert frozenset({"Anthropic", "Amazon Web Services"}) in new
    assert frozenset({"Anthropic", "Amazon"}) not in new


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # Name edges: "Avride for Dallas", "Commonwealth Bank of Australia", "the Microsoft-owned company",
        # "Energy Capital Partners join forces", "Hindi-focused".
        ("Uber pacts with Avride for Dallas robotaxis", "", {frozenset({"Uber", "Avride"})}),
        ("Banking", "Commonwealth Bank of Australia has inked a strategic partnership with OpenAI.",
         {frozenset({"Commonwealth Bank of Australia", "OpenAI"})}),
        ("KKR and Energy Capital Partners join forces on AI power push", "",
         {frozenset({"KKR", "Energy Capital Partners"})}),
        ("Coding tools", "At its conference the Microsoft-owned company said it has partnered with Anthropic.", set()),
        # A person tapped is no partner; a deal amid lawsuits is still a deal; a rumour "said to weigh".
        ("OpenAI taps Instacart chief Fidji Simo to run applications", "", set()),
        ("Perplexity lands Getty Images licensing deal amid publisher lawsuits", "",
         {frozenset({"Perplexity AI", "Getty Images"})}),
        ("Orange said to weigh AI tie-up with Mistral", "", set()),
        ("Google, OpenAI wind down Scale AI work", "", set()),
        # Joining a group another company leads; co-investors in a start-up are no pair, a joint project is.
        ("Nvidia and xAI join BlackRock-led AI infrastructure partnership", "", set()),
        ("Funding", "Microsoft and Nvidia said they would invest up to $15 billion in the startup.", set()),
        ("Toyota and NTT to invest 500 billion yen in AI platform for self-driving cars", "",
         {frozenset({"Toyota", "NTT"})}),
        # A stock move that came after the deal; a deal that came days after another.
        ("Broadcom stock rallies 10%", "Shares of Broadcom rose. The move came after Broadcom and OpenAI said they "
         "would jointly develop custom AI accelerators.", {frozenset({"Broadcom", "OpenAI"})}),
        # Selling a plant's output; renting capacity; "co-developed with"; a site is no organisation.
        ("Power", "Constellation Energy will bring the idled reactor at Pennsylvania's Three Mile Island plant back "
         "online and sell its entire output to Microsoft for 20 years.",
         {frozenset({"Constellation Energy", "Microsoft"})}),
        ("Compute", "OpenAI has agreed to rent an additional 4.5 gigawatts of capacity from Oracle.",
         {frozenset({"OpenAI", "Oracle"})}),
        ("Payments", "OpenAI co-developed the protocol with Stripe.", {frozenset({"OpenAI", "Stripe"})}),
        # Earlier deals are background.
        ("OpenAI signs content deals with Le Monde", "OpenAI has struck an agreement with Le Monde, its first in "
         "French after earlier deals with the Associated Press and Axel Springer.",
         {frozenset({"OpenAI", "Le Monde"})}),
    ],
)
def test_name_edges_people_rumours_groups_co_investors_market_moves_and_capacity(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A hire told with "taps"; contracts and order forms signed with a customer.
        ("Intel taps Lip-Bu Tan as CEO, ending search", "", set()),
        ("Compute", "Lambda said it has signed a multi-year contract with Microsoft to deploy GPUs.",
         {frozenset({"Lambda Labs", "Microsoft"})}),
        ("CoreWeave stock jumps", "CoreWeave said it had signed an order form with Meta Platforms for capacity.",
         {frozenset({"CoreWeave", "Meta"})}),
        # "together with" after what is built; a weekday before "with"; a three-way agreement has three pairs.
        ("Anthropic to spend $50 billion on US data centres", "Anthropic said it will build custom data centres in "
         "Texas and New York together with London-based Fluidstack.", {frozenset({"Anthropic", "Fluidstack"})}),
        ("Amazon bets on small nuclear reactors", "Amazon announced a three-way agreement Wednesday with reactor "
         "developer X-energy and Washington state public power consortium Energy Northwest.",
         {frozenset({"Amazon", "X-energy"}), frozenset({"Amazon", "Energy Northwest"}),
          frozenset({"X-energy", "Energy Northwest"})}),
        # Existing joint ventures and what a company "has since" done are background.
        ("Nscale signs on to supply Microsoft with Nvidia GB300s", "The Norwegian capacity will come from Nscale's "
         "existing joint venture with Aker.", {frozenset({"Nscale", "Microsoft"})}),
        ("Toyota and Isuzu Motors swap shares", "Isuzu has since formed a strategic alliance with Volvo Group.",
         {frozenset({"Toyota", "Isuzu Motors"})}),
        # A link list's heading is no dateline: the headlines under it are other stories.
        ("Microsoft, Nvidia and Anthropic form three-way pact", "The companies announced it on Tuesday.\n\n"
         "RELATED: Microsoft signs $9.7B AI cloud contract with IREN\n",
         {frozenset({"Microsoft", "Nvidia"}), frozenset({"Microsoft", "Anthropic"}),
          frozenset({"Nvidia", "Anthropic"})}),
    ],
)
def test_hires_contracts_together_with_three_way_deals_and_link_headings(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


def test_a_deal_told_in_the_deck_makes_its_parties_the_headlines(gazetteer: Gazetteer) -> None:
    text = ("IREN separately lands $9.7 billion Microsoft contract for Texas campus\n\n"
            "Lambda said Monday it has signed a multibillion-dollar agreement with Microsoft. "
            "Lambda did not give a value. Microsoft was busy. Separately, IREN said it had signed a contract with "
            "Microsoft. To fill the contract, IREN has agreed to buy GPUs and equipment from Dell Technologies for "
            "about $5.8 billion.")
    new = _pairs(gazetteer, "Lambda strikes deal to deploy Nvidia GB300 systems for Microsoft", text)
    assert frozenset({"IREN", "Dell Technologies"}) in new


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # Shoppers able "to buy inside ChatGPT" is no takeover; buying 75% of a company is one.
        ("Walmart shoppers will soon be able to buy inside ChatGPT as retailer teams up with OpenAI", "",
         {frozenset({"Walmart", "OpenAI"})}),
        ("Infosys to buy 75% of Telstra's Versent Group for A$233 million", "", set()),
        # An app inside a lab's product is a deal with its maker; so is an app built with it.
        ("Instacart opens a full grocery store inside ChatGPT", "", {frozenset({"Instacart", "OpenAI"})}),
        ("Retail", "Target Corp. said it is launching an app in ChatGPT built with OpenAI.",
         {frozenset({"Target Corporation", "OpenAI"})}),
        ("Sanofi news", "Sanofi has also rolled out its internal app plai, built with Aily Labs, to staff.", set()),
        # A partner's product brought to one's own site, a partner's technology integrated.
        ("Carrefour brings OpenAI's ChatGPT to its website", "", {frozenset({"Carrefour", "OpenAI"})}),
        ("Retail", "Carrefour is integrating OpenAI's technology into its e-commerce site.",
         {frozenset({"Carrefour", "OpenAI"})}),
        # An earlier investment the new deal builds on is background.
        ("Google DeepMind teams up with Commonwealth Fusion Systems", "The tie-up builds on Google's earlier investment in "
         "CFS and its agreement to buy 200 megawatts from the company's first plant.",
         {frozenset({"Google DeepMind", "Commonwealth Fusion Systems"})}),
    ],
)
def test_shopping_apps_inside_lab_products_integrations_and_takeovers_by_share(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


def test_a_university_named_after_its_place_keeps_the_place(gazetteer: Gazetteer) -> None:
    assert _pairs(gazetteer, "Campus AI", "OpenAI signed a partnership with Arizona State University.") == {
        frozenset({"OpenAI", "Arizona State University"})}


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        ("Estonia picks OpenAI and Anthropic for schools", "The government of Estonia has signed agreements with OpenAI "
         "and Anthropic to give students free access to AI tools.",
         {frozenset({"Government of Estonia", "OpenAI"}), frozenset({"Government of Estonia", "Anthropic"})}),
        ("Greece signs up OpenAI", "The Greek government signed a memorandum of understanding with OpenAI on Friday.",
         {frozenset({"Government of Greece", "OpenAI"})}),
        # The ministry that signs is the party, not the country the headline names.
        ("Iceland teams up with Anthropic", "The Icelandic Ministry of Education and Children has signed an agreement "
         "with Anthropic.", {frozenset({"Icelandic Ministry of Education and Children", "Anthropic"})}),
        ("Oxford to give all students ChatGPT Edu", "The University of Oxford is to give all its students ChatGPT Edu "
         "under a new agreement with OpenAI.", {frozenset({"University of Oxford", "OpenAI"})}),
    ],
)
def test_governments_ministries_and_universities_as_parties(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A party described as a consortium is one party, and "First, ..." lists separate moves.
        ("Amazon bets on small reactors: backs X-energy, signs Washington utility consortium",
         "Amazon announced three separate efforts on Wednesday. First, the Seattle-based tech giant signed an "
         "agreement with Energy Northwest, a consortium of public utilities in Washington state, to fund design work.",
         {frozenset({"Amazon", "Energy Northwest"})}),
        # A tally of earlier deals is background.
        ("OpenAI signs $38bn cloud deal with Amazon", "OpenAI has agreed to buy $38bn of computing capacity from "
         "Amazon Web Services. OpenAI has committed to spending $1.4tn, including deals with Oracle, Nvidia, AMD "
         "and Broadcom.", {frozenset({"OpenAI", "Amazon Web Services"})}),
        # A verdict on whether a licence was breached is litigation.
        ("Jury sides with Qualcomm in Arm licensing fight", "A federal jury found Friday that Qualcomm did not breach "
         "its license with Arm Holdings when it used technology developed by Nuvia.", set()),
        # "no agreement with Google was announced" denies the deal.
        ("Apple brings ChatGPT to Siri in deal with OpenAI", "Asked about Gemini, Federighi said only that the company "
         "was open to it; no agreement with Google was announced.", {frozenset({"Apple", "OpenAI"})}),
        # A place is no party, and a number's comma does not split a headline into several stories.
        ("Three Mile Island unit to restart under 20-year power deal with Microsoft", "Constellation Energy will "
         "restart the reactor after striking a 20-year power purchase agreement with Microsoft.",
         {frozenset({"Constellation Energy", "Microsoft"})}),
        ("Accenture and Anthropic join forces, set up group to train 30,000 staff on Claude", "The move comes a week "
         "after Accenture signed a tie-up with OpenAI.", {frozenset({"Accenture", "Anthropic"})}),
    ],
)
def test_consortium_parties_tallies_verdicts_denials_and_places(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A plan dropped is no deal, and "no indication that" denies one.
        ("Honda and GM drop plan to co-develop affordable electric vehicles", "General Motors and Honda have abandoned "
         "a $5 billion plan to jointly develop a series of affordable electric vehicles.", set()),
        ("Telefonica's AI chief leaves for Cohere", "There is no indication that Telefonica plans to use Cohere's "
         "models, a spokesperson for the operator said.", set()),
        # Partners named inside an aside are not parties to the deal told outside it.
        ("Universal Music strikes alliance with Stability AI", "Stability AI, which counts Electronic Arts and WPP among "
         "its recent partners, said the tools would be developed in close collaboration with Universal Music Group.",
         {frozenset({"Universal Music Group", "Stability AI"})}),
        ("Mercedes taps Google Cloud for its assistant", "", {frozenset({"Mercedes-Benz", "Google Cloud"})}),
    ],
)
def test_dropped_plans_denials_asides_and_short_names(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # The first paragraph says the headline's co-subjects signed separately with the third party.
        ("Vox Media and The Atlantic sign on with OpenAI as publisher deals pile up", "Vox Media and The Atlantic each announced separate content "
         "partnerships with OpenAI on Wednesday.",
         {frozenset({"Vox Media", "OpenAI"}), frozenset({"The Atlantic", "OpenAI"})}),
        # Without that word, a headline naming three partners is a three-way deal.
        ("Toyota and Isuzu team up with Hino on trucks", "Toyota Motor and Isuzu Motors said they will take stakes "
         "in each other and join with Hino Motors to develop commercial vehicles.",
         {frozenset({"Toyota", "Isuzu Motors"}), frozenset({"Toyota", "Hino Motors"}),
          frozenset({"Isuzu Motors", "Hino Motors"})}),
    ],
)
def test_separate_deals_in_one_headline_and_articles_in_names(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


def test_an_article_alone_is_no_short_form() -> None:
    assert _shortenings("The New York Times") == ["The New", "The New York", "New York Times", "TNYT"]
    assert _shortenings("Le Monde") == ["LM"]


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        ("Cerebras will power OpenAI with 750 MW in deal worth over $10 billion", "", {frozenset({"Cerebras", "OpenAI"})}),
        # A value from people familiar with the deal does not make the deal a rumour.
        ("OpenAI buys capacity", "OpenAI has agreed to buy up to 750 MW of computing capacity from Cerebras Systems, in a "
         "deal people familiar with it valued at more than $10 billion.", {frozenset({"Cerebras", "OpenAI"})}),
        ("Anthropic to spend $50 billion on US data centers", "Anthropic says it will invest $50 billion in data centers "
         "in Texas and New York that it will build with Fluidstack, a London-based AI cloud provider.",
         {frozenset({"Anthropic", "Fluidstack"})}),
        ("Lilly and Nvidia plan drug-discovery lab", "Eli Lilly and Nvidia said Monday they will open a co-innovation "
         "lab in the San Francisco Bay Area.", {frozenset({"Eli Lilly", "Nvidia"})}),
        # A headline that names no one leaves the news to the first paragraphs.
        ("Europe's sovereign-AI debate gets a Munich test case", "For two years politicians have talked about it. On "
         "Tuesday one of the continent's largest companies put a price tag on it. Deutsche Telekom said it has joined "
         "forces with Nvidia to build an industrial AI cloud in Munich.", {frozenset({"Deutsche Telekom", "Nvidia"})}),
    ],
)
def test_power_build_with_said_they_will_open_and_valued_by_sources(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # The brands listed inside a description of the party are not parties.
        ("AI+ newsletter: Barbie gets a brain", "1 big thing. Mattel, the company behind Barbie, Hot Wheels and Uno, is "
         "teaming up with OpenAI to bring generative AI into its products.", {frozenset({"Mattel", "OpenAI"})}),
        # A live blog reports each item's news; the subjects widen their own deal.
        ("Nvidia GTC 2025 live: Blackwell Ultra and GM", "Jensen Huang takes the stage. A droid named Blue walked on. It "
         "runs on Newton, a physics engine that Nvidia says it is developing together with Google DeepMind. Big one "
         "for the car people: GM and Nvidia are expanding their relationship.",
         {frozenset({"Nvidia", "Google DeepMind"}), frozenset({"General Motors", "Nvidia"})}),
        # A clause describing the publisher ("that is still suing OpenAI") says nothing about the deal.
        ("The Daily Brief: The Times picks an AI partner", "The New York Times has agreed to license its editorial "
         "content to Amazon, the first generative-AI deal for a publisher that is still suing OpenAI and Microsoft.",
         {frozenset({"The New York Times", "Amazon"})}),
    ],
)
def test_listed_brands_live_blogs_widened_ties_and_described_publishers(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        ("5 things to know before the market opens", "It's the latest in a string of compute commitments by OpenAI, "
         "which struck deals with Nvidia and AMD in recent weeks.", set()),
        ("Microsoft takes $1.5 billion stake in G42", "Microsoft will invest $1.5bn in G42, in a deal that deepens US "
         "ties with the Gulf state.", {frozenset({"Microsoft", "G42"})}),
        ("Asia Tech Briefing: Kakao signs up, DeepSeek fallout continues", "Our digest of the week.", set()),
    ],
)
def test_recent_weeks_gulf_and_signs_up_before_a_comma(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A party's own franchises are not parties.
        ("Disney to invest $1 billion in OpenAI", "The Walt Disney Company will invest $1 billion in OpenAI and license "
         "characters from its Pixar, Marvel and Star Wars franchises for use in Sora.", {frozenset({"Disney", "OpenAI"})}),
        # A licence that expired is no deal.
        ("Universal Music pulls its catalog from TikTok as licensing deal expires", "Songs began disappearing from "
         "TikTok after the label's licensing agreement with the video app expired without a renewal.", set()),
    ],
)
def test_own_franchises_and_expired_licences(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A description between two names of a list does not end the list.
        ("Amazon goes nuclear", "In Washington state, Amazon, reactor designer X-energy and Energy Northwest, a "
         "consortium of state public utilities, are joining forces to develop four reactors.",
         {frozenset({"Amazon", "X-energy"}), frozenset({"Amazon", "Energy Northwest"}),
          frozenset({"X-energy", "Energy Northwest"})}),
        # A purchase agreed from a named supplier is a supply deal; buying a business is not.
        ("AEP to buy fuel cells", "American Electric Power has agreed to purchase up to 1 GW of solid oxide fuel cells "
         "from Bloom Energy to serve AI customers.", {frozenset({"American Electric Power", "Bloom Energy"})}),
        ("Quorvia to buy Nexa unit", "Quorvia Systems has agreed to purchase the storage business from Nexa Labs.", set()),
        # "formerly Schlumberger" is the same company under its old name.
        ("SLB will use Nvidia's NeMo", "Oilfield services group SLB, formerly Schlumberger, has widened its "
         "collaboration with Nvidia.", {frozenset({"SLB", "Nvidia"})}),
        # Another outlet's report is no announcement.
        ("Oracle soars as backlog balloons", "The Wall Street Journal reported Wednesday afternoon that OpenAI had "
         "agreed to buy $300 billion of computing power from Oracle.", set()),
    ],
)
def test_described_list_members_purchases_old_names_and_reports(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # Goods bought from a company are no takeover of it.
        ("Roblox lets Google sell its ads", "Roblox said Wednesday it has entered a partnership with Google under which "
         "advertisers will be able to buy Roblox's video ads through Google's ad platforms.",
         {frozenset({"Roblox", "Google"})}),
        # Proposals a product drafts are no proposed deal.
        ("Sakana signs Daiwa deal", "Sakana AI said it had agreed a partnership with Daiwa Securities to build tools "
         "that draft investment proposals for its advisers.", {frozenset({"Sakana AI", "Daiwa Securities"})}),
        # "close discussions" are talks; a correction names no deal; lawmakers asking for a briefing are an inquiry.
        ("Nvidia ships chips to Korea", "Samsung confirmed that it is in \"close discussions\" to supply HBM4 memory "
         "to Nvidia.", set()),
        ("HCLTech bets on AI Force", "Correction: An earlier version of this article said HCLTech's new collaboration "
         "was with Microsoft.", set()),
        ("House committee presses Commerce", "The committee is asking the Commerce Department for a classified briefing "
         "on Microsoft's $1.5 billion investment in G42.", set()),
        # A headline that opens with a company the article keeps naming is about that company.
        ("Expedia lifts outlook as bookings surge", "Expedia raised its forecast. Expedia gained. In its letter, the company also said "
         "it has signed a multi-year agreement with Parla Voice, a Paris start-up. Expedia shares rose.",
         {frozenset({"Expedia", "Parla Voice"})}),
    ],
)
def test_goods_proposals_close_talks_corrections_and_recurring_headline_names(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


_FILLER = ("For three years the debate has circled the same complaint. Most of the compute sits abroad. "
           "Private players have started to fill the gap. Prices have fallen. ")


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A newsletter's headline lists items; one item's lawsuit does not make the others rumours.
        ("The AI Brief: Walmart checks out in ChatGPT; Nvidia backs Reflection; Musk sues again",
         "Walmart said Tuesday it has partnered with OpenAI so customers can shop within ChatGPT.",
         {frozenset({"Walmart", "OpenAI"})}),
        # A deal dated this week, deep in a piece whose headline names no deal, is news.
        ("Europe's sovereign cloud scramble gets a Munich anchor", _FILLER + "Deutsche Telekom and Nvidia said on "
         "Tuesday they would build an Industrial AI Cloud in Munich.", {frozenset({"Deutsche Telekom", "Nvidia"})}),
        ("Europe's sovereign cloud scramble gets a Munich anchor", _FILLER + "Deutsche Telekom and Nvidia said in "
         "2023 they would build an Industrial AI Cloud in Munich.", set()),
        # New wordings.
        ("CoreWeave heads into IPO", "CoreWeave said it had signed a five-year contract worth up to $11.9 billion to "
         "supply compute to OpenAI.", {frozenset({"CoreWeave", "OpenAI"})}),
        ("Microsoft, G42 unveil Kenya plan", "Microsoft and Abu Dhabi-based G42 have agreed to jointly invest $1 billion "
         "in a digital package for Kenya.", {frozenset({"Microsoft", "G42"})}),
        ("Estée Lauder cuts dividend", "The Estée Lauder Companies cut its dividend on Thursday. On the same morning, "
         "the company said it would launch an AI innovation lab with Microsoft.", {frozenset({"Estée Lauder", "Microsoft"})}),
        ("Priceline expands Google partnership", "Priceline has broadened its work with Google Cloud, the travel "
         "agency said.", {frozenset({"Priceline", "Google Cloud"})}),
        ("Perplexity to pay Snap $400 million to put its AI answers inside Snapchat", "",
         {frozenset({"Perplexity AI", "Snap Inc."})}),
        ("Analyst: Apple could pay Google about $1 billion a year to power a new Siri", "", set()),
        ("Analysts flag 'circular' financing as AI suppliers fund their customers", "AMD on Monday granted OpenAI "
         "warrants as part of a supply agreement.", set()),
        # "The three companies" bind both partners of a deal "with Anthropic and AWS".
        ("Palantir brings Claude to defense agencies", "Palantir announced a partnership with Anthropic and Amazon Web "
         "Services to give agencies access to Claude. The three companies said the arrangement will speed analysis.",
         {frozenset({"Palantir", "Anthropic"}), frozenset({"Palantir", "Amazon Web Services"}),
          frozenset({"Anthropic", "Amazon Web Services"})}),
        # "each signed" early on: the headline's "Hyundai and Samsung sign deals" are two deals with Nvidia.
        ("Nvidia to ship chips to Korea as Hyundai and Samsung sign AI factory deals", "PUBLISHED FRI, OCT 31 2025. "
         "South Korea will receive more than 260,000 GPUs. Hyundai Motor Group and Samsung each signed agreements "
         "with Nvidia.", {frozenset({"Hyundai Motor Group", "Nvidia"}), frozenset({"Samsung Electronics", "Nvidia"})}),
        # A deal and a purchase, each its own story or clause.
        ("Nvidia signs AI research pact with Vietnam, buys Vingroup's VinBrain", "Nvidia and the Government of Vietnam "
         "signed an agreement on Thursday to set up an AI centre; separately, the chipmaker said it had acquired "
         "VinBrain.", {frozenset({"Nvidia", "Government of Vietnam"})}),
        # A deal signed "over the summer" is background.
        ("OpenAI names a head for its countries push", "OpenAI signed a memorandum of understanding with the UK "
         "government over the summer.", set()),
    ],
)
def test_roundup_items_dated_deals_new_wordings_three_way_deals_and_seasons(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A list of content sources that opens with a party already named lists that party's brands.
        ("Disney invests in OpenAI", "The Walt Disney Company said it will invest $1 billion in OpenAI and license "
         "characters from Disney, Marvel, Pixar and Star Wars for use in OpenAI's Sora app.",
         {frozenset({"Disney", "OpenAI"})}),
        ("OpenAI licensing", "OpenAI will license content from News Corp and Axel Springer.",
         {frozenset({"OpenAI", "News Corp"}), frozenset({"OpenAI", "Axel Springer"})}),
        # "The companies ... their partnership" with no headline pair: the two the sentences before name.
        ("Instacart becomes first app to offer full checkout inside ChatGPT", "Instacart on Monday launched an app "
         "inside OpenAI's chatbot. The companies described the launch as an expansion of their partnership.",
         {frozenset({"Instacart", "OpenAI"})}),
        ("Nokia drops $2.3B on Infinera", "Nokia has agreed to buy US optical networking firm Infinera for $2.3 billion. "
         "The deal needs approvals from both sides of the Atlantic.", set()),
    ],
)
def test_brands_listed_after_their_owner_and_the_companies_partnership(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # One supplier and the buyers the headline lists after it: each buyer the article names is a deal.
        ("Nvidia to ship 100,000 GPUs to Japan as SoftBank, KDDI and Fujitsu build AI clusters",
         "SoftBank will deploy 40,000 of the chips in a new data centre. KDDI and Fujitsu said they would take "
         "most of the rest.",
         {frozenset({"Nvidia", "SoftBank"}), frozenset({"Nvidia", "KDDI"}), frozenset({"Nvidia", "Fujitsu"})}),
        # A buyer the body never names again is colour.
        ("Nvidia to ship 100,000 GPUs to Japan as SoftBank, KDDI and Fujitsu build AI clusters",
         "SoftBank will deploy 40,000 of the chips in a new data centre. KDDI will take the rest.",
         {frozenset({"Nvidia", "SoftBank"}), frozenset({"Nvidia", "KDDI"})}),
        # Rivals named after "as" are no buyers.
        ("Nvidia to ship more chips to China as AMD and Intel face new curbs",
         "Nvidia will resume sales of its H20 chip. AMD and Intel face new export rules.", set()),
    ],
)
def test_one_supplier_and_the_buyers_its_headline_lists(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A denial and "citing people involved" make a report a rumour.
        ("Intel and TSMC reach preliminary deal on chip joint venture; TSMC denies", "", set()),
        ("Chipmakers in focus", "Intel and TSMC have tentatively agreed to form a joint venture to run Intel's "
         "factories, a newspaper reported, citing people involved.", set()),
        # "for years" is background, and "did not include a new agreement" says there is none.
        ("Anthropic commits $30 billion to Azure", "Microsoft and Nvidia have worked together on AI infrastructure "
         "for years.", {frozenset({"Anthropic", "Microsoft"})}),
        ("Anthropic commits $30 billion to Azure", "Microsoft and Nvidia will work together on AI infrastructure; "
         "the announcement did not include a new agreement between the two.",
         {frozenset({"Anthropic", "Microsoft"})}),
        # Buying a company's products is no takeover.
        ("The week in cloud deals", "Salesforce said on Tuesday it has expanded its partnership with Google Cloud, and "
         "customers will be able to buy Salesforce products through the Google Cloud Marketplace.",
         {frozenset({"Salesforce", "Google Cloud"})}),
        # A deal given as an example of a kind of deal is background.
        ("Nvidia becomes first $5 trillion company", "Some investors worry about circular AI deals, such as Nvidia's "
         "plan to invest up to $100 billion in OpenAI.", set()),
        # "from Google, Amazon, Nvidia and others": a round's investors.
        ("Hugging Face lands $235 million from Google, Amazon, Nvidia and others at $4.5 billion valuation", "", set()),
        # "and it has tapped": the pronoun is the sentence's subject, not the names just before it.
        ("Meta opens up Llama 2", "Meta is making Llama 2 free for commercial use, a move that could undercut OpenAI "
         "and Google, and it has tapped Microsoft as its preferred partner.", {frozenset({"Meta", "Microsoft"})}),
        # "Microsoft, which has invested $13 billion in OpenAI": money put in before.
        ("Meta names Microsoft its preferred Llama partner", "The arrangement is an unusual one for Microsoft, which "
         "has invested about $13 billion in OpenAI.", {frozenset({"Meta", "Microsoft"})}),
    ],
)
def test_denials_years_goods_examples_others_and_pronoun_subjects(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # "Elastic" is Elastic NV, and "Elastic Cloud" named after it is its product.
        ("Elastic signs five-year strategic collaboration agreement with AWS", "The agreement covers generative AI "
         "features for Elastic Cloud on AWS.", {frozenset({"Elastic NV", "Amazon Web Services"})}),
        # Both parties named in the headline: a deal told in the body is the headline's, not context.
        ("GitHub opens Copilot to Anthropic and Google models", "GitHub will let developers choose models from "
         "OpenAI, Anthropic and Google in Copilot. The Microsoft-owned company signed new agreements. Microsoft is "
         "OpenAI's biggest backer. At its Universe conference, GitHub said it had entered into partnerships with "
         "Anthropic and with Google Cloud.",
         {frozenset({"GitHub", "Anthropic"}), frozenset({"GitHub", "Google Cloud"})}),
        # "the two companies": the headline's pair, not the brands listed before.
        ("Axel Springer expands Microsoft partnership to AI", "The Berlin-based publisher of Bild, Welt and Politico "
         "said on Thursday that the two companies will jointly develop new AI services for journalism.",
         {frozenset({"Axel Springer", "Microsoft"})}),
        # Three companies open the headline and "the three companies collaborated": all three pairs.
        ("ServiceNow, Hugging Face and Nvidia release StarCoder2 code models", "The three companies collaborated "
         "to train StarCoder2, a family of open code models.",
         {frozenset({"ServiceNow", "Hugging Face"}), frozenset({"ServiceNow", "Nvidia"}),
          frozenset({"Hugging Face", "Nvidia"})}),
    ],
)
def test_legal_suffixes_headline_parties_the_two_companies_and_three_in_a_headline(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # What happened before a deal is its setting, not a collapse of the deal itself.
        ("Weeks after merger collapse, Intel and Tower Semiconductor sign foundry pact", "",
         {frozenset({"Intel", "Tower Semiconductor"})}),
        ("Chipmakers regroup", "Intel and Tower Semiconductor said on Monday they have struck a new manufacturing "
         "agreement, less than a month after Intel abandoned its acquisition of Tower.",
         {frozenset({"Intel", "Tower Semiconductor"})}),
        # A known company's ticker in brackets is the company.
        ("Marvell expands ties with AWS in custom chip agreement", "Marvell Technology (MRVL) has signed a five-year "
         "agreement with Amazon Web Services covering custom AI accelerators.",
         {frozenset({"Marvell", "Amazon Web Services"})}),
    ],
)
def test_settings_before_a_deal_and_tickers_of_known_companies(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # Known names before a preposition in a headline are a list even without "and".
        ("Norwegian neocloud Skarvik Compute picks Supermicro, Vertiv for 40MW site", "",
         {frozenset({"Skarvik Compute", "Supermicro"}), frozenset({"Skarvik Compute", "Vertiv"})}),
        # The terms of the headline's deal name the maker of the gear, not another party ...
        ("IREN signs $9.7 billion AI cloud contract with Microsoft", "Under the agreement, IREN will host Nvidia "
         "GB300 systems at its campus in Texas.", {frozenset({"IREN", "Microsoft"})}),
        # ... but a headline party named in them is the deal's.
        ("Nokia shares rise on Verizon news", "Under the agreement, Nokia will use Verizon's 850 MHz spectrum to "
         "test its new radios.", {frozenset({"Nokia", "Verizon"})}),
    ],
)
def test_headline_lists_without_and_and_gear_named_in_a_deals_terms(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A name in an opening clause is not the subject after its comma.
        ("Black Forest Labs raises $300 million", "Founded in 2024 by researchers who had earlier worked on "
         "Stable Diffusion, Black Forest Labs has built its business by licensing models to other platforms.", set()),
        # A unit listed beside its parent is the parent's side of the deal.
        ("Perplexity picks PayPal and Venmo to power in-chat shopping", "Perplexity will use PayPal's checkout, "
         "including its Venmo unit, to let people buy from inside its answer engine.",
         {frozenset({"Perplexity AI", "PayPal"})}),
        # A place where the work happens is no party.
        ("KDDI to offer Google's Gemini from its own data centre", "KDDI will run Gemini models inside a data "
         "centre it operates in Sakai, Osaka Prefecture, under a deal with Google Cloud.",
         {frozenset({"KDDI", "Google Cloud"})}),
    ],
)
def test_opening_clauses_units_beside_parents_and_places(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A relative clause describes the party before it; one that reports a deal is news.
        ("Circular deals", "CoreWeave, in which Nvidia owns a stake, has signed contracts with OpenAI.",
         {frozenset({"CoreWeave", "OpenAI"})}),
        ("Perplexity's shopping push", "Perplexity AI, which inked a pact with PayPal on Wednesday, wants users "
         "to stop opening tabs.", {frozenset({"Perplexity AI", "PayPal"})}),
        # What lands inside a lab's product is a product of the sentence's first party.
        ("Salesforce deepens OpenAI, Anthropic ties as Agentforce 360 lands in ChatGPT", "",
         {frozenset({"Salesforce", "OpenAI"}), frozenset({"Salesforce", "Anthropic"})}),
    ],
)
def test_relative_clauses_and_products_landing_in_a_labs_app(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A guess about future ties is no deal; "Early investments" names no investor.
        ("Cisco sets up $1 billion AI fund", "They said they would not be surprised to see Cisco form deeper "
         "commercial ties with Cohere.", set()),
        ("Cisco sets up $1 billion AI fund", "Early investments include stakes in Cohere, Mistral AI and Scale AI.",
         set()),
        # A person with a title is no party; "It ... and signed" shares the pronoun's subject (the headline's).
        ("Humain's busy year", "It announced large purchases of Nvidia chips during President Donald Trump's visit "
         "to Riyadh and signed a $10 billion collaboration with AMD.", {frozenset({"Humain", "AMD"})}),
        # What the deal told first will use names its gear's maker, not a second deal.
        ("Lambda taps Microsoft deal worth billions to deploy Nvidia GB300 systems", "",
         {frozenset({"Lambda Labs", "Microsoft"})}),
        ("Apple signs deal to use Google's Gemini models for Siri", "", {frozenset({"Apple", "Google"})}),
        # The cloud a company moves off is not the one it picks.
        ("Northwind Freight moves its logistics platform off AWS, picks Oracle Cloud in five-year deal", "",
         {frozenset({"Northwind Freight", "Oracle Cloud Infrastructure"})}),
        # Deals that came before are background.
        ("IREN signs Microsoft contract", "The Microsoft contract follows similar deals that the software giant has "
         "signed with Nebius, Nscale and Lambda.", {frozenset({"IREN", "Microsoft"})}),
    ],
)
def test_guesses_titled_people_pronoun_subjects_gear_and_earlier_deals(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # The price may sit between the contract and its partner.
        ("IREN shares soar as Texas campus gets an anchor tenant", "IREN signed a five-year contract worth about "
         "$9.7 billion with Microsoft to provide access to GPU systems.", {frozenset({"IREN", "Microsoft"})}),
        # A headline that tells no deal leaves this week's deal in the body news.
        ("CoreWeave readies IPO as investors weigh its reliance on Microsoft", "CoreWeave is set to market its "
         "shares next week. It would be the largest listing since 2021.\n\nInvestors are watching.\n\nOpenAI will take a $350 million equity stake in CoreWeave as part of a new "
         "agreement, the companies confirmed Monday.", {frozenset({"CoreWeave", "OpenAI"})}),
        # A known company's product named like a foundation is the company.
        ("Apple's next Siri will be powered by Google's Gemini", "Apple said on Monday it had entered a "
         "collaboration under which the next Apple Foundation Models will be based on Google's cloud technology.",
         {frozenset({"Apple", "Google"})}),
    ],
)
def test_prices_untold_headlines_and_products_named_after_their_maker(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # What a company is behind names its products, not partners.
        ("Novo Nordisk signs on with Nvidia to speed up drug discovery", "The Danish drugmaker behind Ozempic and "
         "Wegovy has signed a collaboration agreement with US chip giant Nvidia.",
         {frozenset({"Novo Nordisk", "Nvidia"})}),
        # A headline's kicker before a colon is no subject.
        ("AI Leap: Estonia strikes deals with OpenAI and Anthropic to put chatbots in classrooms", "", set()),
        # A postponed signing is no deal.
        ("Kenya delays digital MoU", "Kenya's Ministry of Information, Communications and Technology has postponed "
         "the signing of a memorandum of understanding with Huawei, officials said on Monday.", set()),
    ],
)
def test_products_behind_a_company_kickers_and_postponed_signings(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # An expansion of the two parties' partnership, told with more names after it.
        ("Snowflake shares slide", "Snowflake and Anthropic have agreed a $200 million, multi-year expansion of their "
         "partnership under which Claude models will power Snowflake Intelligence.",
         {frozenset({"Snowflake", "Anthropic"})}),
        # A supplier added to a company's roster; the company named by its product.
        ("Explainer: why OpenAI rents computing power from almost everyone", "The ChatGPT maker has added Google "
         "Cloud to the roster of companies supplying it with computing capacity, a spokesperson confirmed on "
         "Wednesday.", {frozenset({"OpenAI", "Google Cloud"})}),
        # "Between" the one named and one only described makes no pair with a third name.
        ("OpenAI inks cloud deal with Amazon Web Services", "Amazon Web Services will supply OpenAI with Nvidia "
         "GPUs, the first major computing deal between the ChatGPT maker and Seattle's cloud giant.",
         {frozenset({"OpenAI", "Amazon Web Services"})}),
        # Reminding the audience of an investment retells it.
        ("Amazon launches Nova models", "Jassy reminded the audience that Amazon had just completed a further "
         "$4 billion investment in the Claude maker.", set()),
        # A three-way alliance keeps all three pairs even when the lead gives each its own amount.
        ("Microsoft, Nvidia and Anthropic unveil three-way AI alliance", "In a three-way alliance, Anthropic has "
         "committed to buy Azure compute capacity, while Nvidia and Microsoft will invest up to $10 billion and "
         "$5 billion respectively in the Claude maker.",
         {frozenset({"Microsoft", "Nvidia"}), frozenset({"Microsoft", "Anthropic"}), frozenset({"Nvidia", "Anthropic"})}),
    ],
)
def test_expansions_rosters_described_sides_reminders_and_three_way_alliances(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # Two stories in one headline: the first one's object does not join the second one's subject.
        ("September in AI infrastructure: Nebius lands Microsoft, Meta picks CoreWeave, and the money keeps flowing",
         "", {frozenset({"Meta", "CoreWeave"})}),
        # A deal a day old is news; one "signed at the start of the year" is not.
        ("Universal Music revenue rises 10% as streaming subscriptions grow", "The results came a day after UMG said "
         "it had settled its copyright lawsuit against AI music start-up Udio and struck a licensing agreement with "
         "the company.", {frozenset({"Universal Music Group", "Udio"})}),
        ("Universal Music revenue rises", "Universal Music said its renegotiated agreement with Spotify, signed at the "
         "start of the year, was feeding through to results.", set()),
        # The suppliers a company already licenses from are background.
        ("Cursor maker Anysphere raises $900 million", "Anysphere trains its own models to run alongside those it "
         "licenses from OpenAI, Anthropic and Google.", set()),
        # A company's name ends at its corporate word; its product follows.
        ("Uber, Lucid and Nuro team up on premium robotaxi fleet", "Uber will deploy 20,000 Lucid Group Gravity SUVs "
         "fitted with Nuro's self-driving system under a three-way partnership.",
         {frozenset({"Uber", "Lucid Group"}), frozenset({"Uber", "Nuro"}), frozenset({"Lucid Group", "Nuro"})}),
    ],
)
def test_two_headline_stories_recent_and_old_deals_and_names_before_products(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # Denials and reports of plans are no deals.
        ("DeepSeek's R1 lands on Microsoft's cloud", "Any cloud can host it, and Microsoft said it had not signed a "
         "commercial agreement with DeepSeek.", set()),
        ("Apple's AI chief steps down", "Apple has been reported to be planning to use a custom version of Google's "
         "Gemini model, though neither company has confirmed any agreement.", set()),
        # "Would work with" is a deal, shared by the sentence's subject; one announced months ago is not news.
        ("Humain signs with US tech giants", "Amazon Web Services said it would work with Humain to build an AI Zone "
         "in the kingdom.", {frozenset({"Amazon Web Services", "Humain"})}),
        ("Orange strikes AI deals", "Orange said on Tuesday it had signed a multi-year agreement with OpenAI giving "
         "it access to pre-release models, and would also work with Meta to adapt open-source models.",
         {frozenset({"Orange SA", "OpenAI"}), frozenset({"Orange SA", "Meta"})}),
        ("Apptronik signs Jabil", "In December it announced that it would work with Google DeepMind on humanoid "
         "robots.", set()),
        # A name fused with "AI" is shortened without it.
        ("LG adopts FuriosaAI chips", "LG AI Research said it would work with Furiosa on future chips.",
         {frozenset({"LG AI Research", "FuriosaAI"})}),
    ],
)
def test_denials_reports_future_work_and_fused_ai_names(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A possessive after ", and" starts a new clause, not a third party "between" the two.
        ("GitHub Copilot goes multi-model", "Claude is rolling out this week under a new agreement between GitHub and "
         "Anthropic, and Google's Gemini will follow in the coming weeks.", {frozenset({"GitHub", "Anthropic"})}),
        # "The company and X" under a headline about the company alone: the company and X.
        ("Harvey raises $300 million at a $5 billion valuation", "Legal AI company Harvey has closed a $300 million "
         "Series E round. Kleiner Perkins and Coatue co-led the round.\n\nOn Wednesday the company and LexisNexis "
         "unveiled a strategic alliance that will put LexisNexis content and its Shepard's citation checking inside "
         "Harvey's assistant.", {frozenset({"Harvey AI", "LexisNexis"})}),
    ],
)
def test_possessives_after_and_and_the_company_and_a_partner(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A portfolio's examples are past investments.
        ("Nvidia strikes healthcare tie-ups with IQVIA", "It has worked with GE HealthCare on imaging and invested in "
         "startups including Hippocratic AI and Abridge.", {frozenset({"Nvidia", "IQVIA"})}),
        # A plural of things in capitals is no party.
        ("Google inks deal for small modular reactors with Kairos Power", "Google has signed an agreement with Kairos "
         "Power to buy electricity from small modular reactors, in what the companies called the world's first "
         "corporate agreement to purchase nuclear energy from multiple SMRs.", {frozenset({"Google", "Kairos Power"})}),
    ],
)
def test_portfolios_and_plural_acronyms(gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A list of names in a warning headline is one story, so the warning covers the deals it retells.
        ("Analysts warn of 'circular' AI financing as Nvidia, OpenAI, AMD and Oracle deals pile up", "Last week, AMD "
         "agreed to supply OpenAI with 6 gigawatts of Instinct GPUs.", set()),
        # A vehicle the company already has is no new deal.
        ("Nscale lands Microsoft contract for some 200,000 Nvidia GB300 chips", "Nscale has signed an agreement to "
         "deploy roughly 200,000 Nvidia GB300 GPUs for Microsoft in Texas and Norway, the latter through its joint "
         "venture with Aker.", {frozenset({"Nscale", "Microsoft"})}),
    ],
)
def test_warning_headlines_listing_names_and_existing_vehicles(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # Separate agreements beside the headline's deal are news of their own.
        ("Hyundai Motor, Nvidia pact on $3 billion 'physical AI' cluster", "Hyundai Motor Group and Nvidia will "
         "jointly build an AI factory in Korea, the two companies said Friday.\n\nIt widens their earlier work.\n\n"
         "Nvidia also signed separate agreements to supply Samsung Electronics and SK Group with GPUs.",
         {frozenset({"Hyundai Motor Group", "Nvidia"}), frozenset({"Nvidia", "Samsung Electronics"}),
          frozenset({"Nvidia", "SK Group"})}),
        # What a company runs now is no new deal.
        ("Waymo to add Hyundai Ioniq 5 to its robotaxi fleet", "Waymo currently runs Jaguar I-Pace vehicles and is "
         "also working with Chinese automaker Zeekr.", set()),
    ],
)
def test_separate_agreements_and_current_suppliers(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A list of things in a headline gives the deal in it no subject.
        ("GTC 2025: Huang's keynote brings Blackwell Ultra, a droid named Blue, and a deal with GM", "", set()),
        # The first verb's object holds a name; the second verb belongs to the headline's subject.
        ("GTC Washington: Nvidia buys $1 billion Nokia stake, lines up Uber robotaxis", "",
         {frozenset({"Nvidia", "Uber"})}),
        # "Their" collaboration is the two the sentence opens with; ", with AWS set to" is no partner; "re:Invent"
        # is a conference.
        ("Cloud news", "Amazon Web Services and Nvidia used Adam Selipsky's re:Invent keynote to expand their "
         "strategic collaboration, with AWS set to become the first cloud to offer the chips.",
         {frozenset({"Amazon Web Services", "Nvidia"})}),
    ],
)
def test_headline_lists_of_things_second_verbs_and_their_deals(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # "No active plans" denies a deal.
        ("OpenAI says it has no active plans to use Google's in-house chip", "", set()),
        # "Among" opens a sentence; it names nobody.
        ("Trump's Riyadh visit yields flurry of tech pledges", "Among the most concrete were agreements struck by "
         "Humain, the company launched a day earlier by the kingdom's wealth fund.", set()),
    ],
)
def test_no_active_plans_and_among(gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # The thing licensed is named by its owner's possessive: the owner is the licensor.
        ("Meta licenses Midjourney's image and video tech for future models", "", {frozenset({"Meta", "Midjourney"})}),
        # A possessive after another verb is no licence.
        ("Meta praises Midjourney's image and video tech", "", set()),
    ],
)
def test_licensing_a_named_owners_technology(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # The headline's two parties, one named by its short form with a product; the text names the other by
        # what it is.
        ("Vodafone's 'AI Phone' puts Perplexity's assistant on the lock screen",
         "The device ships with the assistant wired into the power button. The operator said it had signed a "
         "partnership with the San Francisco start-up that also covers the app. Perplexity AI shares the revenue.",
         {frozenset({"Vodafone", "Perplexity AI"})}),
        # A described partner with a name of its own is not the headline's other party.
        ("Vodafone's 'AI Phone' puts Perplexity's assistant on the lock screen",
         "The operator said it had signed a partnership with the Seattle start-up Kestrel Labs. Perplexity AI "
         "shares the revenue.", set()),
        # A possessive headline subject that the text keeps naming is who "the company" is.
        ("Motorola's new Razr phones lean on Perplexity and Microsoft Copilot, not just Google",
         "Motorola has unveiled its 2025 Razr foldables. The company said it has struck deals with Perplexity and "
         "with Microsoft to build their assistants into Moto AI. Motorola's chief product officer spoke. "
         "Motorola said Gemini stays the default.",
         {frozenset({"Motorola", "Perplexity AI"}), frozenset({"Motorola", "Microsoft"})}),
    ],
)
def test_headline_parties_by_short_form_description_and_possessive(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # "At the same event" tells a second deal of the day, not background to the headline's.
        ("Reliance, Nvidia widen AI pact", "Reliance and Nvidia said they would expand their partnership. At the "
         "same event, Tech Mahindra unveiled a model that it said it built in partnership with Nvidia.",
         {frozenset({"Reliance", "Nvidia"}), frozenset({"Tech Mahindra", "Nvidia"})}),
        ("Apple picks a new model supplier", "Apple and Google on Monday said they have entered a multiyear "
         "collaboration on the next Apple Foundation Models.", {frozenset({"Apple", "Google"})}),
        # "OpenAI rival" describes the company the stake is in.
        ("Amazon to invest up to $4 billion", "Ecommerce group takes minority stake in OpenAI rival.", set()),
        ("Chip news", "Nvidia rival AMD has signed a supply agreement with Kestrel Cloud.",
         {frozenset({"AMD", "Kestrel Cloud"})}),
        # A headline's "signs" with named partners is a signing; with a person it is not.
        ("Copilot is coming to your TV: Microsoft signs Samsung and LG at CES", "",
         {frozenset({"Microsoft", "Samsung Electronics"})}),
        ("Nvidia signs Foxconn, Wistron to build AI servers in Texas", "",
         {frozenset({"Nvidia", "Foxconn"}), frozenset({"Nvidia", "Wistron"})}),
        ("Microsoft signs EU AI code of practice", "", set()),
        # A newsletter's headline item ends at its comma.
        ("The Deal Sheet: Kestrel goes big on robots, HSBC signs Mistral AI, Cursor's $2.3B round", "",
         {frozenset({"HSBC", "Mistral AI"})}),
    ],
)
def test_same_event_entered_rivals_and_signs(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A product named after its maker leaves the maker the headline's one party; the deal that opens a
        # sentence is the maker's.
        ("WWDC 2024: Apple unveils 'Apple Intelligence' for iPhone, iPad and Mac",
         "At its keynote today, the company revealed Apple Intelligence. Through an agreement with OpenAI, Siri will "
         "be able to hand off questions to ChatGPT, built into Apple's writing tools.",
         {frozenset({"Apple", "OpenAI"})}),
        # "An agreement the two companies announced" is the headline's pair.
        ("Vodafone's 'AI Phone' puts Perplexity at the heart of a cheap handset",
         "The phone ships with an assistant built on Perplexity's answer engine. Under an agreement the two "
         "companies announced at the show, Perplexity AI will supply the core of the assistant and Vodafone will "
         "add its own \"Magenta AI\" layer on top, along with agents from other providers.",
         {frozenset({"Vodafone", "Perplexity AI"})}),
    ],
)
def test_products_named_after_makers_deal_openers_and_the_two(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A live blog's "the two companies" are the ones its entry just named, not two items of its headline.
        ("MWC 2025 live: Vodafone's AI Phone, Qualcomm's new modem and the AI-RAN crowd",
         "Qualcomm took the wraps off its new modem. Vodafone showed off a handset built around an assistant from "
         "Perplexity AI. Under the agreement the two companies unveiled this morning, the assistant will sit on the "
         "lock screen.", {frozenset({"Vodafone", "Perplexity AI"})}),
        # A deal that opens the sentence before a subject of its own is not the headline company's.
        ("OpenAI signs $38bn cloud deal with Amazon, loosening its reliance on Microsoft",
         "OpenAI has agreed to buy $38bn of computing capacity from Amazon Web Services. As part of a new agreement "
         "with Microsoft, which owns part of the group, the software group gave up its right of first refusal.",
         {frozenset({"OpenAI", "Amazon Web Services"})}),
    ],
)
def test_live_blog_pairs_and_deal_openers_with_their_own_subject(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # "The maker of Mounjaro and Zepbound" names products; "Lilly" is Eli Lilly, not its product "Lilly TuneLab".
        ("Lilly to build drug industry's largest AI supercomputer with Nvidia",
         "Eli Lilly says it is building an AI factory with Nvidia. The Indianapolis-based maker of Mounjaro and "
         "Zepbound announced today that it is working with Nvidia on a supercomputer. Lilly said start-ups use "
         "Lilly TuneLab.", {frozenset({"Eli Lilly", "Nvidia"})}),
        # Where a spinout came from is no party to its deals.
        ("Isomorphic Labs inks first pharma deals with Lilly and Novartis", "The Alphabet-owned drug discovery outfit spun out of DeepMind "
         "has signed research pacts with Eli Lilly and Novartis.", {frozenset({"Isomorphic Labs", "Eli Lilly"}),
                                                                   frozenset({"Isomorphic Labs", "Novartis"})}),
        # A pact that ends, and two companies that combine, are no new deals.
        ("Helixa Therapeutics shares sink as Novartis ends AI discovery pact; CEO to step down", "", set()),
        ("Recursion and Exscientia agree to combine in $688 million all-stock deal", "", set()),
        # An earlier licence the new one follows is background.
        ("Insilico Medicine licenses AI-designed cancer drug to Exelixis for $80 million upfront",
         "The deal follows Insilico's earlier out-licensing of a different asset to Menarini's Stemline.",
         {frozenset({"Insilico Medicine", "Exelixis"})}),
        # The gazetteer knows Philips by its full name too.
        ("Royal Philips and Amazon Web Services expand their strategic collaboration", "",
         {frozenset({"Philips", "Amazon Web Services"})}),
    ],
)
def test_products_spinouts_ended_pacts_mergers_and_earlier_licences(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # The second verb after a deal's partner is the headline subject's; a unit named in another headline
        # item is not the party.
        ("Reliance Industries forms AI venture with Meta, picks Google Cloud for Jamnagar; Jio IPO set for 2026",
         "Reliance Industries will set up a joint venture with Meta to sell enterprise AI products in India.",
         {frozenset({"Reliance Industries", "Meta"}), frozenset({"Reliance Industries", "Google Cloud"})}),
    ],
)
def test_second_verbs_after_a_partner_and_headline_items(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # An opening phrase before "the two companies have signed" leaves them the headline's pair.
        ("ASML leads Mistral AI's €1.7bn round, becoming its largest shareholder",
         "Mistral AI has closed a €1.7bn Series C with ASML writing most of the cheque. Beyond the cash, the two "
         "companies have signed a collaboration agreement under which Mistral's models will be used across ASML's "
         "products.", {frozenset({"ASML", "Mistral AI"})}),
        # "In late April" is a month before the article's (June 2025): background.
        ("Anthropic signs Azure compute deal", "Anthropic committed to buy compute capacity on Microsoft Azure. "
         "Microsoft and OpenAI rewrote their agreement in late April, giving Microsoft a stake.",
         {frozenset({"Anthropic", "Microsoft"})}),
    ],
)
def test_openers_before_the_two_and_early_or_late_months(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # "It" opening a clause stands for the name that opened the sentence before.
        ("How a Midwest health system cut after-hours charting", "Lakeshore Health rolled out ambient notes in 2023. "
         "Abridge, which raised a round last week, has been signing larger systems at a fast clip. This week it also "
         "announced a collaboration with Mayo Clinic to roll Abridge out to 2,000 clinicians.",
         {frozenset({"Abridge", "Mayo Clinic"})}),
        # ... but not "at the time" something else happened.
        ("AMD, Cisco and Humain form joint venture", "Humain, which was launched in May, has moved quickly to line "
         "up suppliers. It announced plans at the time to buy 18,000 of Nvidia's chips and agreed a $5 billion "
         "deal with Amazon Web Services.",
         {frozenset({"AMD", "Cisco"}), frozenset({"AMD", "Humain"}), frozenset({"Cisco", "Humain"})}),
        # A deal deep in a product story under a headline that names no company is news when called new.
        ("Galaxy S24 bets on AI: live call translation and a new camera brain",
         "Samsung Electronics on Wednesday unveiled its Galaxy S24 series. The phones go on sale Jan. 31. Live "
         "Translate renders calls in real time. Chat Assist adjusts the tone of messages. Samsung's own models handle "
         "several tasks. Behind some of the cloud-based features is a new deal with Google. Google Cloud and Samsung "
         "said they had agreed a multi-year partnership to bring Gemini Pro to smartphone users.",
         {frozenset({"Google Cloud", "Samsung Electronics"})}),
    ],
)
def test_it_after_a_named_opener_at_the_time_and_new_deals_deep_down(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # "already" in a later clause about someone else does not make the deal old ...
        ("Dreamforce 2025: Salesforce brings Agentforce into ChatGPT and puts Claude to work for banks",
         "Salesforce on Tuesday expanded its partnerships with both OpenAI and Anthropic, using the main keynote to "
         "show its software running inside the chatbots people already use.",
         {frozenset({"Salesforce", "OpenAI"}), frozenset({"Salesforce", "Anthropic"})}),
        # ... but the deal's own "already" does.
        ("Crusoe raises $1.38 billion as AI data center builder's valuation tops $13 billion",
         "The round was led by Valor Equity Partners. The first buildings, which Crusoe developed with Blue Owl, are "
         "already running Nvidia racks.", set()),
        # A descriptor between two listed parties ("French AI champion").
        ("At GTC Paris, Huang and Mensch unveil 'Mistral Compute'", "Nvidia and French AI champion Mistral AI "
         "announced they are joining forces to build Mistral Compute.", {frozenset({"Nvidia", "Mistral AI"})}),
        # "Longtime rivals" describes the parties, not an old deal.
        ("Nvidia takes $5 billion Intel stake", "Nvidia will invest $5 billion in Intel and the two chipmakers will "
         "jointly develop products, a surprise pact between longtime rivals.", {frozenset({"Nvidia", "Intel"})}),
        # A list after a possessive's first words is still the maker's technology.
        ("GTC news", "In a third announcement, Palantir said it will integrate Nvidia's accelerated computing, CUDA-X "
         "libraries and Nemotron models into its Ontology platform.", {frozenset({"Palantir", "Nvidia"})}),
    ],
)
def test_already_in_later_clauses_descriptors_in_lists_longtime_rivals_and_integrations(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A lawsuit that ends beside a deal is the deal's setting ...
        ("Warner Music drops Suno lawsuit, signs on as partner for licensed AI models",
         "Warner Music Group has settled its copyright lawsuit against AI music generator Suno and struck a "
         "partnership that will see the start-up launch licensed models next year.",
         {frozenset({"Warner Music Group", "Suno"})}),
        ("Suno strikes licensing deal with Warner Music Group, ending the label's lawsuit", "",
         {frozenset({"Warner Music Group", "Suno"})}),
        # ... a settlement alone is no deal.
        ("Getty settles lawsuit with Stability AI", "", set()),
    ],
)
def test_lawsuits_that_end_beside_a_deal(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # "Azure OpenAI Service" is Microsoft's product.
        ("Dentsu broadens Microsoft deal", "The group will build tools on the Azure OpenAI Service, under a broadened "
         "strategic agreement with Microsoft.", {frozenset({"Dentsu", "Microsoft"})}),
        # Goods named by their maker, as another verb's object, are not the subject of the deal after them.
        ("Snowflake expands Microsoft pact", "Snowflake said it is the first data platform to run OpenAI models this "
         "way under its agreement with Microsoft.", {frozenset({"Snowflake", "Microsoft"})}),
        # Loosening ties is no deal.
        ("Microsoft and Nvidia invest in Anthropic", "The announcement comes as Microsoft loosens its ties with OpenAI.",
         {frozenset({"Microsoft", "Anthropic"}), frozenset({"Nvidia", "Anthropic"})}),
    ],
)
def test_makers_products_and_loosened_ties(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # An investment "in the Finnish company" is in the headline's other party.
        ("Nokia shares soar as Nvidia takes $1 billion stake", "Shares in Nokia rose by more than 20 percent on "
         "Tuesday after US chipmaker Nvidia announced that it will invest one billion dollars in the Finnish company.",
         {frozenset({"Nokia", "Nvidia"})}),
    ],
)
def test_investments_in_a_described_headline_party(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # Axios's "Driving the news:" marks the item's news, under a headline about something else.
        ("People Inc. says Google search now sends it a quarter of its traffic",
         "People Inc. says Google search now sends it a quarter of its traffic\nBy Lena Forsythe\nNov 4, 2025\n"
         "Google search, which three years ago accounted for roughly 54% of traffic to People Inc.'s sites, now brings "
         "in about 24%, its chief executive told investors Tuesday.\nWhy it matters: People Inc. is the largest "
         "magazine publisher in the U.S.\nDriving the news: Vogel said People Inc. has signed an AI licensing deal with Microsoft, joining a "
         "content marketplace.", {frozenset({"Dotdash Meredith", "Microsoft"})}),
        # "Last week's agreement" is an earlier deal; "last week's Dreamforce" is only when a new one was told.
        ("Alphabet tops $100 billion in quarterly revenue", "On the call, Sundar Pichai said Google Cloud's backlog "
         "reached $155 billion and pointed to last week's TPU agreement with Anthropic as evidence of demand.", set()),
        ("Salesforce widens AI ties", "Salesforce used last week's Dreamforce to widen its ties with OpenAI.",
         {frozenset({"Salesforce", "OpenAI"})}),
    ],
)
def test_news_markers_and_last_weeks_deals(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A unit named after both partners is their deal, not a third party.
        ("Accenture and Anthropic Launch Business Group to Move Enterprises From AI Pilots to Production",
         "Accenture and Anthropic are deepening their relationship with a dedicated Accenture Anthropic Business Group.",
         {frozenset({"Accenture", "Anthropic"})}),
        # Servers bought from a supplier are no takeover; "has contracted with" is a deal.
        ("Nscale Signs Agreement to Deliver About 200,000 NVIDIA GPUs for Microsoft",
         "Nscale, the AI hyperscaler, today said it has contracted with Microsoft to provide roughly 200,000 NVIDIA "
         "GB300 GPUs, using servers it buys from Dell Technologies.", {frozenset({"Nscale", "Microsoft"})}),
    ],
)
def test_joint_units_suppliers_and_contracts(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


def test_an_agreement_that_will_end_is_no_new_deal(gazetteer: Gazetteer) -> None:
    title = "Brightline Security Concludes Reseller Agreement With Optiv; Shifts to Direct Sales"
    text = ("PHOENIX, Nov. 19, 2024 (GLOBE NEWSWIRE) -- Brightline Security, a provider of AI-based email threat "
            "detection, said today that its reseller agreement with Optiv Security will end on December 31, 2024, by "
            "mutual agreement, as Brightline moves to a direct and marketplace sales model.")
    assert _pairs(gazetteer, title, text, published=datetime(2024, 11, 19, tzinfo=timezone.utc)) == set()


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # "The German insurer" stands for the one company the sentence before named; a deal's features "designed
        # for regulators" are no regulator's inquiry.
        ("Anthropic's quiet land grab in the enterprise, explained",
         "Its closest rival has been signing up the world's biggest employers. The newest name is Allianz. The German "
         "insurer said on Friday it has entered a global partnership with Anthropic that will see the two companies "
         "build AI agents for claims handling, with logging designed for regulators.",
         {frozenset({"Allianz", "Anthropic"})}),
        # Windsurf is the company once called Codeium.
        ("Google licenses Windsurf technology", "Google will take a non-exclusive licence to Windsurf's technology "
         "under a licensing agreement with Windsurf.", {frozenset({"Google", "Codeium"})}),
    ],
)
def test_described_subjects_and_renamed_companies(
        gazetteer: Gazetteer, title: str, text: str, pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


def test_a_deal_unveiled_with_partners_in_a_relative_clause(gazetteer: Gazetteer) -> None:
    title = "Salesforce sets $60 billion revenue target for 2030, shares jump most since May"
    text = ("The target was unveiled at an investor day held alongside the company's Dreamforce conference. "
            "Executives also pointed to the expanded partnerships Salesforce unveiled on Tuesday with OpenAI and "
            "Anthropic.")
    assert _pairs(gazetteer, title, text) == {frozenset({"Salesforce", "OpenAI"}), frozenset({"Salesforce", "Anthropic"})}


def test_a_chairman_known_by_surname_is_no_party(gazetteer: Gazetteer) -> None:
    title = "RIL AGM 2025: Ambani unveils Reliance Intelligence, ties up with Meta and Google Cloud"
    text = ("Reliance Industries and Meta will form a joint venture to build enterprise AI tools. In a second "
            "agreement, Reliance and Google Cloud will build a dedicated cloud region in Jamnagar, Ambani said.")
    found = _pairs(gazetteer, title, text)
    assert not any("Ambani" in pair for pair in found)
    assert frozenset({"Reliance Industries", "Meta"}) in found


@pytest.mark.parametrize(
    ("title", "text", "mentioned"),
    [
        # A running total invested is no new stake.
        ("Microsoft brings Anthropic's Claude into Microsoft 365 Copilot, loosening reliance on OpenAI",
         "Microsoft has invested more than $13 billion in OpenAI, and the two are still renegotiating the terms.",
         frozenset({"Microsoft", "OpenAI"})),
        # An agreement "recently restructured" is the setting of today's news.
        ("Microsoft and Nvidia Will Invest Up to $15 Billion in Anthropic",
         "Microsoft, for its part, recently restructured its agreement with OpenAI, which now holds a roughly "
         "$250 billion Azure commitment.", frozenset({"Microsoft", "OpenAI"})),
        # A deal signed the week before.
        ("Vox Media and The Atlantic sign on with OpenAI as publisher deals pile up",
         "Why it matters: A week after News Corp signed a five-year deal reportedly worth more than $250 million, "
         "OpenAI is racing to lock in premium content.", frozenset({"News Corp", "OpenAI"})),
        # What the company's earlier products ran on.
        ("Quillmark AI Launches Quillmark Atlas, a Long-Document Reasoning Model",
         "Quillmark AI has signed a multi-year agreement with CoreWeave for GPU capacity. Quillmark's earlier "
         "models were trained on capacity rented from Lambda Labs.", frozenset({"Quillmark AI", "Lambda Labs"})),
        # What a company has done "in the past".
        ("Insilico Medicine out-licenses AI-discovered cancer drug to Menarini's Stemline",
         "Insilico has also advanced its lead fibrosis drug into phase 2b trials and has licensed assets to "
         "Exelixis and Fosun Pharma in the past.", frozenset({"Insilico Medicine", "Exelixis"})),
        # A deal that filled last quarter's order book.
        ("Oracle's OpenAI bet looks stretched, Barclays warns",
         "Oracle's remaining performance obligations swelled to $455 billion last quarter, largely thanks to a "
         "roughly $300 billion, five-year compute agreement with OpenAI that begins in 2027.",
         frozenset({"Oracle", "OpenAI"})),
        # A stake taken before.
        ("SKT and Deutsche Telekom sign side pact on telecom LLM",
         "SK Telecom had earlier invested $100 million in Anthropic and has worked with Perplexity.",
         frozenset({"SK Telecom", "Anthropic"})),
        # Deals unveiled the day before.
        ("KAIST, Nvidia sign pact on physical AI research",
         "KAIST said Friday it had signed a memorandum of understanding with Nvidia, on the sidelines of the APEC "
         "summit, where Nvidia's GPU supply agreements with Samsung had been unveiled a day earlier.",
         frozenset({"Nvidia", "Samsung Electronics"})),
        # A contract an analyst calls unaffected stands already.
        ("Analyst: Microsoft lease pullback no threat to nuclear power contracts",
         "He argued that Constellation Energy's 20-year contract to supply Microsoft from the restarted Crane reactor is "
         "unaffected.", frozenset({"Constellation Energy", "Microsoft"})),
        # Deals of the same kind signed before.
        ("Cognizant to deploy Claude to 350,000 employees in Anthropic pact",
         "The IT services firm will roll out Claude across its workforce, adding to similar tie-ups Anthropic has "
         "signed with Deloitte and Accenture.", frozenset({"Anthropic", "Deloitte"})),
    ],
)
def test_running_totals_and_recent_restructurings_are_background(
        gazetteer: Gazetteer, title: str, text: str, mentioned: frozenset[str]) -> None:
    assert mentioned not in _pairs(gazetteer, title, text)
    assert mentioned in _pairs(gazetteer, title, text, status="mentioned")


def test_a_unit_named_in_background_does_not_rename_its_parents_new_deal(gazetteer: Gazetteer) -> None:
    title = "Nvidia to ship 260,000 GPUs to South Korea as Samsung, SK, Hyundai and Naver sign on"
    text = ("Nvidia said on Friday it will supply Samsung Electronics, SK Group, Hyundai Motor Group and Naver with "
            "260,000 GPUs. "
            "SK Group will build an AI factory of its own with up to 50,000 Nvidia GPUs, part of which will be "
            "offered as a cloud service to other Korean firms, while SK hynix continues to supply high-bandwidth "
            "memory to Nvidia.")
    found = _pairs(gazetteer, title, text)
    assert frozenset({"SK Group", "Nvidia"}) in found
    assert frozenset({"SK hynix", "Nvidia"}) not in found


@pytest.mark.parametrize(
    ("title", "text", "pair", "product"),
    [
        ("Mastercard's Agent Pay lets AI assistants check out, with Microsoft first in line",
         "Mastercard is rolling out a program that lets AI agents pay. "
         "Microsoft will integrate Agent Pay into its Copilot assistant, the companies said.",
         frozenset({"Mastercard", "Microsoft"}), "Agent Pay"),
        ("SAP unveils Business Data Cloud and brings Databricks inside its walls",
         "SAP has launched a new product, SAP Business Data Cloud. "
         '"With Business Data Cloud and our partnership with Databricks, we are doing that," Klein said.',
         frozenset({"SAP", "Databricks"}), "Business Data Cloud"),
    ],
)
def test_a_product_named_after_its_maker_stands_for_the_maker(
        gazetteer: Gazetteer, title: str, text: str, pair: frozenset[str], product: str) -> None:
    found = _pairs(gazetteer, title, text)
    assert pair in found
    assert not any(product in p for p in found)


@pytest.mark.parametrize(
    ("title", "text", "pair"),
    [
        # Who signs on joins someone else, not each other.
        ("Isomorphic Labs lands first pharma partners: Lilly and Novartis sign on in deals worth up to $3 billion",
         "Isomorphic Labs said it had signed research collaborations with Eli Lilly and Novartis.",
         frozenset({"Eli Lilly", "Novartis"})),
        # A product that is first to use a supplier's tools makes no partner of its maker.
        ("Intel adds 14A to foundry roadmap, insists it will regain process lead",
         "At its first foundry-focused customer event in San Jose today, Intel extended its process roadmap beyond "
         "the 18A node it has been promising for 2025, adding a 14A node that will be the first to use ASML's "
         "High-NA EUV lithography tools.", frozenset({"Intel", "ASML"})),
    ],
)
def test_joiners_and_first_users_are_no_pair(gazetteer: Gazetteer, title: str, text: str, pair: frozenset[str]) -> None:
    assert pair not in _pairs(gazetteer, title, text)


def test_a_second_verb_after_a_phrase_on_the_first_verbs_object_shares_the_subject(gazetteer: Gazetteer) -> None:
    title = "IREN lands $9.7 billion Microsoft cloud contract"
    text = ("The bitcoin miner turned AI cloud IREN signed a five-year, $9.7 billion deal to provide Microsoft with GPU "
            "capacity at its Childress, Texas campus, and agreed to buy about $5.8 billion of Nvidia GB300 systems "
            "from Dell Technologies to fulfil it.")
    found = _pairs(gazetteer, title, text)
    assert frozenset({"IREN", "Dell Technologies"}) in found
    assert frozenset({"Microsoft", "Dell Technologies"}) not in found
    assert not any("Childress" in pair for pair in found)


def test_the_speaker_after_a_dateline_owns_its(gazetteer: Gazetteer) -> None:
    title = "FuriosaAI lands its first big customer"
    text = ("SEOUL, July 22 (Reuters) - South Korean AI chip startup FuriosaAI said on Tuesday that LG AI Research "
            "will use its RNGD inference chips to serve the Exaone family of language models.")
    assert frozenset({"FuriosaAI", "LG AI Research"}) in _pairs(gazetteer, title, text)


def test_the_outlets_earlier_headlines_under_previously_on_are_not_news(gazetteer: Gazetteer) -> None:
    title = "Anthropic commits $30 billion to Azure as Microsoft takes a stake"
    text = ("Anthropic has agreed to buy $30 billion of compute capacity on Microsoft Azure, and Microsoft will "
            "invest up to $5 billion in the Claude developer, the companies said Tuesday.\n"
            "Previously on GeekWire:\n"
            "Microsoft 365 Copilot adds Anthropic models alongside OpenAI\n"
            "Microsoft and OpenAI sign new deal, clearing way for restructuring")
    assert _pairs(gazetteer, title, text) == {frozenset({"Anthropic", "Microsoft"})}
    assert _pairs(gazetteer, title, text, status="mentioned") == set()


def test_a_chips_maker_named_with_its_chip_leases_nothing(gazetteer: Gazetteer) -> None:
    title = "Microsoft expands Nscale deal with 104,000 GPUs in Texas"
    text = ("British neocloud Nscale says it has signed with Microsoft to deploy about 104,000 Nvidia GB300s at a "
            "Texas site leased from Ionic Digital.")
    assert _pairs(gazetteer, title, text) == {frozenset({"Microsoft", "Nscale"})}


def test_a_headlines_second_verb_after_a_described_object_shares_the_subject(gazetteer: Gazetteer) -> None:
    title = "Orange drops chatbot start-up Colloquia, selects Mistral AI for business customers"
    found = _pairs(gazetteer, title)
    assert frozenset({"Colloquia", "Mistral AI"}) not in found
    assert any("Mistral AI" in pair and any(name.startswith("Orange") for name in pair) for pair in found)


def test_the_two_companies_and_a_verb_of_its_own_pair_the_sentences_parties(gazetteer: Gazetteer) -> None:
    title = "Nvidia pledges 260,000 GPUs to Korea as Samsung and SK build AI factories"
    text = ("Samsung Electronics said it would build an \"AI megafactory\" with Nvidia using 50,000 GPUs, and the two "
            "companies will co-develop manufacturing software on Nvidia's Omniverse platform. "
            "SK Group will set up its own AI factory with a similar number of chips, with SK hynix supplying "
            "high-bandwidth memory, and will use Nvidia's tools to build digital twins of its plants.")
    found = _pairs(gazetteer, title, text)
    assert frozenset({"Samsung Electronics", "Nvidia"}) in found
    assert frozenset({"SK Group", "Nvidia"}) in found
    assert frozenset({"SK hynix", "Nvidia"}) not in found


def test_a_deal_told_on_its_own_survives_talk_of_a_consortium(gazetteer: Gazetteer) -> None:
    title = "Anduril and OpenAI strike defence partnership on counter-drone systems"
    text = ("OpenAI has agreed to work with Anduril on artificial intelligence for systems that detect and shoot "
            "down drones, the two companies said Wednesday. "
            "The announcement comes amid reports that Anduril and Palantir are in talks with roughly a dozen "
            "rivals, including SpaceX, Scale AI and OpenAI, about forming a consortium to bid jointly for "
            "Pentagon contracts.")
    assert frozenset({"Anduril", "OpenAI"}) in _pairs(gazetteer, title, text)


@pytest.mark.parametrize(
    ("title", "text", "pairs"),
    [
        # A lab named in full, then by its short form; a widened arrangement.
        ("OpenAI and Los Alamos lab team up to test AI in bioscience",
         "OpenAI is partnering with Los Alamos National Laboratory to study how frontier models can help scientists.",
         {frozenset({"OpenAI", "Los Alamos National Laboratory"})}),
        ("Lawrence Livermore expands Claude rollout to 10,000 scientists",
         "Lawrence Livermore National Laboratory has widened its arrangement with Anthropic, making Claude available "
         "to roughly 10,000 researchers.", {frozenset({"Lawrence Livermore National Laboratory", "Anthropic"})}),
        # The one agreeing to buy the output deals with the sentence's subject.
        ("Three Mile Island reactor to restart under 20-year Microsoft power deal",
         "Constellation Energy will bring a shuttered reactor back into service, with Microsoft agreeing to buy all "
         "of its output for two decades, the companies said on Friday.",
         {frozenset({"Constellation Energy", "Microsoft"})}),
        # A headline that counts its deals makes each one the body tells news; a consortium can be one party.
        ("Amazon signs three nuclear agreements, leads $500 million X-energy round",
         "Amazon is backing small modular reactor developer X-energy as part of a push into nuclear power. It also "
         "signed agreements with a Washington state utility consortium and with Virginia's Dominion Energy. "
         "In Washington state, Amazon signed an agreement with Energy Northwest, a consortium of public utilities, "
         "that will fund the feasibility phase of up to four reactors. Amazon is also making an investment in "
         "X-energy. Finally, Amazon said it had signed an agreement with Dominion Energy to explore an SMR project.",
         {frozenset({"Amazon", "X-energy"}), frozenset({"Amazon", "Energy Northwest"}),
          frozenset({"Amazon", "Dominion Energy"})}),
    ],
)
def test_labs_power_buyers_and_counted_deals(gazetteer: Gazetteer, title: str, text: str,
                                             pairs: set[frozenset[str]]) -> None:
    assert _pairs(gazetteer, title, text) == pairs


def test_no_agreement_reached_with_a_named_party_is_no_deal(gazetteer: Gazetteer) -> None:
    title = "Sam Altman steps down as Oklo chairman to avoid conflicts with OpenAI"
    text = "Oklo added that no agreement with OpenAI has been reached."
    assert frozenset({"Oklo", "OpenAI"}) not in _pairs(gazetteer, title, text)


def test_three_named_with_plural_partnerships_pair_only_as_the_body_tells(gazetteer: Gazetteer) -> None:
    title = "Microsoft, NVIDIA and Anthropic announce strategic partnerships"
    text = ("Today Microsoft, NVIDIA and Anthropic announced new strategic partnerships. "
            "For the first time, NVIDIA and Anthropic are establishing a deep technology partnership. "
            "Microsoft and Anthropic are also expanding their existing partnership to make Claude's frontier models "
            "available to Microsoft Foundry customers.")
    assert _pairs(gazetteer, title, text) == {frozenset({"Microsoft", "Anthropic"}), frozenset({"Nvidia", "Anthropic"})}


def test_a_project_is_no_party(gazetteer: Gazetteer) -> None:
    title = "Stargate advances with 4.5 GW partnership with Oracle"
    text = ("OpenAI has entered an agreement with Oracle to develop 4.5 gigawatts of additional Stargate data center "
            "capacity in the United States.")
    assert _pairs(gazetteer, title, text) == {frozenset({"OpenAI", "Oracle"})}


@pytest.mark.parametrize(
    ("title", "text", "pair", "absent"),
    [
        # An arrangement struck is a deal.
        ("Morgan Stanley wealth unit rolls out OpenAI-powered assistant for its advisers",
         "Morgan Stanley Wealth Management has struck an arrangement with OpenAI to build an internal chatbot on "
         "GPT-4.", frozenset({"Morgan Stanley", "OpenAI"}), None),
        # Money put in together with a partner.
        ("Trump's Riyadh stop turns into a chip bonanza for Saudi Arabia's Humain",
         "Amazon Web Services said it would invest more than $5 billion with Humain in a so-called \"AI Zone\" in "
         "Saudi Arabia.", frozenset({"Amazon Web Services", "Humain"}), None),
        # What a person said opens a sentence of its own; a company telling of others does not.
        ("Reliance forms AI joint venture with Meta, unveils Google Cloud region",
         "Reliance Industries said it will form a joint venture with Meta. Mukesh Ambani also said Reliance and "
         "Google Cloud will build a dedicated AI cloud region at Jamnagar.",
         frozenset({"Reliance Industries", "Google Cloud"}), None),
        ("Computex 2025 live: Nvidia's Taipei keynote",
         "Nvidia listed MediaTek and Synopsys as early adopters, and said Fujitsu and Qualcomm plan to build CPUs "
         "that connect to its GPUs.", None, frozenset({"Fujitsu", "Qualcomm"})),
        # A rival named by its possessive describes the party, it is not one.
        ("Aleph Alpha teams up with AMD as it reinvents itself",
         "Mistral AI, Aleph Alpha's French rival, has signed distribution deals with US hyperscalers.",
         frozenset({"Aleph Alpha", "AMD"}), frozenset({"Mistral AI", "Aleph Alpha"})),
    ],
)
def test_co_investors_said_clauses_and_possessive_rivals(gazetteer: Gazetteer, title: str, text: str,
                                                         pair: frozenset[str] | None,
                                                         absent: frozenset[str] | None) -> None:
    found = _pairs(gazetteer, title, text) | _pairs(gazetteer, title, text, status="mentioned")
    if pair is not None:
        assert pair in _pairs(gazetteer, title, text)
    if absent is not None:
        assert absent not in found


def test_a_second_deal_noun_after_a_described_partner_shares_the_subject(gazetteer: Gazetteer) -> None:
    title = "Amazon bets on small modular reactors with X-energy stake, Washington state pact"
    text = ("Amazon has signed an agreement with reactor designer X-energy to help bring more than 5 gigawatts of "
            "its small modular reactors online by 2039, and a separate pact with Energy Northwest, a consortium of "
            "public utilities, to develop four reactors near Richland, Wash., to power its data centres.")
    found = _pairs(gazetteer, title, text)
    assert frozenset({"Amazon", "Energy Northwest"}) in found
    assert frozenset({"X-energy", "Energy Northwest"}) not in found


@pytest.mark.parametrize(
    ("title", "text", "pair"),
    [
        ("Lilly and Nvidia to spend up to $1 billion on joint AI lab for drug discovery",
         "Eli Lilly and Nvidia are launching a co-innovation lab in the San Francisco Bay Area.",
         frozenset({"Eli Lilly", "Nvidia"})),
        ("ChatGPT users can now buy things without leaving the chat",
         "OpenAI is launching Instant Checkout in ChatGPT, built with Stripe on a new open standard the two "
         "companies co-developed.", frozenset({"OpenAI", "Stripe"})),
    ],
)
def test_a_joint_lab_and_a_standard_co_developed(gazetteer: Gazetteer, title: str, text: str,
                                                 pair: frozenset[str]) -> None:
    assert pair in _pairs(gazetteer, title, text)
