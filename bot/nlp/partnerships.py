"""Who partnered with whom: deal extraction from article text (pure).

Works sentence by sentence on the title, the excerpt and the body.  A sentence
yields a deal when a deal phrase ("partners with", "inks ... partnership",
"invests in", "licensing deal with") has organisations in its subject and object
slots.  Sentences about inquiries, lawsuits, analyst notes, funding rounds,
rumours, ended deals and acquisitions yield nothing; deals told as background
("last year", "existing", or only deep in an article about something else) are
kept as ``mentioned``.  ``merge`` folds the findings of a story's articles into
one record per organisation pair.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import combinations

from bot.domain import Article, Organisation, Partnership, PartnershipKind
from bot.nlp.orgs import (CORPORATE_CUES, DEMONYMS, ORG_NOUNS, PLACES, PRODUCT_MAKERS, UPPER, Gazetteer, Mention, is_title_case,
                          mentions)
from bot.nlp.text import split_sentences

_DEAL_NOUN = r"(?:partnership|partnerships|(?-i:JVs?)|deal|deals|agreement|agreements|pact|pacts|alliance|alliances|collaboration|collaborations|tie-up|tie-ups|tie up|ties|memorandum of understanding|MoU|letters? of intent|joint venture|(?:joint|co-innovation)\s+(?:[\w-]+\s+)?(?:lab|laboratory|research\s+(?:centre|center|lab))|(?:joint |dedicated )?business group)"
_ANNOUNCE = (r"(?:ink|inks|inked|strike|strikes|struck|forge|forges|forged|seal|seals|sealed|sign|signs|signed|"
             r"announce|announces|announced|form|forms|formed|enter|enters|entered into|entered|launch|launches|launched|"
             r"unveil|unveils|unveiled|expand|expands|expanded|expanding|extend|extends|extended|extending|deepen|"
             r"deepens|deepened|deepening|broaden|broadens|broadened|broadening|reach|reaches|reached|establish|establishes|established|renew|renews|renewed|"
             r"agree|agrees|agreed|set up|sets up|setting up|create|creates|created|open|opens|opened|rework|reworks|reworked|"
             r"revamp|revamps|revamped)")

_PRODUCTS = (r"(?:models?|chips?|processors?|accelerators?|hardware|GPUs|memory|components|batteries|engines|parts|"
             r"equipment|modules|servers|systems|sensors|cells|software|assistants?|agents?|platforms?|tools|APIs?|"
             r"infrastructure|apps?|devices|vehicles|cars|SUVs|robotaxis|trucks|drones|satellites|robots|humanoids|products?)")

# A name starts with a capital, or like "xAI" and "eBay".
_NAME = rf"(?-i:[{UPPER}]|[a-z]{{1,2}}[{UPPER}])"

# (regex, kind, needs an object after "with"/"in"/"to")
_TRIGGERS: list[tuple[re.Pattern[str], PartnershipKind, bool]] = [
    (re.compile(r"\b(?:partner|partners|partnered|partnering)\s+(?:up\s+)?with\b", re.I), "partnership", True),
    (re.compile(r"\b(?:team|teams|teamed|teaming)\s+(?:up\s+)?with\b", re.I), "partnership", True),
    (re.compile(r"\bsign(?:s|ed|ing)?\s+on\s+with\b", re.I), "partnership", True),
    # "AWS said it would invest more than $5 billion with Humain in an AI Zone": money put in together.
    (re.compile(r"\b(?:will|would|to|plans\s+to|agreed\s+to)\s+(?:jointly\s+)?(?:co-)?invest\s+(?:(?:more\s+than|over|about|up\s+to|"
                r"some|nearly|roughly)\s+)?[$€£][\d.,]+\s*(?:billion|million|bn|m|tn|trillion)?\s+with\b", re.I),
     "partnership", True),
    # "Amazon Web Services said it would work with Humain to build an AI Zone".
    # Not "In December it announced that it would work with Google DeepMind": a past announcement.
    (re.compile(r"(?<!\bthat\sit\s)\b(?:will|would)\s+(?:also\s+)?(?:work|collaborate)\s+(?:closely\s+|together\s+)?with\b", re.I),
     "collaboration", True),
    # "Talen Energy has expanded its relationship with Amazon".
    (re.compile(r"\b(?:expand|extend|deepen|broaden|widen|strengthen)\w*\s+(?:its|their|a|the)\s+(?:[\w-]+\s+){0,2}?"
                r"(?:relationship|work|ties|arrangement)\s+with\b", re.I), "partnership", True),
    # "The ChatGPT maker has added Google Cloud to the roster of companies supplying it with computing capacity".
    (re.compile(rf"\b(?:add|adds|added|adding)\b(?=\s+{_NAME}[^.;]{{0,40}}?\bto\s+(?:its|the|a|their)\s+(?:[\w-]+\s+)?"
                r"(?:roster|list|lineup|line-up|stable|ranks|pool)\s+of\s+(?:[\w-]+\s+){0,2}?(?:suppliers|partners|providers|"
                r"companies|vendors|clouds|firms)\b)", re.I), "partnership", True),
    # "Snowflake and Anthropic have agreed a $200 million, multi-year expansion of their partnership".
    (re.compile(rf"\b{_ANNOUNCE}\s+(?:an?\s+|the\s+)?(?:[\w$€£.,-]+\s+){{0,5}}?(?:expansion|extension|renewal|deepening|"
                rf"broadening)\s+of\s+(?:their|the)\s+(?:[\w-]+\s+){{0,2}}?{_DEAL_NOUN}\b", re.I), "partnership", False),
    # "the company said it would launch an AI innovation lab with Microsoft".
    (re.compile(r"\b(?:launch|open|set\s+up|sets\s+up|setting\s+up|establish|create|form|build)\w*\s+(?:an?\s+|the\s+)?"
                r"(?:new\s+)?(?:[\w-]+\s+){0,3}?(?:lab|laboratory|innovation\s+(?:hub|centre|center)|cent(?:re|er)\s+of\s+"
                r"excellence|research\s+cent(?:re|er))\s+with\b", re.I), "collaboration", True),
    # "Perplexity to pay Snap $400 million to put its AI answers inside Snapchat": paid distribution.
    (re.compile(rf"\b(?:pay|pays|paid|paying)\b(?=\s+{_NAME}[\w.&-]*(?:\s+{_NAME}[\w.&-]*)?\s+(?:up\s+to\s+|about\s+|"
                r"more\s+than\s+|nearly\s+)?[$€£][\d.,]+\s*(?:billion|million|bn|m)?\s+(?:[^.;]{0,60}?\s)?to\s+(?:put|make|"
                r"bring|integrate|distribute|use|license|licence|access|offer|carry|feature|power|embed)\b)", re.I),
     "partnership", True),
    # "Nvidia buys into Intel"; "Anthropic will expand its use of Google Cloud's TPUs".
    (re.compile(r"\b(?:buy|buys|bought|buying)\s+into\b", re.I), "investment", True),
    (re.compile(rf"\b(?:expand|expands|expanded|expanding|extend|extends|extended|deepen|deepens|deepened)\s+"
                rf"(?:its|their)\s+use\s+of(?=\s+{_NAME}[\w.&-]*(?:\s+{_NAME}[\w.&-]*)?['’]s\b)", re.I),
     "partnership", True),
    # "BP has signed a new five-year strategic relationship with Palantir Technologies".
    (re.compile(r"\b(?:sign|signs|signed|signing|forge|forges|forged|enter|enters|entered\s+into|establish\w*)\s+"
                r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?strategic\s+relationship\s+with\b", re.I), "partnership", True),
    # "Workday and Salesforce said they will jointly build an AI agent".
    # "Eli Lilly and Nvidia said Monday they will open a co-innovation lab".
    (re.compile(r"\b(?:said|say|says|announced)\s+(?:on\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                r"today|yesterday)\s+)?(?:that\s+)?(?:they|the\s+two(?:\s+companies|\s+firms)?)\s+(?:would|will|"
                r"plan\s+to|planned\s+to|are\s+to|(?:had|have)\s+agreed\s+to|agreed\s+to)\s+(?:jointly\s+)?(?:collaborate|"
                r"cooperate|work\s+together|partner|team\s+up|build|develop|co-develop|create|launch|open|set\s+up|"
                r"establish|form)\b", re.I),
     "collaboration", False),
    (re.compile(r"\b(?:tie|ties|tied|tying)\s+up\s+with\b", re.I), "partnership", True),
    # "American Electric Power has agreed to purchase up to 1 GW of fuel cells from Bloom Energy": a supply deal,
    # not "agreed to purchase the business from its founders".
    (re.compile(r"\b(?:agree|agrees|agreed)\s+to\s+(?:buy|purchase|source|procure)\s+(?!(?:[\w-]+\s+){0,3}?(?:company|"
                r"business|unit|division|subsidiary|operations|assets|stake|shares|brand|portfolio)\b)"
                rf"(?:[^.;]|\.(?=\d)){{0,80}}?\bfrom\b(?=\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,2}}?{_NAME})", re.I),
     "partnership", True),
    # "GM and Nvidia are expanding their relationship": the subjects widen their deal.
    (re.compile(r"\b(?:expand|expands|expanded|expanding|extend|extends|extended|extending|deepen|deepens|deepened|"
                r"deepening|broaden|broadens|broadened|broadening)\s+their\s+(?:[\w-]+\s+){0,2}?(?:relationship|partnership|"
                r"collaboration|alliance|ties)\b(?!\s+with\b)", re.I), "partnership", False),
    # "Constellation Energy will bring the idled reactor back online and sell its entire output to Microsoft".
    (re.compile(r"\b(?:sell|sells|selling|sold)\s+(?:its|their|the)\s+(?:entire\s+|full\s+|whole\s+)?(?:output|power|electricity|"
                r"capacity)\s+(?:[\w-]+\s+){0,3}?to\b", re.I), "partnership", True),
    # "an open standard OpenAI co-developed with Stripe".
    (re.compile(r"\b(?:co-develop|co-design|co-creat|co-engineer|co-buil)\w*\s+(?:[\w-]+\s+){0,3}?with\b", re.I),
     "collaboration", True),
    # "OpenAI has agreed with Oracle to develop 4.5GW of additional data centre capacity".
    (re.compile(rf"\b(?:agree|agrees|agreed)\s+with\b(?=\s+(?:the\s+)?{_NAME}[^.;]{{0,40}}?\bto\s+[a-z])", re.I),
     "partnership", True),
    # "Waymo will launch its robotaxi service in Nashville with Lyft as its partner".
    (re.compile(rf"\bwith\b(?=\s+(?:[\w-]+\s+){{0,3}}?{_NAME}[^.;,]{{0,30}}?\s+as\s+(?:its|their|a|an|the)\s+"
                r"(?:[\w-]+\s+){0,2}?partners?\b)", re.I), "partnership", True),
    (re.compile(r"\b(?:join|joins|joined|joining)\s+with\b", re.I), "partnership", True),
    # "Toyota and Isuzu swap shares", "take stakes in each other": a capital alliance between the subjects.
    (re.compile(r"\b(?:swap|swaps|swapped|exchange|exchanges|exchanged)\s+(?:shares|stakes)\b|"
                r"\bstakes?\s+in\s+each\s+other\b|\bcross-shareholding\b", re.I), "alliance", False),
    # "paying $185 million for the rights to an obesity candidate from Shanghai-based Eccogene".
    (re.compile(r"\brights\s+to\b(?:[^.;]|\.(?=\d)){0,60}?\bfrom\b", re.I), "licensing", True),
    # "signed a 20-year agreement to buy the output of Constellation's ...": the seller is the partner.
    (re.compile(rf"\b{_DEAL_NOUN}\s+to\s+(?:buy|purchase|take)\s+(?:[\w-]+\s+){{0,5}}?(?:from|of)\b", re.I),
     "partnership", True),
    # "signed a 20-year deal to sell Microsoft the output of ...": the buyer is the partner.
    (re.compile(rf"\b{_DEAL_NOUN}\s+to\s+(?:sell|supply|provide)\b(?=\s+{_NAME})", re.I), "partnership", True),
    # "Amazon goes nuclear: signs with Energy Northwest", "Nvidia signs up GM".
    # "signed a five-year contract with Microsoft", "had signed an order form with Meta Platforms".
    (re.compile(r"\b(?:sign|signs|signed|signing|ink|inks|inked|strike|strikes|struck|seal|seals|sealed|win|wins|won|"
                r"land|lands|landed|secure|secures|secured|enter|enters|entered(?:\s+into)?)\s+(?:an?\s+|the\s+|its\s+)?"
                r"(?:[\w$€£.,()-]+\s+){0,6}?(?:contracts?|order\s+forms?|purchase\s+orders?|supply\s+orders?|arrangements?)"
                # "signed a five-year contract worth about $9.7 billion with Microsoft".
                r"(?:\s+worth\s+(?:up\s+to\s+|about\s+|around\s+|more\s+than\s+|nearly\s+|roughly\s+|some\s+)?[$€£][\d.,]+\s*"
                r"(?:billion|million|bn|m)?)?\s+with\b", re.I),
     "partnership", True),
    # Not "Kakao signs up, DeepSeek fallout continues": nobody after the comma was signed up.
    (re.compile(r"\b(?:(?:signs|signed|inks|inked)\s+with|(?:signs|signed)\s+up(?!\s+(?:for|to)\b)(?!\s*[,;:]))\b", re.I),
     "partnership", True),
    # "Humain lines up Nvidia, AMD and AWS", not "lines up SoftBank and Thrive for its funding round".
    (re.compile(r"\b(?:taps|tapped|enlists|enlisted|(?:lines|lined)\s+up\b(?![^.;]*\b(?:round|raise|funding|financing|"
                r"investors?|listing|IPO|offering)\b))\b"
                # "Intel taps Lip-Bu Tan as CEO": a hire.
                r"(?![^.;]{0,40}?\bas\s+(?:its\s+|their\s+|the\s+|an?\s+)?(?:new\s+|next\s+|interim\s+|permanent\s+)?"
                r"(?:CEO|chief|president|chair\w*|head|director|CFO|CTO|COO|executive|board|adviser|advisor)\b)", re.I),
     "partnership", True),
    (re.compile(r"\b(?:selects|selected|picks|picked|chooses|chose)\b(?=[^.;]{0,60}\bas\s+(?:(?:its|their|a|an|the)\s+)?"
                r"(?:[\w-]+\s+){0,3}(?:partner|provider|cloud|supplier))", re.I), "partnership", True),
    (re.compile(r"(?<=\w)\s+partners\s+(?=[A-Z])"), "partnership", True),
    # "Bharti Airtel ..., picking Ericsson, Nokia and Samsung to supply radio equipment".
    (re.compile(r"\b(?:selects|selected|selecting|picks|picked|picking|chooses|chose|chosen|choosing|awards|awarded)\b"
                r"(?=\s+(?-i:[A-Z])[^.;]{0,80}?\bto\s+(?:supply|provide|build|deploy|power|run|host|manufacture|make)\b)",
                re.I), "partnership", True),
    # "The company is also making Microsoft its 'preferred partner' for the model".
    # "Corvane has appointed Exclusive Networks as its value-added distributor for EMEA".
    (re.compile(r"\b(?:make|makes|making|made|name|names|naming|named|appoint|appoints|appointed|appointing|"
                r"add|adds|added|adding)\b"
                r"(?=\s+(?-i:[A-Z])[^.;]{0,40}?\b(?:as\s+(?:its\s+|their\s+|an?\s+|the\s+)?|its\s+|their\s+)"
                r"(?:[\w\"“”'-]+\s+){0,2}[\"“']?(?:partner|provider|supplier|distributor|reseller|integrator)\b)", re.I),
     "partnership", True),
    # "Deutsche Telekom and Nvidia have agreed to build an AI cloud": the subjects share the deal.
    (re.compile(r"\b(?:agree|agrees|agreed)\s+to\s+(?:jointly\s+)?(?:build|develop|create|launch|form|set\s+up|"
                r"establish|co-develop|collaborate|work\s+together|partner|cooperate|integrate|offer|bring|co-sell|share|"
                # "has agreed to develop an additional 4.5 gigawatts of capacity with Oracle": up to the partner.
                r"distribute|combine)\b(?:(?:\s+(?!with\b)[^\s;]+){1,10}?(?=\s+with\s))?", re.I), "partnership", False),
    # "AMD agreed to supply OpenAI with processors", "AMD to supply OpenAI with chips".
    (re.compile(rf"\b(?:to|will|would|agreed\s+to|agrees\s+to)\s+supply(?=\s+(?-i:[A-Z]))"
                rf"(?!\s+(?:[\w-]+\s+){{0,3}}?{_PRODUCTS}\s+to\b)"
                # "AMD will supply Instinct MI450 GPUs": a product's name, not a customer.
                rf"(?!\s+(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z0-9])[\w-]*)?\s+{_PRODUCTS}\b)", re.I), "partnership", True),
    # "Nvidia will sell Humain 18,000 of its latest chips": a supply deal told with "sell".
    (re.compile(rf"\b(?:to|will|would|agreed\s+to|agrees\s+to)\s+sell(?=\s+(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?"
                rf"\s+(?:up\s+to\s+|more\s+than\s+|about\s+)?[\d,.]+\s[^.;]{{0,60}}?{_PRODUCTS}\b)", re.I),
     "partnership", True),
    # "Samsung to supply HBM chips to Nvidia".
    # "... to supply memory chips for OpenAI's Stargate data centers".
    (re.compile(rf"\b(?:to|will|would|agreed\s+to|agrees\s+to)\s+supply\s+(?:[\w-]+\s+){{0,3}}?{_PRODUCTS}\s+"
                rf"(?:to\b|for\b(?=\s+{_NAME}))", re.I), "partnership", True),
    # "Oracle will make Google's Gemini models available to its customers": distributing a partner's product.
    (re.compile(rf"\b(?:make|makes|making|made)\b(?=\s+{_NAME}\S*['’]s\s+(?:[\w.-]+\s+){{0,4}}?"
                r"(?:models?|products?|services?|software|platform|chips?|apps?|tools?)\s+available\b)", re.I),
     "partnership", True),
    # "Microsoft signs on as first customer for Helion's fusion power plant".
    (re.compile(r"\bsign(?:s|ed)?\s+on\s+as\s+(?:the\s+|an?\s+)?(?:first|anchor|launch|lead|founding)?\s*"
                r"(?:customer|client|partner|tenant|offtaker)\s+(?:for|of|to)\b", re.I), "partnership", True),
    # "Samsung Electronics has signed a $16.5 billion contract to manufacture chips for Tesla".
    # "signed a five-year contract worth up to $11.9 billion to supply compute to OpenAI".
    (re.compile(rf"\b{_ANNOUNCE}\s+(?:an?\s+)?(?:[\w$.,()-]+\s+){{0,6}}?contract(?:\s+worth\s+(?:up\s+to\s+|about\s+|"
                r"more\s+than\s+|nearly\s+|roughly\s+)?[$€£][\d.,]+\s*(?:billion|million|bn|m)?)?\s+to\s+\w+\s+(?:(?-i:[a-z])[\w-]*\s+){{0,4}}?"
                # not "a contract to provide Microsoft with access to Nvidia GPUs": the customer comes first there
                r"(?:for|to)\b", re.I), "partnership", True),
    # "Samsung wins $16.5 billion Tesla chip order": the customer named inside the order.
    (re.compile(r"\b(?:wins|won|secures|secured|lands|landed|bags|bagged|clinches|clinched|signs|inks|seals)\b"
                r"(?=\s+(?:an?\s+)?(?:[$€£]?[\d.,]+\s+(?:billion|million|bn|m)?\s*)?(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?"
                r"(?:(?:,\s+|,?\s+and\s+)(?-i:[A-Z])[\w-]*){0,4}"  # "lands Nvidia, AMD and AWS deals"
                r"\s+(?:[\w-]+\s+){0,2}(?:order|contract|deal)s?\b(?!\s+(?:with|between)\b))", re.I), "partnership", True),
    # "struck an agreement to become the exclusive provider of buy now, pay later loans for OnePay".
    (re.compile(rf"\b{_DEAL_NOUN}\s+to\s+(?:become|be|serve\s+as|act\s+as)\s+(?:the|its|their|an?)\s+(?:[\w-]+\s+){{0,2}}?"
                r"(?:provider|supplier|partner|distributor|reseller|processor|operator)\s+(?:of\s+(?:[\w,$-]+\s+){0,6}?)?"
                r"(?:for|to)\b", re.I), "partnership", True),
    # "Kestrel IT Group Becomes Authorized Reseller of Cohere's Enterprise AI Platform".
    (re.compile(r"\b(?:become|becomes|became|becoming|named|appointed)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?"
                r"(?:reseller|distributor|provider|supplier|integrator|licensee)\s+(?:of|for|to)\b", re.I),
     "partnership", True),
    # "Meta said it is working with Qualcomm to ...": an ongoing joint effort, not "works with" in general.
    (re.compile(r"\b(?:is|are|will be|will|has been|have been|began|begun|started|to)\s+(?:also\s+|instead\s+)?(?:working|work)\s+with\b",
                re.I), "collaboration", True),
    (re.compile(r"\b(?:join|joins|joined|joining)\s+(?:forces|hands)\s+with\b", re.I), "partnership", True),
    (re.compile(r"\b(?:collaborate|collaborates|collaborated|collaborating)\s+with\b", re.I), "collaboration", True),
    # 'an "AI Phone" developed together with Perplexity'.
    # "building custom data centres in Texas and New York together with Fluidstack".
    (re.compile(r"\b(?:develop(?:s|ed|ing)?|build(?:s|ing)?|built|design(?:s|ed|ing)?|creat(?:es|ed|ing)|"
                r"co-develop(?:s|ed|ing)?|co-design(?:s|ed|ing)?|made|making)\s+(?:(?!(?:with|by|from)\b)[\w,$€£.-]+\s+){0,8}?"
                r"(?:together|jointly)\s+with\b",
                re.I), "collaboration", True),
    (re.compile(r"\b(?:ally|allies|allied|allying)\s+with\b", re.I), "alliance", True),
    # "launching an app in ChatGPT built with OpenAI".
    # Not "its internal app plai, built with Aily Labs": how a product was made, told in passing.
    # Nor "servers built with Nvidia": hardware and its parts.
    (re.compile(rf"(?<!,\s)(?<!servers\s)(?<!systems\s)(?<!chips\s)(?<!hardware\s)(?<!computers\s)(?<!PCs\s)"
                rf"(?<!laptops\s)(?<!devices\s)(?<!phones\s)(?<!cars\s)(?<!vehicles\s)(?<!robots\s)"
                rf"\b(?:built|developed|created|designed)\s+(?:together\s+|jointly\s+)?with\b(?=\s+{_NAME}[\w.&-]*"
                rf"(?:\s+{_NAME}[\w.&-]*)?(?!['’])(?:[\s,.;]|$)(?!\s*(?:{_PRODUCTS}|technology|GPUs)\b))", re.I),
     "collaboration", True),
    (re.compile(r"\b(?:co-develop|co-innovate|co-innovates|co-develops|co-innovated|co-developed)\b", re.I),
     "collaboration", False),
    # "Nvidia, Microsoft pour $15 billion into Anthropic".
    (re.compile(r"\b(?:pour|pours|poured|pouring|pump|pumps|pumped|pumping|plough|ploughs|ploughed|plow|plows|plowed)\b"
                r"(?:[^.;]|\.(?=\d)){0,40}?\binto\b", re.I), "investment", True),
    # "OpenAI has agreed to rent AI chips from Google".
    (re.compile(r"\b(?:rent|rents|rented|renting|lease|leases|leased|leasing)\s+(?:[\w$.,-]+\s+){0,5}?from\b", re.I),
     "partnership", True),
    (re.compile(r"\b(?:invest|invests|invested|investing|investment|investments)\b(?:[^.;]|\.(?=\d)){0,60}?\bin(?:to)?\b",
                re.I), "investment", True),
    (re.compile(r"\b(?:take|takes|took|taking|buy|buys|bought)\s+(?:an?\s+)?(?:about\s+|roughly\s+|nearly\s+)?"
                r"\d[\d.]*\s?(?:%|percent|per\s?cent)\s+(?:stake\s+)?(?:of|in)\b", re.I), "investment", True),
    # "Exelixis pays $80M upfront for Insilico's AI-discovered USP1 inhibitor": rights to a partner's asset.
    (re.compile(rf"\b(?:pay|pays|paid|paying)\s+(?:up\s+to\s+|about\s+)?[$€£][\d.,]+\s*(?:billion|million|bn|m|M|B)?\s+"
                rf"(?:upfront\s+|up\s+front\s+|in\s+cash\s+)?for\b(?=\s+{_NAME}\S*['’]s\s)", re.I), "licensing", True),
    (re.compile(r"\b(?:pay|pays|paid|paying|invest|invests|spend|spends)\b(?:[^.;]|\.(?=\d)){0,60}?\bfor\s+(?:an?\s+)?"
                r"(?:[\w$.%-]+\s+){0,3}?stake\s+in\b", re.I), "investment", True),
    (re.compile(r"\b(?:take|takes|took|taking|acquire|acquires|acquired|buy|buys|bought)\s+(?:an?\s+)?"
                r"(?:[\w$.-]+\s+){0,3}?(?:stake|holding)\s+in\b", re.I), "investment", True),
    (re.compile(r"\b(?:license|licenses|licensed|licensing|licence|licences|licenced)\b(?:[^.;]|\.(?=\d)){0,60}?\b(?:to|from|with)\b",
                re.I), "licensing", True),
    # "Meta licenses Midjourney's image and video tech": the owner named as the thing's possessor.
    (re.compile(rf"\b(?:license|licenses|licensed|licensing|licence|licences|licenced)\b(?=\s+{_NAME}\S*['’]s\s)"),
     "licensing", True),
    # Not across a new clause: "unveiled Humain, its chief executive announced agreements".
    # Not "Lilly and Novartis sign on in deals": who signs on joins someone else, not each other.
    (re.compile(rf"\b(?!sign(?:s|ed)?\s+on\b){_ANNOUNCE}\s+(?:an?\s+|the\s+|their\s+|its\s+)?"
                rf"(?:(?![\w-]+,\s+(?:its|his|her|their|whose)\b)[\w&’'$€£.,-]+\s+){{0,5}}?{_DEAL_NOUN}\b",
                re.I), "partnership", False),
    (re.compile(rf"\b{_DEAL_NOUN}\s+(?:with|between)\b", re.I), "partnership", True),
    # "the expanded partnerships Salesforce unveiled on Tuesday with OpenAI and Anthropic": a joint announcement.
    (re.compile(rf"\b(?:announced|unveiled)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                rf"today|yesterday|this\s+week))?\s+with\b(?=\s+{_NAME})", re.I), "partnership", True),
    # "Nscale said it has contracted with Microsoft to provide 200,000 GPUs".
    (re.compile(r"\b(?:has|have|had)\s+contracted\s+with\b", re.I), "partnership", True),
    # "An agreement ... was signed on Wednesday by Bosch and Aleph Alpha", "deal struck between X and Y".
    (re.compile(rf"\b{_DEAL_NOUN}\b[^.;]{{0,90}}?\b(?:signed|struck|sealed|inked|reached|agreed)\b"
                r"(?:\s+(?:on|last)\s+\w+)?\s+(?:between|by)\b", re.I), "partnership", True),
    # "Mayo Clinic has granted Halvorsen Diagnostics an exclusive licence".
    (re.compile(r"\b(?:grant|grants|granted|granting)\b(?=(?:[^.;]|\.(?=\s+[a-z])){0,80}\blicen[cs]e)", re.I), "licensing", True),
    (re.compile(rf"(?:(?<=['’]s)|(?<=s['’]))\s+(?:[\w-]+\s+){{0,3}}?{_DEAL_NOUN}\b", re.I), "partnership", False),
    (re.compile(r"\b(?:partner|partners|partnered|partnering)(?=\s+(?:on|to|for|in)\b)", re.I), "partnership", False),
    # "Telefónica will offer Anthropic's Claude models ... in a distribution deal": resale of a partner's product.
    (re.compile(rf"\b(?:offer|offers|offering|resell|resells|reselling|distribute|distributes|distributing|"
                rf"sell|sells|selling|bundle|bundles|bundling)\b(?=\s+(?-i:[{UPPER}])[^.;]*\b{_DEAL_NOUN})", re.I),
     "partnership", True),
    (re.compile(r"\b(?:work|works|worked|working)\s+together\b", re.I), "collaboration", False),
    (re.compile(r"\b(?:team|teams|teamed|teaming|pair|pairs|paired|pairing)\s+up\b(?!\s+with)", re.I), "partnership", False),
    (re.compile(r"\b(?:join|joins|joined|joining)\s+(?:forces|hands)\b(?!\s+with)", re.I), "partnership", False),
    (re.compile(r"\bjointly\s+\w+", re.I), "collaboration", False),
    (re.compile(r"\btogether\s+(?:build|develop|create|launch|offer|design|research|market|sell)\w*\b", re.I),
     "collaboration", False),
]

# Weaker wordings ("Apple to use Google's Gemini", "Qualcomm and Meta bring Llama to phones"): they count
# only between names the gazetteer knows or a corporate word vouches for, and only close to the verb.
# Not "a 14A node that will be the first to use ASML's High-NA tools": who is first to use a product is no partner.
_ADOPTS = re.compile(rf"\b(?<!\bfirst\s)(?:to|will|would|plans?\s+to|agreed\s+to)\s+(?:also\s+)?(?:use|adopt|deploy|embed|integrate|resell|distribute|"
          rf"offer|host|roll\s+out|rent|lease|buy|purchase)\b(?=\s+(?:(?:about|around|roughly|some|up\s+to|more\s+than|over|"
          rf"nearly|another)\s+)?(?:[\d,.]+\s+(?:of\s+)?)?(?![^.;]{{0,60}}\bfor\s+(?-i:[{UPPER}])){_NAME}\S*(?:\s+(?-i:[{UPPER}])[\w.-]*)?(?:(?:['’]s)?\s+(?:[\w.-]+\s+){{0,3}}?"
          # "integrate Nvidia's accelerated computing, CUDA-X libraries and ...".
          rf"{_PRODUCTS}\b|['’]s\s+(?:[\w.,-]+\s+){{0,2}}?(?-i:[{UPPER}])))", re.I)

_UNDER_DEAL = re.compile(r"^(?:under|as\s+part\s+of)\s+the\s+(?:[\w-]+\s+){0,2}?(?:agreement|deal|contract|terms|"
                         r"partnership|arrangement|pact)\b", re.I)

_STRICT_TRIGGERS: list[tuple[re.Pattern[str], PartnershipKind, bool]] = [
    # Two named subjects making one thing: "Nvidia and Foxconn to build AI factory".
    (_JOINT_SUBJECTS := re.compile(r"(?<=\w)(?<!both)\s+(?:(?:will|to|plan\s+to|plans\s+to|are\s+to|are\s+set\s+to)\s+)?(?:jointly\s+)?"
                # "OpenAI and Broadcom are building 10 gigawatts of custom AI chips".
                r"(?:build|develop|create|design|bring|set\s+up|establish|are\s+(?:jointly\s+)?(?:building|developing|creating|"
                r"designing|setting\s+up)|"
                # "Eli Lilly and Nvidia are launching a co-innovation lab", "to spend $1 billion on joint AI lab".
                r"(?:launch|open|are\s+launching|are\s+opening)(?=\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:joint|co-innovation|shared)\s)|"
                r"(?:spend|invest)(?=\s[^.;]{0,40}?\bon\s+(?:an?\s+)?(?:joint|co-innovation|shared)\s))"
                r"\b(?!\s+(?:separate|their\s+own|own|respective)\b)"
                r"(?![^.;]*\b(?:compet\w*|rival\w*|race|battle|vie|vying|each\s+other)\b)",
                re.I), "collaboration", False),
    # Headline verbs right after two names: "OpenAI, Oracle pact for 4.5 gigawatts", "Nvidia, Reliance partner on AI".
    # "OpenAI, Oracle agree to 4.5 GW of additional Stargate capacity".
    (re.compile(r"(?<=\w)\s+(?:pact|pacts|partner|ally|tie\s+up|agree)\s+(?:on|for|to|in)\b", re.I), "partnership", False),
    # A partner's product adopted: "Apple to use Google's Gemini models", "SAP to embed Mistral models".
    # "Oracle to deploy 50,000 AMD MI450 chips", "Deloitte will roll out Anthropic's Claude to its staff".
    # Not "to deploy roughly 200,000 Nvidia GB300 GPUs for Microsoft": the customer is the partner, not the maker.
    (_ADOPTS, "partnership", True),
    # "Toyota will build its next vehicles on Nvidia's Drive computer".
    (re.compile(rf"\b(?:to|will|would)\s+(?:build|run|base)\s+(?:[\w-]+\s+){{0,6}}?on\s+(?={_NAME}\S*['’]s\s)", re.I),
     "partnership", True),
    # "Anthropic commits $30 billion to Azure".
    (re.compile(r"\b(?:commit|commits|committed|committing)\s+(?:up\s+to\s+|about\s+|roughly\s+|another\s+|"
                r"an\s+additional\s+)?[$€£][\d.,]+\s*(?:bn|billion|b|m|mn|million|trillion)?\s+(?:[\w-]+\s+){0,3}?to\b", re.I),
     "partnership", True),
    # "FreshKart turns to Sarvam AI for voice ordering".
    (re.compile(rf"\b(?:turn|turns|turned|turning)\s+to\b(?=\s+{_NAME}[^.;]{{0,60}}?\bfor\b)", re.I), "partnership", True),
    # "Microsoft signs Samsung and LG at CES": a headline's signing of named partners.
    # Not "signs EU AI code of practice", "signs Executive Order compliance pledge": the name is the whole object.
    (re.compile(rf"\bsigns\b(?=(?:(?:\s+|,\s+|,?\s+and\s+){_NAME}[\w&.-]*(?:\s+{_NAME}[\w&.-]*)?){{1,4}}"
                r"(?:\s*$|\s*[,;:|]|\s+(?:at|for|to|in|as|on|after|amid|over|in)\b))"),
     "partnership", True),
    # "AMD wins OpenAI as customer", "Intel lands Microsoft as foundry customer".
    (re.compile(r"\b(?:lands|landed|wins|won|adds|added|signs|signed|secures|secured|bags|bagged|nabs|snags)\b"
                r"(?=\s+(?-i:[A-Z])[^.;]{0,40}?\bas\s+(?:an?\s+|its\s+|their\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
                r"(?:customer|client|partner|tenant|licensee)\b)", re.I), "partnership", True),
    # "will purchase a 'significant number' of Digit humanoid robots from Agility Robotics": a supply deal.
    # "OpenAI has agreed to rent an additional 4.5 gigawatts of US data-centre capacity from Oracle".
    (re.compile(rf"\b(?:to|will|would|agreed\s+to|agrees\s+to|plans\s+to)\s+(?:buy|purchase|rent|lease)\s+(?:[^.;]|\.(?=\d)){{0,60}}?"
                rf"\b(?:{_PRODUCTS}|capacity|compute)\s+from\b", re.I), "partnership", True),
    # "Google will buy power from six to seven reactors to be built by Kairos Power": a power purchase.
    (re.compile(r"\b(?:buy|buys|bought|buying|purchase|purchases|purchased|purchasing)\s+(?:the\s+)?(?:[\w$€£.,-]+\s+){0,4}?"
                r"(?:power|electricity|energy|output|capacity)\b(?:[^.;]{0,60}?\b(?:built|operated|developed|"
                r"run|supplied|generated|produced)\s+by\b|\s+from\b|\s+of\b)", re.I), "partnership", True),
    # "Nvidia to power Humain's AI data centres".
    # "Cerebras will power OpenAI with 750 MW".
    (re.compile(rf"\b(?:to|will|would)\s+power\b(?=\s+{_NAME}\S*(?:['’]s\b|\s+with\b))", re.I), "partnership", True),
    # "data centers in Texas and New York that it will build with Fluidstack".
    (re.compile(r"\b(?:to|will|would)\s+(?:jointly\s+)?(?:build|develop|design|create|co-develop)\s+with\b", re.I),
     "collaboration", True),
    # "Anthropic brings Claude to Microsoft 365 Copilot".
    (re.compile(rf"\b(?:bring|brings|bringing|brought)\s+(?:its\s+|their\s+)?(?-i:[{UPPER}])[\w.-]*(?:\s+[\w.-]+){{0,3}}?"
                r"\s+to\b(?=\s+(?-i:[A-Z]))", re.I), "partnership", True),
    # "Lloyds has chosen Microsoft to move its core systems to the cloud".
    (re.compile(rf"\b(?:selects|selected|selecting|picks|picked|picking|chooses|chose|chosen|choosing)\b(?=\s+{_NAME})",
                re.I), "partnership", True),
    # "Mistral AI has been selected by the French army", "Cerebras was chosen by Meta".
    (re.compile(r"\b(?:selected|chosen|picked|tapped|hired|engaged|appointed)\s+by\b", re.I), "partnership", True),
    # "BT is partnering Nvidia on an AI factory".
    (re.compile(rf"\b(?:partnering|partnered)\s+(?={_NAME})", re.I), "partnership", True),
    # "The Pentagon awarded Anthropic a $200 million contract".
    (re.compile(rf"\b(?:award|awards|awarded|awarding)\b(?=\s+{_NAME}[^.;]{{0,40}}?\b(?:contract|deal|order)s?\b)", re.I),
     "partnership", True),
    # "Under the agreement, Oracle will provide OpenAI with 4.5 gigawatts".
    (re.compile(rf"\b(?:to|will|would|agreed\s+to|agrees\s+to)\s+provide(?=\s+{_NAME}[^.;]{{0,40}}?\bwith\b)", re.I),
     "partnership", True),
    # "Amazon is doubling down on Anthropic", "ServiceNow makes bet on Anthropic with Claude deal".
    (re.compile(r"\b(?:doubl\w+\s+down|(?:make|makes|made|making|place|places|placed|placing)\s+(?:an?\s+)?"
                r"(?:[\w$.-]+\s+){0,3}?bet|bets\s+big)\s+on\b", re.I), "partnership", True),
    # "Apple will pay Google about $1 billion a year for a custom Gemini model".
    (re.compile(rf"\b(?:pay|pays|paid|paying)\b(?=\s+{_NAME}[^.;]{{0,60}}?\b(?:for|to\s+(?:use|license|licence|access))\b)",
                re.I), "licensing", True),
    # "Microsoft is adding Anthropic's models to Microsoft 365 Copilot".
    # "Carrefour is integrating OpenAI's technology into its e-commerce site".
    (re.compile(rf"\b(?:add|adds|adding|added|integrate|integrates|integrating|integrated)\b"
                rf"(?=\s+{_NAME}\S*(?:\s+(?-i:[{UPPER}])[\w.-]*)?['’]s\s+(?:[\w.-]+\s+){{0,3}}?(?:{_PRODUCTS}|technology|"
                rf"technologies)\b)", re.I), "partnership", True),
    # "Carrefour brings OpenAI's ChatGPT to its website": the product's maker is the partner.
    (re.compile(rf"\b(?:bring|brings|bringing|brought)\b(?=\s+{_NAME}\S*(?:\s+(?-i:[{UPPER}])[\w.-]*)?['’]s\s+"
                r"(?:[\w.-]+\s+){0,3}?to\s+(?:its|their)\b)", re.I), "partnership", True),
    # "Sony to become Kadokawa's top shareholder", "ASML becomes Mistral AI's largest shareholder".
    (re.compile(rf"\b(?:become|becomes|became|becoming)\b(?=\s+{_NAME}\S*(?:\s+(?-i:[{UPPER}])[\w.-]*)?['’]s\s+"
                r"(?:[\w-]+\s+){0,2}?(?:shareholder|investor|backer|stakeholder)\b)", re.I), "investment", True),
    # "PwC to become OpenAI's biggest ChatGPT Enterprise customer and first reseller".
    (re.compile(rf"\b(?:to\s+become|will\s+become|becomes)\b(?=\s+{_NAME}\S*(?:\s+(?-i:[{UPPER}])[\w.-]*)?['’]s\s+"
                r"(?:[\w-]+\s+){0,4}?(?:customer|client|reseller|distributor|partner|supplier|provider)\b)", re.I),
     "partnership", True),
    # "Nvidia is putting $1 billion into Finnish telecoms equipment maker Nokia".
    (re.compile(r"\b(?:put|puts|putting|pour|pours|poured|pouring|plow|plows|ploughs|sink|sinks|sank)\s+(?:up\s+to\s+|about\s+|"
                r"another\s+|an\s+additional\s+|roughly\s+)?[$€£][\d.,]+\s*(?:bn|billion|b|m|mn|million)?\s+(?:more\s+)?into\b", re.I),
     "investment", True),
    # "Scale AI gets $14 billion investment from Meta".
    (re.compile(r"\b(?:investment|stake)\s+from\b", re.I), "investment", True),
    # "Anthropic lands another $4B from Amazon".
    (re.compile(r"\b(?:lands|landed|gets|got|secures|secured|receives|received|wins|won)\s+(?:another|a\s+further|"
                r"an\s+additional|a\s+fresh|up\s+to)?\s*[$€£][\d.,]+\s*(?:bn|billion|b|m|mn|million)?\b(?:\s+[\w-]+){0,2}?"
                r"\s+from\b", re.I), "investment", True),
    # "GitHub is bringing AI models from Anthropic and Google to Copilot".
    (re.compile(r"\b(?:bring|brings|bringing|add|adds|adding|added)\s+(?:[\w-]+\s+){0,3}?models?\s+from\b", re.I),
     "partnership", True),
]

_ALL_TRIGGERS = [(*t, False) for t in _TRIGGERS] + [(*t, True) for t in _STRICT_TRIGGERS]

# "appointed Exclusive Networks as its distributor" is a deal, not a personnel move.
_NOT_A_PARTNER_ROLE = (r"(?!\s+(?-i:[A-Z])[^.;]{0,40}?\bas\s+(?:its\s+|their\s+|an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
                       r"(?:partner|provider|supplier|distributor|reseller|integrator)\b)")
_NEGATIVE = re.compile(
    r"\b(?:inquir(?:y|ies)|investigat(?!ional)\w*|probe[sd]?|probing|antitrust|scrutin\w*|subpoena\w*|(?<!\bfor\s)(?<!\bto\s)regulators?|"
    r"watchdogs?|examin(?:e|es|ed|ing|ation)|CFIUS|(?:security|national[-\s]security|regulatory|antitrust)\s+(?:panel|review)|competition (?:authorit\w+|regulator|office|commission)|"
    r"lawsuits?|sues?|sued|suing|court|alleg\w*|infring\w*|complaint|litigation|jury|verdict|"
    r"breach(?:es|ed|ing)?\s+(?:of\s+)?(?:its|their|the|a)\s+(?:[\w-]+\s+){0,2}?(?:licen[cs]e|agreement|contract)|"
    r"analysts? (?:at|with|from|said|say|says|see|sees|believe|think|wrote|argue|flag|flags|flagged|warn|warns|warned|question|questions)|analysts?['’]? notes?|(?:research|client|investor) note|"
    r"note to clients|the note said|target price|scenario|hypothetical|in a note|rating|price target|outperform|underperform|downgrade[sd]?|upgrade[sd]? (?:to|the stock)|"
    r"overweight|reiterat\w*|"
    r"series [a-h]\b|seed round|funding round|round led by|led the round|participation from|co-led|"
    r"in talks|talks (?:to|with|over|about)|in\s+[\"“]?(?:close|advanced|early|preliminary|ongoing)\s+discussions|"
    # "An earlier version of this article said the collaboration was with Microsoft": a correction.
    r"(?:earlier|previous)\s+version\s+of\s+this\s+(?:article|story|report|post)|"
    # "asking the Commerce Department for a classified briefing on Microsoft's investment in G42".
    r"(?:ask|asks|asked|asking|press|presses|pressed|pressing|urg\w+|demand\w*)\s+(?:[\w.-]+\s+){0,4}?for\s+(?:an?\s+)?"
    r"(?:[\w-]+\s+)?(?:briefing|answers|explanation|details\s+on)|"
    # "Local officials also hoped this week to celebrate a workforce agreement": it did not happen.
    r"hoped\s+(?:[\w-]+\s+){0,3}?to\s+(?:celebrate|sign|announce|finali[sz]e|unveil|seal|conclude)|"
    r"rebuff\w*|spurn\w*|turn(?:s|ed)?\s+down|reject(?:s|ed|ing)?|"
    r"(?:report|reports)\s+(?:says|said|say)|(?:reported|reports)\s+(?:(?:on|late|early|earlier|last)\s+)?(?:\w+day\s+)?(?:morning\s+|afternoon\s+|evening\s+|night\s+)?that|in discussions|reportedly(?!\s+(?:worth|valued|paying|costing|totall?ing))|rumou?r\w*|considering|weighing|mulls|mulling|"
    r"said\s+to\s+(?:be\s+)?(?:weigh|consider|mull|explor|plan|eye|near|seek|pursu|in\s+talks)\w*|"
    r"negotiat\w*|(?:is|are)\s+(?:still\s+)?not\s+(?:yet\s+)?(?:a\s+)?(?:done\s+deal|final|finali[sz]ed|signed|binding)|"
    # "CFO says OpenAI pact not yet final": a headline drops the verb.
    r"\bnot\s+yet\s+(?:final|finali[sz]ed|signed|binding|definitive|sealed)\b|draft (?:MoU|memorandum|agreement|deal|contract)|yet to be (?:signed|finali[sz]ed|agreed)|(?:has|have|is|are)\s+yet\s+to\s+(?:sign|win|finali[sz]e|agree|close|reach|secure|land|announce|name|strike|ink|seal)|"
    r"eyes|eyeing|hires|hired|hiring|(?:appoints|appointed)" + _NOT_A_PARTNER_ROLE + r"|poach\w*|veteran|steps down|stepped down|resign\w*|"
    r"(?:need|needs|would have) to (?:request|seek|obtain|apply for)|"
    r"sponsor\w*|exhibitors?|title partner|"
    # "tools that draft investment proposals" are things, not a proposed deal.
    r"propos(?:e|es|ed|ing|al)|no (?:agreement|deal|contract) (?:with (?:[\w&.'’-]+ ){1,3})?(?:has|had) been|(?:is|was|there's|;)\s+no\s+(?:formal\s+|commercial\s+|financial\s+)?(?:agreement|deal|partnership|contract|arrangement)\b|^no\s+(?:agreement|deal|partnership|contract)\s+with\b|(?:has|have|had|did)(?:n't| not) (?:yet )?sign(?:ed)?\b|"
    r"exploring (?:a|an)|(?:nearing|nears|near)\s+(?:an?\s+)?(?:[\w$-]+\s+){0,3}?(?:deal|agreement|pact|partnership)|close to (?:a\s+|an\s+)?(?:[\w$-]+\s+){0,3}?(?:deal|agreement|pact)|reports? that|according to (?:media\s+)?reports|"
    r"(?:could|may|might)\s+(?:partner|team|invest|pay|license|licence)|"
    # "they would not be surprised to see Cisco form deeper ties with Cohere": a guess.
    r"(?:would|will)(?:\s+not|n['’]t)?\s+be\s+surprised|"
    # "Apple has been reported to be planning to use Gemini, though neither company has confirmed any agreement".
    r"(?:has|have|had)\s+been\s+reported\s+to|neither\s+(?:company|side|firm|party)\s+(?:has\s+)?confirmed|"
    # "has postponed the signing of a memorandum of understanding with Huawei".
    r"postpon\w*|(?:put|puts|placed)\s+on\s+hold|shelv(?:e|es|ed|ing)\b|"
    r"suspend(?:s|ed|ing)?\s+(?:the\s+|its\s+|their\s+)?(?:signing|deal|agreement|talks|partnership|contract)|"
    # "TSMC denies", "citing people involved", "the announcement did not include a new agreement".
    r"den(?:y|ies|ied)|citing\s+(?:unnamed\s+|anonymous\s+)?(?:people|sources|a\s+person|persons|insiders)|"
    r"(?:did|does|do|will)\s+not\s+(?:include|involve)\s+(?:a|any)\s+(?:new\s+)?(?:agreement|deal|partnership|contract)|^analysts?\s*:|expected\s+to\s+(?:announce|sign|unveil|strike|ink|seal|reveal)|"
    r"people\s+(?:familiar|with\s+knowledge)(?![^.;]{0,30}?\b(?:valued|estimated|put\s+(?:its|the)\s+value)\b)|sources\s+(?:said|say|familiar|close)|"
    r"(?:exit|ditch|drop|abandon|quit)(?:s|es|ed|ped|ted|ing|ping|ting)?\s+(?:(?:its|their|the|a|our)\s+)?"
    r"(?:[\w'’$-]+\s+){0,3}(?:partnership|deal|agreement|alliance|collaboration|tie-up|plans?\s+to\s+(?:jointly\s+)?co-?\w+|"
    r"plans?\s+to\s+jointly)|no\s+(?:active\s+|current\s+|immediate\s+|firm\s+)?(?:indication|sign|plans?)\s+(?:that|of|to)\b|"
    r"end(?:s|ed|ing)?\s+(?:(?:its|their|the|a|our)\s+)?(?:[\w-]+\s+){0,3}(?:partnership|deal|agreement|alliance|collaboration|ties|"
    r"pact|tie-up|relationship)|"
    # "Recursion and Exscientia agree to combine in $688 million all-stock deal": a merger.
    r"agree(?:s|d)?\s+to\s+combine|all-(?:stock|cash)\s+(?:deal|transaction|takeover|merger|acquisition)|"
    r"terminat\w*|(?:cut|cuts|sever|severs|severed)\s+ties|"
    # "as Microsoft loosens its ties with OpenAI".
    r"(?:loosen|loosens|loosened|loosening)\s+(?:its\s+|their\s+|the\s+)?(?:ties|grip|relationship|links)|"
    # "as licensing deal expires", "pulls its catalog from TikTok": a deal that ended.
    r"(?:deal|agreement|licen[cs]e|contract|partnership|pact)\s+(?:has\s+|had\s+)?(?:expire[sd]?|expiring|lapse[sd]?|lapsing)|"
    # "its reseller agreement with Optiv Security will end on December 31".
    r"(?:deal|agreement|licen[cs]e|contract|partnership|pact)\s+with\s+(?:[\w&.'’-]+\s+){1,4}?"
    r"(?:will\s+(?:end|expire|terminate|lapse)|(?:ends|ended|expires|expired)\s+on|is\s+ending)\b|"
    r"without\s+(?:a\s+)?renewal|pull(?:s|ed|ing)?\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:catalog|catalogue|music|"
    r"content|songs|shows|films|channels)\s+from|wind(?:s|ing)?\s+down|wound\s+down|phas(?:e|es|ed|ing)\s+out|"
    r"scrap(?:s|ped)?|call(?:s|ed)? off|collaps\w*|f[ae]ll(?:s)?\s+apart|pull(?:s|ed|ing)?\s+back\s+from|pull(?:s|ed|ing)? out|walk(?:s|ed|ing)? away|dissolv\w*|"
    # "agreed to buy Windsurf", not "shoppers will be able to buy inside ChatGPT".
    r"acquisition|acquires|acquired|acquire|to buy"
    # "advertisers will be able to buy Roblox's video ads": goods of a company, not the company.
    r"(?!\s+(?:(?-i:[A-Z])[\w.&-]*\s+){0,2}?(?-i:[A-Z])[\w.&-]*['’]s\s+(?!(?:[\w-]+\s+){0,2}?(?:business|businesses|unit|division|"
    r"arm|operations|assets|stake|shares|subsidiary|brands?)\b))"
    # "customers will be able to buy Salesforce products through the Google Cloud Marketplace".
    r"(?!\s+(?:(?-i:[A-Z])[\w.&-]*\s+){1,3}(?:products|services|software|goods|tools|licen[cs]es|subscriptions|"
    r"apps|solutions|offerings|seats|credits)\b)"
    r"(?=\s+(?:(?:out|up)\s+)?(?:(?:the|a|an|its|their|rival|fellow|of|"
    r"(?:about\s+|nearly\s+)?[\d.]+\s?(?:%|percent|per\s?cent)|"
    r"[\w-]+-based|[$€£][\d.,]+\w*|billion|million)\s+){0,4}(?:(?-i:[A-Z])|(?:[\w-]+\s+){0,2}?(?:company|companies|"
    r"start-?ups?|firms?|business|businesses|maker|developer|unit|division|operations|assets|rival|group|lab|platform)\b))|"
    # "using servers it buys from Dell": a purchase from a supplier, not a takeover.
    r"(?:buys|bought)(?!\s+from\b)|takeover|merger|merge)\b",
    re.I,
)
# "acquires a stake" is an investment, not an acquisition.
_STAKE = re.compile(r"\b(?:buy|buys|bought|buying)\s+into\b|\b(?:acquire|acquires|acquired|buy|buys|bought)\s+(?:up\s+to\s+)?(?:an?\s+)?(?:(?!(?:majority|controlling)\b)[\w$€£.,-]+\s+){0,4}?"
                    r"(?:stake|shares|warrants|stock)\b|\b(?:acquire|acquires|buy|buys)\s+(?:up\s+to\s+|about\s+|nearly\s+)?"
                    # "buy 75% of Versent Group" is a takeover, a minority stake is not.
                    r"(?:[1-4]\d|\d)(?:\.\d+)?\s?(?:%|per\s?cent|percent)", re.I)

_BACKGROUND = re.compile(
    # "pointed to last week's TPU agreement with Anthropic", not "used last week's Dreamforce to widen its ties".
    # "while SK hynix continues to supply high-bandwidth memory to Nvidia": a supply that runs on.
    r"\bcontinu(?:es|ed|ing)\s+to\s+(?:supply|provide|sell|ship|buy|source|use|rely)\b|"
    # "Microsoft has invested more than $13 billion in OpenAI": a running total, not a new stake.
    r"\b(?:has|have)\s+(?:already\s+)?invested\s+(?:more\s+than|over|a\s+total\s+of|nearly|almost|some)\s|"
    # "Microsoft, for its part, recently restructured its agreement with OpenAI".
    r"\brecently\s+(?:restructured|renegotiated|reworked|revised|amended|rewrote)\b|"
    # "Quillmark's earlier models were trained on capacity rented from Lambda Labs": what came before.
    r"\bearlier\s+(?:[\w-]+\s+){1,2}?(?:were|was|had\s+been)\s|"
    # "where Nvidia's GPU supply agreements with Samsung had been unveiled a day earlier".
    r"\b(?:a|one|two|three|four|five|several|a\s+few|some)\s+(?:days?|weeks?|months?|years?)\s+earlier\b|"
    # "Constellation's 20-year contract to supply Microsoft ... is unaffected": a deal that stands already.
    r"\b(?:is|are|was|were)\s+(?:still\s+)?(?:unaffected|unchanged|intact)\b|"
    # "adding to similar tie-ups Anthropic has signed with Deloitte and Accenture": earlier deals of the kind.
    r"\bsimilar\s+(?:[\w-]+\s+){0,2}?(?:deals?|tie-ups?|partnerships?|agreements?|pacts?|arrangements?|alliances?)\b|"
    # "SK Telecom had earlier invested $100 million in Anthropic".
    r"\b(?:had|has|have)\s+earlier\s|"
    rf"\b(?:last year|last month|last quarter|last\s+week['’]s\s+(?:[\w-]+\s+){{0,3}}?{_DEAL_NOUN}|previous(?:ly)?|earlier (?:deals?|partnerships?|agreements?|pacts?|tie-ups?|investments?|stakes?)|"
    # "an existing partner", not "their existing Telefónica contract" (the new deal's own terms).
    r"existing\s+(?:(?-i:[a-z])[\w-]*\s+)?(?:partnerships?|deals?|agreements?|alliances?|collaborations?|"
    r"relationships?|ties|partners?|investors?|customers?|contracts?|ventures?|JVs?)|"
    # Not "The results came a day after UMG said it had struck a licensing agreement": that deal is news too.
    r"(?:come|comes|came|lands|landed|arrives|arrived)\s+(?!(?:just\s+)?(?:a|one|the)\s+day\s+after|hours\s+after|"
    r"(?:just\s+)?a\s+few\s+hours\s+after)(?:[\w-]+\s+){0,4}after|"
    r"signed\s+(?:at|in)\s+the\s+(?:start|beginning)\s+of\s+the\s+year|"
    # "models to run alongside those it licenses from OpenAI, Anthropic and Google": the suppliers it has.
    r"(?:those|ones)\s+(?:that\s+|which\s+)?it\s+(?:already\s+)?(?:licenses|licences|buys|uses|rents)\s+from|"
    # "AWS is its primary cloud provider", "Amazon remains Anthropic's primary cloud and training partner".
    r"(?:is|remains)\s+(?:its|their|(?-i:[A-Z])[\w-]*['’]s)\s+(?:primary|main|preferred|largest|biggest|principal)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:provider|partner|supplier|investor|backer|shareholder|customer)|"
    # "The announcement follows OpenAI's May agreement with the UAE": an earlier deal.
    r"(?:follows|followed|on\s+the\s+heels\s+of)\s+(?:[\w'’$-]+\s+){0,5}?(?:deals?|agreements?|partnerships?|pacts?|alliances?|tie-ups?|"
    r"investments?|collaborations?|(?:out-?)?licens\w+)|"
    # "It announced plans at the time to buy 18,000 of Nvidia's chips": back when something else happened.
    r"\bat\s+the\s+time\b|"
    # "The deal follows Insilico's earlier out-licensing of a different asset to Menarini's Stemline".
    r"(?:follows|followed)\s+(?:[\w'’$-]+\s+){0,2}?(?:earlier|previous|prior|first)\b|"
    r"(?:two|three|four|five|six|several|a\s+few|\d+)\s+(?:days|weeks|months)\s+after|"
    # "A week after News Corp signed a five-year deal, OpenAI is racing ...": a deal from before.
    r"\b(?:a|one)\s+(?:week|fortnight|month|year)\s+after\s+(?:[\w'’-]+\s+){1,4}?(?:signed|struck|inked|sealed|agreed|announced)\b|"
    r"in\s+(?:recent|the\s+past|the\s+last)\s+(?:few\s+)?(?:days|weeks|months)|"
    # "has licensed assets to Exelixis and Fosun Pharma in the past".
    r"in\s+the\s+past\b|"
    r"(?:over|during)\s+the\s+(?:summer|spring|autumn|fall|winter)|last\s+(?:summer|spring|autumn|fall|winter)|already|originally|(?:has|had|have)\s+since|long-standing|longstanding|long-running|(?:long-time|longtime)(?!\s+(?:rivals?|competitors?|foes?|adversaries|enemies)\b)|decade-long|has long|had long|have long|years ago|back in|the same strategy|similar to|"
    r"(?:such as|like) the (?:[\w-]+\s+){0,3}?(?:deal|partnership|agreement|pact|alliance|tie-up|one)|former|prior|earlier this (?:year|month|week)|earlier in (?:the\s+)?(?:year|month|(?:19|20)\d\d)|continue to|continues to|"
    # "Microsoft's partnership with OpenAI, in which it has invested about $13 billion, remains important".
    r"in\s+which\s+(?:[\w-]+\s+){1,3}?(?:has|had|have)\s+(?:already\s+)?invested|"
    # "Microsoft, which has invested about $13 billion in OpenAI": money put in before.
    r"which\s+(?:has|had)\s+(?:already\s+)?(?:invested|backed|poured|put)\b|"
    r"(?:remains|remained)\s+(?:very\s+|as\s+)?(?:important|strong|intact|in\s+place|unchanged|solid|central|critical|"
    r"key|vital|committed)|"
    # "has committed to spending $1.4tn, including deals with Oracle, Nvidia, AMD and Broadcom": a tally.
    r"including\s+(?:(?:its|the)\s+)?(?:deals|agreements|partnerships|contracts|commitments|pacts)\s+with|"
    # "have worked together on AI infrastructure for years"; not "for years to come".
    r"for\s+(?:many\s+|several\s+)?years(?!\s+to\s+come)|"
    # "Waymo currently runs Jaguar I-Pace vehicles and is also working with Zeekr": what it has now.
    r"currently\s+(?:runs|uses|works|has|operates|relies|offers|sells|buys)\b|"
    # "the latter through its joint venture with Aker": a vehicle it already has.
    r"through\s+its\s+(?:[\w-]+\s+){0,2}?(?:joint\s+venture|JV|subsidiary|partnership)\s+with\b|"
    # "invested in startups including Hippocratic AI and Abridge": a portfolio's examples.
    r"invested\s+in\s+(?:[\w-]+\s+){0,3}?(?:start-?ups|companies|firms)\s+(?:including|such\s+as|like)\b|"
    # "Jassy reminded the audience that Amazon had just completed a further investment": known news.
    r"remind(?:s|ed|ing)?\b|"
    # "the circular nature of some AI deals, such as Nvidia's plan to invest in OpenAI": an example of a kind.
    r"(?:deals|agreements|partnerships|investments|arrangements|tie-ups),?\s+(?:such\s+as|like|including)\s+(?!with\b))\b",
    re.I,
)
# "50 companies, including Meta, IBM and Intel, launched an alliance": members of a group, not a pair.
_MEMBERS = re.compile(r"(?:\b(?:including|such as|like|among them|among)|\d+\s+(?:\w+\s+)?(?:companies|firms|members|"
                      r"organi[sz]ations|partners|institutions)\b[^.]*)[\s,:]*$", re.I)
# "a group of more than 50 companies", "a consortium": many members, no pairs.
# Not "public power consortium Energy Northwest": a party described as one.
_CONSORTIUM = re.compile(r"\b(?:consortium|consortia|coalition)\b(?!\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                         r"Saturday|Sunday)\b)(?-i:[A-Z])[\w-]*[a-z])|(?<![\d,.])\b(?:\d[\d,]*\d|dozens|scores|hundreds)\s+(?:of\s+)?"
                         r"(?:[\w-]+\s+){0,2}(?:members|companies|organi[sz]ations|firms|partners|institutions|"
                         r"universities|signatories)\b"
                         # "Nvidia and xAI join BlackRock-led AI infrastructure partnership": a group others lead.
                         r"|\bjoin(?:s|ed|ing)?\s+(?:the\s+)?(?-i:[A-Z])[\w-]*-led\s+(?:[\w-]+\s+){0,3}?(?:partnership|alliance|"
                         r"group|fund|initiative|venture|programme|program)\b", re.I)
_AUDIENCE = re.compile(r"\b(?:to|for|across|serving|serve|serves|reach|reaches|reaching)\s+(?:the\s+)?(?:more\s+than\s+|over\s+|some\s+|"
                       r"about\s+|nearly\s+|up\s+to\s+|its\s+|their\s+)?$", re.I)
_MEMBER_CUE = re.compile(r"\b(?:including|such as|among them|members?)\b", re.I)
_YEAR = re.compile(r"(?<![\d$€£.,-])((?:19|20)\d\d)(?![\d%])")
_WITH = re.compile(r"\b(?:with|between|in|into|to|from)\b", re.I)
_DEMONYM_ALT = "|".join(sorted(DEMONYMS))
# "Honda and South Korea's LG Energy Solution".
_PLACE_ALT = "|".join(re.escape(p) for p in sorted(PLACES | {"South Korea", "North America", "Hong Kong", "Saudi Arabia"}))
# "Zoho and software company Kestrel", "IBM and rival Intel", "OpenAI, British AI cloud provider Nscale and
# Norwegian industrial investor Aker": a descriptor may stand after "and" or the comma.
_JOINER = re.compile(r"^\s*(?:\)?[,;]\s*(?:and\s+|&\s+)?|and\s+|&\s+|-\s*)"
                     rf"(?:the\s+|its\s+)?(?:(?:{_PLACE_ALT})(?:['’]s)?\s+)?"
                     # "Microsoft and Abu Dhabi-based G42".
                     r"(?:(?:(?-i:[A-Z])[\w.]*\s+){0,2}[\w-]+-(?:based|owned|backed|controlled|funded|listed)\s+)?"
                     # "and Washington state public power consortium Energy Northwest".
                     # "Amazon, reactor designer X-energy and Energy Northwest".
                     rf"(?:(?:(?:[a-z][\w-]*|(?-i:[A-Z]{{2,3}})|{_DEMONYM_ALT})\s+){{0,4}}?(?:{ORG_NOUNS}|rival|partner|investor|giant|"
                     # "Nvidia and French AI champion Mistral AI".
                     rf"consortium|cooperative|co-op|designer|builder|foundry|hyperscaler|neocloud|producer|champion|"
                     rf"leader|pioneer|upstart|heavyweight|powerhouse)\s+)?$")
# Words that may stand between "with"/"in" and the organisation: "in UAE AI firm G42", "with French start-up X";
# not "and" ("invest $10 billion in the start-up and Microsoft up to $5 billion": Microsoft is no object).
_GAP_OBJECT = re.compile(r"^[\s,]*(?:(?!(?:and|or|but)\s)(?:the|a|an|its|their|startup|start-up|rival|[$€£]?\d[\d.,]*|[A-Z]{2,3}|[A-Z][\w.-]*['’]s|(?:[A-Z]\.){2,3}|(?:[A-Z][\w.]*\s+){0,2}[\w-]+-(?:based|owned|backed|controlled|funded|listed)|[a-z][\w-]*|"
                         + "|".join(re.escape(w) for w in sorted(DEMONYMS | PLACES)) + r")(?:['’]s)?\s+){0,5}$")

_WHAT_AFTER = re.compile(
    r"^\s*(?:(?:means|aims|targets|focuses|focused|aimed|designed|meant)\s+)?(?:to\s+(?:help\s+)?|on\s+|around\s+|for\s+|in\s+(?=\w+ing\b)|covering\s+|over\s+)"
    r"((?:[\w’'&/+-]+\s*){1,10})",
    re.I,
)
_WHAT_STOP = re.compile(
    r"\b(?:amid|amidst|as|that|which|who|after|following|while|with|said|says|according|on (?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)|this|today|in a|in an|and said|and will|under)\b",
    re.I,
)
_NOUN_MODS = re.compile(r"((?:[\w’'&/+-]+\s+){1,3})" + _DEAL_NOUN + r"\b", re.I)
_NOT_WHAT = frozenset(
    """a an the new strategic multi-year multiyear multi-billion global major broad broader expanded
    expanding landmark exclusive non-exclusive first its their his her our this that ink inks inked strike
    strikes struck sign signs signed announce announces announced form forms formed seal seals sealed forge
    forges forged enter enters entered launch launches launched unveil unveils unveiled expand expands
    deepen deepens extend extends to and of with in on for by from at up year long-term partnership
    partnerships deal agreement collaboration alliance pact""".split()
)


# "five-year", "multi-year", "$2bn": terms of a deal, not what it covers.
_DURATION = re.compile(r"^(?:[\w-]+-(?:year|month|week)s?|\$[\d.,]+\w*|\d[\d.,]*\w*)$", re.I)


@dataclass(frozen=True)
class Finding:
    """One deal as one article tells it."""

    org_a: str
    org_b: str
    kind: PartnershipKind
    status: str  # "new" | "mentioned"
    date: datetime | None
    date_estimated: bool
    what: str
    evidence: str
    confidence: float
    article_url: str
    article_id: int | None
    prominent: bool  # found in the title or lead


@dataclass(frozen=True)
class _Sentence:
    text: str
    where: str  # "title" | "lead" | "body"


_CLOSES = (".", "!", "?", '"', "”", ":")
# "ROCHESTER, Minn. — ", "LONDON (Reuters) - ": where the story was filed, not a party to it.
_PLACE_CAPS = rf"[{UPPER}][{UPPER}.'’-]+(?:\s+[{UPPER}][{UPPER}.'’-]+)*"
# "BENGALURU/MUMBAI, Sept 8 (Reuters) - ": places, a date and an agency.
# Not "RELATED: Microsoft signs ...": a link list's heading.
_DATELINE = re.compile(rf"^(?:(?!(?:RELATED|READ|SEE|MORE|ALSO|WATCH|LISTEN|TRENDING|RECOMMENDED|POPULAR|UPDATE|EDITOR)\b)"
                       rf"{_PLACE_CAPS}(?:/{_PLACE_CAPS})*(?:,\s+[{UPPER}][\w.]*(?:\s+[{UPPER}][\w.]*)*)?"
                       r"(?:,?\s+\d{1,2})?(?:\s*\((?:Reuters|AP|AFP|Bloomberg|dpa)\))?\s*(?:—|–|--|-|:)\s+"
                       r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+\((?:Reuters|AP|AFP|Bloomberg|dpa)\)\s*(?:—|–|--|-)\s+)")
# "Nvidia (NVDA.O)", "AMD (NASDAQ: AMD)": stock symbols are not names.
_TICKER = re.compile(r"\s*\((?:(?:NASDAQ|Nasdaq|NYSE|LSE|TSX|TSE|TYO|KRX|HKEX|SGX|ASX|NSE|BSE|Euronext|OTC|OTCQX)"
                     r"\s*:\s*[A-Z0-9.]{1,10}|[A-Za-z0-9_]{1,8}\.[A-Z]{1,3})\)")


_WIRE = re.compile(
    r"\s*(?:--|—|–|-)?\s*\((?:BUSINESS WIRE|Business Wire|GLOBE NEWSWIRE|GlobeNewswire|Globe Newswire|PR ?Newswire|"
    r"ACCESSWIRE|ACCESS Newswire|EZ Newswire|Newsfile Corp\.?)\)\s*(?:--|—|–|-)\s*"
    r"|\s*/(?:PR ?Newswire|PRNewswire-FirstCall|PRNewswire-Asia|EINPresswire)/\s*(?:--|—|–|-)\s*"
    r"|\s+(?:SHARE THIS ARTICLE|Share this article|Share this story|Share this post)\s+")


# "Share Tweet Share Email", "[f] [x] [in] [email]", "Follow us Share Font Size Save Print Comment": a
# scraped page's buttons, which would otherwise run the byline into the first sentence.
_BUTTON = (r"(?:\[[\w -]{1,12}\]|Share(?:\s+on\s+\w+)?:?|Tweet|E-?mail|Print|Save|Comments?|Copy\s+link|Follow(?:\s+us)?|"
           r"Font\s+Size|Gift\s+(?:this\s+)?article|Listen|LinkedIn|Facebook|Twitter|WhatsApp|Reddit|Flipboard|Pinterest|X)")
_BUTTONS = re.compile(rf"(?<!\S){_BUTTON}(?:\s+{_BUTTON})+(?!\S)")
_BUTTON_WORD = re.compile(r"\[|\b(?:Share|Tweet|E-?mail|Print|Save|Comments?|Copy|Follow|Font|Gift|Listen)\b")


def _no_buttons(body: str) -> str:
    return _BUTTONS.sub(lambda m: "\n\n" if _BUTTON_WORD.search(m.group(0)) else m.group(0), body)


def _paragraphs(body: str) -> list[str]:
    """Paragraphs of ``body``: blank lines always part them; a single line break does only after a
    finished sentence or a short heading line, so hard-wrapped text stays one paragraph."""
    out: list[str] = []
    # "... OTTAWA, Ontario--(BUSINESS WIRE)--Kestrel IT Group today announced": the wire's dateline and
    # share buttons part what comes before them from the story.
    body = _no_buttons(_WIRE.sub("\n\n", body))
    for block in re.split(r"\n\s*\n", body):
        current = ""
        last = ""
        widest = max(len(raw.strip()) for raw in block.split("\n"))
        for line in (raw.strip() for raw in block.split("\n")):
            if not line:
                continue
            bullet = re.match(r"^[-•*]\s+", line)
            if bullet:
                line = line[bullet.end():]
            starts = bool(bullet) or line[:1].isupper() or line[:1] in "\"“"
            # A line much shorter than the block's widest is not hard-wrapped: it ended there (a press
            # release's subhead bullets "Total revenue of $118.4 million" / "Signs co-sell agreement with ...").
            short = len(last) < 0.7 * widest or (widest < 90 and len(last) < 60)
            if current and starts and (current.endswith(_CLOSES) or len(current.split()) < 8 or short):
                out.append(current)
                current = line
            else:
                current = f"{current} {line}" if current else line
            last = line
        if current:
            out.append(current)
    return [_TICKER.sub("", _DATELINE.sub("", p, count=1)) for p in out]


_LINK_LIST = re.compile(r"^(?:related(?:\s+(?:stories|articles|coverage|content|reading))?|read more|read also|also read|"
                        r"see also|more from|more on|more stories|recommended|trending|most read|popular|watch|"
                        r"listen|further reading|you may also like|sign up|subscribe)\b\s*[:\-–—]?|"
                        # "Previously on GeekWire:", "More on Reuters:": the outlet's other stories.
                        r"^(?:previously|earlier|elsewhere|more)\s+(?:on|at|from|in)\s+[\w .&'’-]{1,40}:", re.I)


_BREADCRUMB = re.compile(r"\s[|›»>/]\s")


# "UPDATE 1-Disney to invest ...", "EXCLUSIVE-...": a wire desk's tag, not part of the headline.
_WIRE_TAG = re.compile(r"^(?:UPDATE|REFILE|RPT|CORRECTED|CORRECTION|EXCLUSIVE|WRAPUP|BREAKINGVIEWS|FACTBOX|ANALYSIS|"
                       r"INSIGHT|BUZZ|BRIEF)(?:\s*\d+)?\s*(?:-|:|—|–)\s*")


def _sentences(article: Article) -> list[_Sentence]:
    title = _WIRE_TAG.sub("", _TICKER.sub("", article.title.strip()))
    out = [_Sentence(title, "title")] if title else []
    body = article.text.strip()
    excerpt = article.excerpt.strip()
    if excerpt and not body.startswith(excerpt[:60]):
        out += [_Sentence(s, "lead") for s in split_sentences(_TICKER.sub("", excerpt))]
    paragraphs = _paragraphs(body)
    if paragraphs and title and _WIRE_TAG.sub("", paragraphs[0].strip()) == title:
        paragraphs = paragraphs[1:]
    elif paragraphs and title and paragraphs[0].startswith(title + " "):
        # A hard-wrapped page repeats the headline and runs it into the byline.
        paragraphs[0] = paragraphs[0][len(title):].strip()
    count = 0
    in_links = False
    for paragraph in paragraphs:
        # Other stories' headlines ("Related: Google partners with ...") are not this one's news,
        # nor is the list of unpunctuated lines under such a heading.
        finished = paragraph.rstrip().endswith((".", "!", "?", "”", '"'))
        if _LINK_LIST.match(paragraph) or (in_links and not finished):
            in_links = True
            continue
        in_links = False
        # Short unpunctuated lines are sub-headings or captions, not reporting; before the
        # first sentence of text they are the headline's deck and say what the article is about.
        if len(paragraph.split()) < 8 and not paragraph.rstrip().endswith((".", "!", "?", "”", '"')):
            # "Tech | Developers | Microsoft": a section breadcrumb, not what the article is about.
            if count == 0 and not _BREADCRUMB.search(paragraph):
                out.append(_Sentence(paragraph, "deck"))
            continue
        for sentence in split_sentences(paragraph):
            out.append(_Sentence(sentence, "lead" if count < 2 else "body"))
            count += 1
    return out


def _usable(m: Mention, near: bool) -> bool:
    return m.known or m.cued or near


def _collapse(ms: Sequence[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Within one slot, 'Alphabet Inc's Google Cloud' is one party: keep the most specific name."""
    out: list[Mention] = []
    for m in ms:
        if out and gazetteer.related(out[-1].name, m.name):
            if m.name in gazetteer.family(out[-1].name) and m.name != out[-1].name:
                out[-1] = m
            continue
        out.append(m)
    return out


_PERSON_AFTER = re.compile(rf"\s+(?:(?:former|ex-|outgoing|longtime)\s*)?(?:chief|CEO|CFO|CTO|COO|CMO|president|boss|"
                           rf"executive|exec|veteran|co-founder|founder|chair\w*|head)\s+(?:(?-i:[{UPPER}])[\w.'’-]*\s+){{0,2}}"
                           rf"(?-i:[{UPPER}])[a-z]", re.I)
_CLAUSE_VERB = re.compile(r"\s+(?:was|were|is|are|has|had|have|will|would|can|could|said|says)\b")


def _list_after(ms: Sequence[Mention], text: str, start: int, near: int) -> list[Mention]:
    """Organisations in the object slot: the first one close after ``start`` and any list joined to it."""
    after = [m for m in ms if m.start >= start]
    if not after:
        return []
    first = after[0]
    gap = text[start:first.start]
    if first.start - start > near or not _GAP_OBJECT.match(gap) or not _usable(first, True):
        return []
    if _PERSON_AFTER.match(text, first.end):
        return []  # "OpenAI taps Instacart chief Fidji Simo": the one tapped is a person
    picked = [first]
    for prev, m in zip(after, after[1:]):
        if prev is not picked[-1]:
            break
        # "between GitHub and Anthropic, and Google's Gemini will follow": a possessive starts a new clause.
        if _JOINER.match(text[prev.end:m.start]) and _usable(m, True) and not (
                m.surface.endswith(("'s", "’s")) and re.match(r",\s*and\s", text[prev.end:m.start])):
            picked.append(m)
        else:
            break
    # "A, B and C" is a list; "with Reliance, Nvidia will ..." is not: a list ends with "and".
    # A headline leaves the "and" out ("Signs Chip Deals With Nvidia, AMD as Trump Visits"): known names
    # with no verb after them are still a list.
    # So are known names that end a sentence-case headline ("signs small reactor deals with Energy Northwest,
    # X-energy").
    # So are known names before a preposition in a headline, which has no full stop ("picks Supermicro, Vertiv
    # for 40MW site").
    headline_list = ((is_title_case(text) or not text[picked[-1].end:].strip(" .")
                      or (not text.rstrip().endswith((".", '"', "”", "!", "?")) and all(m.known for m in picked)
                          and re.match(r"\s+(?:for|to|in|on|at|as|over)\s", text[picked[-1].end:]) is not None))
                     and all(m.known or m.cued for m in picked)
                     and not _CLAUSE_VERB.match(text, picked[-1].end)
                     # "IBM Taps Groq, Oracle Bets Big On AMD": a name and a verb start the next story.
                     and not re.match(r"\s+(?-i:[A-Z][a-z]+s)\s+\w", text[picked[-1].end:]))
    while len(picked) > 1 and not headline_list and not re.search(r"\band\b|&", text[picked[-2].end:picked[-1].start]):
        picked.pop()
    # "invested $13 billion in OpenAI and Copilot was built on ...": the last name starts a new clause.
    if len(picked) > 1 and _CLAUSE_VERB.match(text, picked[-1].end):
        picked.pop()
    return picked


def _list_before(ms: Sequence[Mention], text: str, end: int, far: int) -> list[Mention]:
    """Organisations in the subject slot: the nearest one before ``end`` and any list joined to it."""
    # "Snowflake said it is the first platform to host OpenAI models this way under its agreement with
    # Microsoft": goods named by their maker, as the object of another verb, are not the subject.
    before = [m for i, m in enumerate(ms) if m.end <= end and not (
        i and _MAKERS_GOODS.match(text, m.end) and re.search(r"\b(?!and\b|or\b)(?-i:[a-z]+)\s+$", text[:m.start]))]
    if not before:
        return []
    last = before[-1]
    # "Schaeffler, the German automotive and industrial supplier, said it will purchase": the description
    # does not put the subject further from its verb.
    apposition = _APPOSITIVE.match(text, last.end)
    distance = end - last.end - (len(apposition.group(0)) if apposition and apposition.end() <= end else 0)
    near = distance <= 40
    if (distance > far or not _usable(last, near) or ";" in text[last.end:end]
            # "AI Leap: Estonia strikes deals with OpenAI": a kicker before a colon is no subject.
            # ("Corvia Health on LinkedIn: partnership with ..." names its subject before the colon.)
            or (re.search(rf":\s+(?-i:[{UPPER}])", text[last.end:end]) and not text.rstrip().endswith((".", '"', "”")))
            or re.search(r"\b(?:the\s+two|the\s+pair|both)\b", text[last.end:end], re.I)):
        # "... with Google Cloud; adds CDW as reseller": a semicolon ends the clause; "across AWS, Azure and
        # Google Cloud, and commits the two to jointly selling": the subject is the two named before.
        return []
    if (re.search(r",\s*(?:and|plus)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}$", text[last.end:end])
            and not text.rstrip().endswith((".", '"', "”"))):
        return []  # "Blackwell Ultra, a droid named Blue, and a deal with GM": a list of things, no subject
    if not last.known and not last.cued and re.search(r"\b(?:in|at|near|outside)\s+$", text[:last.start]):
        return []  # "a data centre it operates in Sakai, Osaka Prefecture, under a deal with": a place
    picked = [last]
    for m in reversed(before[:-1]):
        gap = text[m.end:picked[0].start]
        # "Reliance Intelligence, the AI arm of Reliance Industries, and Meta": a description between
        # two parties of a list.
        apposition = _LIST_APPOSITIVE.match(gap)
        if apposition and _JOINER.match((gap[apposition.end() - 1:] if apposition.group(0).endswith(";")
                                         else " " + gap[apposition.end():])):
            gap = gap[apposition.end() - 1:]
        if (not re.search(r"\band\b|&", gap)
                and re.search(r"\b(?:with|to|from|by|for|in|into|on|at|behind)\s+(?:the\s+)?$", text[:m.start], re.I)):
            # "signs SMR deal with Kairos, Amazon teams with X-energy": an earlier verb's object.
            # "researchers who had worked on Stable Diffusion, Black Forest Labs has built": an opening clause's.
            break
        if not re.search(r"\band\b|&", gap) and any(
                t.end() == len(text[:m.start].rstrip()) for pattern, _, needs, _ in _ALL_TRIGGERS if needs
                for t in pattern.finditer(text, 0, m.start)):
            break  # "IBM Taps Groq, Oracle Bets Big On AMD": so is a name right after a deal verb
        if not re.search(r"\band\b|&", gap) and re.search(
                r"\b(?:lands|landed|wins|won|taps|tapped|picks|picked|signs|signed|adds|added|inks|inked|selects|"
                r"selected|chooses|chose|backs|backed|woos|courts|nabs|snags|hires)\s+$", text[:m.start], re.I):
            break  # "Nebius lands Microsoft, Meta picks CoreWeave": the first story's object
        if ";" in gap and not apposition:
            break  # "adds Lambda; OpenAI inks $38 billion AWS pact": a semicolon ends one story
        if _JOINER.match(gap) and _usable(m, True):
            picked.insert(0, m)
        else:
            break
    return picked


def _what(text: str, trigger: re.Match[str], orgs: Sequence[Mention]) -> str:
    """A short phrase for what the deal covers, from the words around the deal phrase."""
    names = [m.surface.casefold() for m in orgs]

    def tidy(phrase: str) -> str:
        cut = _WHAT_STOP.search(phrase)
        if cut:
            phrase = phrase[: cut.start()]
        words = phrase.replace("’", "'").split()
        while words and (words[-1].casefold().strip(",.") in _NOT_WHAT or _DURATION.match(words[-1])):
            words.pop()
        while words and (words[0].casefold() in _NOT_WHAT or _DURATION.match(words[0])):
            words.pop(0)
        out = " ".join(words).strip(" ,.;:'\"")
        if any(n and n in out.casefold() for n in names):
            return ""
        return out if len(out) > 2 else ""

    # "ink AI infrastructure partnership" -> "AI infrastructure"
    matched = trigger.group(0)
    mods = _NOUN_MODS.search(matched)
    if mods:
        phrase = tidy(mods.group(1))
        if phrase:
            return phrase
    # "partner on open-source machine learning amid ..." -> "open-source machine learning"
    starts = [trigger.end()]
    objects = [m for m in orgs if m.start >= trigger.end()]
    if objects and objects[0].start - trigger.end() < 60:
        # "partnered with Hugging Face Inc., the model hub, to ..." : the purpose follows the partner.
        following = [m for m in objects if m.start - objects[0].end < 60]
        starts.append(following[-1].end)
    for start in starts:
        m = _WHAT_AFTER.match(text[start:])
        if m:
            phrase = tidy(m.group(1))
            if phrase:
                # "to build X" stays a purpose ("partnership to build X"); the rest is a topic ("on X").
                return f"to {phrase}" if re.match(r"\s*(?:\w+\s+)?to\s", m.group(0)) else phrase
    return ""


def describe_what(what: str) -> str:
    """' on open-source machine learning' or ' to build ...', for '<kind><this>'."""
    if not what:
        return ""
    return f" {what}" if what.startswith("to ") else f" on {what}"


def _kind_of(phrase: str, default: PartnershipKind) -> PartnershipKind:
    """A generic deal phrase names its kind by its noun: 'research collaboration', 'licensing deal'."""
    if default != "partnership":
        return default
    low = phrase.casefold()
    for cue, kind in (("licens", "licensing"), ("invest", "investment"), ("stake", "investment"),
                      ("alliance", "alliance"), ("collaborat", "collaboration"), ("co-", "collaboration")):
        if cue in low:
            return kind  # type: ignore[return-value]
    return default


# "The start-up said", "the Santa Clara-based company said": the organisation the headline names.
_ANAPHOR = re.compile(r"\b(?:the|its)\s+(?:[\w.-]+\s+){0,2}?(?:company|companies|start-?up|firm|group|lab|maker|"
                      r"developer|operator|provider|university|hospital|business|manufacturer|supplier|chipmaker|"
                      r"carmaker|automaker|drugmaker|giant|bank|lender|insurer|retailer|telco|carrier|publisher|consultancy)\b"
                      r"|\b(?:it|they)\b|^\s*(?:company|firm|start-?up)\b", re.I)


# "Samsung SDS, the IT services arm of Samsung Electronics, said": the appositive describes the party.
_DESCRIBED_AS = (r"(?:the|a|an|(?:owner|parent|publisher|maker|operator|developer|creator|provider|producer|manufacturer|"
                 r"unit|arm|subsidiary)\s+of)")
_APPOSITIVE = re.compile(r"(?:\s*\([^)]{1,20}\))?,\s+" + _DESCRIBED_AS + r"\s+"
                         r"[^,;()]{0,140}?,")
# "Mattel, the company behind Barbie, Hot Wheels and Uno, is teaming up with OpenAI": a list inside it.
_LISTED_APPOSITIVE = re.compile(r"(?:\s*\([^)]{1,20}\))?,\s+" + _DESCRIBED_AS + r"\s+[^,;()]{0,100}?(?:,\s+[^,;()]{1,40}?)+"
                                r",?\s+and\s+[^,;()]{1,40}?,(?=\s+(?-i:[a-z]))")
_OWN_BRANDS = re.compile(rf"\b(?:its|their)\s+((?:(?-i:[{UPPER}])[\w&'’.+-]*\s*(?:,\s*|\s+and\s+|\s+&\s+)?){{1,12}}?)\s*"
                         r"(?:franchises|brands|labels|imprints|titles|properties|characters|films|movies|shows|games|"
                         r"series|studios|magazines|newspapers|mastheads|websites|sites|channels|networks|subsidiaries|"
                         r"units|businesses|hotels|stores|banners)\b", re.I)
_CONTENT_FROM = re.compile(rf"\b(?:characters|content|titles|franchises|songs|music|catalogu?e|footage|shows|films|"
                           rf"archives?|stories)\s+from\s+((?:the\s+)?(?-i:[{UPPER}])[\w&'’.+-]*(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|"
                           rf"\s+&\s+|\s+)(?-i:[{UPPER}])[\w&'’.+-]*){{1,12}})", re.I)
# In a list of described parties the descriptions may end with semicolons: "A, an identity company; B, ...; and C".
_LIST_APPOSITIVE = re.compile(r"(?:\s*\([^)]{1,20}\))?,\s+" + _DESCRIBED_AS + r"\s+[^,;()]{0,140}?[,;]")


def _outside_appositives(sentence: str, ms: Sequence[Mention]) -> list[Mention]:
    """Drop organisations named only inside a description of another ('X, the parent of Y, said')."""
    hidden: list[tuple[int, int]] = []
    for m in ms:
        apposition = _LISTED_APPOSITIVE.match(sentence, m.end) or _APPOSITIVE.match(sentence, m.end)
        if apposition:
            hidden.append((apposition.start(), apposition.end()))
        relative = _RELATIVE.match(sentence, m.end)
        # "CoreWeave, in which Nvidia owns a stake, has signed contracts with OpenAI": the clause describes the
        # party; "X-energy, in which Amazon is also making a strategic investment, ..." is a deal of its own.
        if relative and not _has_trigger(relative.group(0)) and not any(relative.start() < o.start < relative.end() and _INVESTING.match(sentence, o.end)
                                for o in ms):
            hidden.append((relative.start(), relative.end()))
    # "The Danish drugmaker behind Ozempic and Wegovy has signed": the party's products.
    hidden += [behind.span(1) for behind in _BEHIND.finditer(sentence)]
    # "The Alphabet-owned outfit spun out of DeepMind has signed": where the party came from.
    hidden += [m.span() for m in _SPUN_OUT.finditer(sentence)]
    # "characters from its Disney, Pixar, Marvel and Star Wars franchises": a party's own brands.
    hidden += [owned.span(1) for owned in _OWN_BRANDS.finditer(sentence)]
    # "Disney ... will license characters from Disney, Marvel, Pixar and Star Wars": a list that opens with a
    # party named before it lists that party's brands.
    for content in _CONTENT_FROM.finditer(sentence):
        listed = [m for m in ms if content.start(1) <= m.start < content.end(1)]
        if listed and listed[0].start == content.start(1) and any(
                m.name == listed[0].name and m.end <= content.start() for m in ms):
            hidden.append((listed[0].end, content.end(1)))
    return [m for m in ms if not any(s <= m.start and m.end <= e for s, e in hidden)]


_SPUN_OUT = re.compile(rf"\b(?:spun|spin|spins|carved)[\s-]+(?:out|off)\s+(?:of|from)\s+(?:the\s+)?(?-i:[{UPPER}])[\w&'’.-]*"
                       rf"(?:\s+(?-i:[{UPPER}])[\w&'’.-]*){{0,3}}", re.I)
# "The Indianapolis-based maker of Mounjaro and Zepbound": its products, not partners.
_BEHIND = re.compile(rf"\b(?:the|a)\s+(?:[\w-]+\s+){{0,3}}?(?:(?:{ORG_NOUNS}|company|giant|drugmaker)\s+behind|"
                     r"(?:maker|makers|developer|creator|owner|manufacturer|producer|publisher|operator)\s+of)\s+"
                     rf"((?-i:[{UPPER}])[\w&'’.+-]*(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+&\s+|\s+)(?-i:[{UPPER}])[\w&'’.+-]*){{0,8}})", re.I)
_RELATIVE = re.compile(r",\s+(?:in\s+which|which|whose|of\s+which)\s+[^,;()]{1,100}?,(?=\s+(?-i:[a-z]))", re.I)
_PLATFORMS = frozenset({"LinkedIn", "X", "Twitter", "Facebook", "Instagram", "Threads", "YouTube", "TikTok",
                        "Medium", "Substack", "Bluesky", "Reddit"})


_OPEN_QUOTE = re.compile(r"[\"“‘'][^\"“”‘’']{0,20}$")
_CLOSE_QUOTE = re.compile(r"[^\"“”‘’']{0,20}[\"”’']")


def _pairs_in(sentence: str, ms: Sequence[Mention], gazetteer: Gazetteer, actor: Mention | None = None,
              ) -> list[tuple[str, str, PartnershipKind, str, re.Match[str]]]:
    ms = _outside_appositives(sentence, ms)
    # "While still suing OpenAI, the Times licenses ... to Amazon": the opening concession names no party.
    concession = _CONCESSION.match(sentence)
    ms = [m for m in ms if not concession or m.start >= concession.end()]
    # "Corvia Health on LinkedIn: partnership with ...": where the news was posted, not a party.
    ms = [m for m in ms if not (m.surface in _PLATFORMS and re.search(r"\b(?:on|via)\s+$", sentence[:m.start]))]
    # "acquiring IBM's QRadar SaaS assets": an unknown name after a known organisation's possessive is
    # its product or unit, not a party.
    ms = [m for i, m in enumerate(ms) if not (
        i and not m.known and ms[i - 1].known and ms[i - 1].surface.endswith(("'s", "’s"))
        and m.start - ms[i - 1].end <= 1)]
    # "Murdoch's News Corp", "Abu Dhabi's G42": the owner named before the party is not the party.
    # "Alphabet's Isomorphic Labs", "Microsoft's GitHub": so is a known owner.
    ms = [m for i, m in enumerate(ms) if not (
        i + 1 < len(ms) and m.surface.endswith(("'s", "’s")) and ms[i + 1].start - m.end <= 1
        and (ms[i + 1].known or ms[i + 1].cued) and ms[i + 1].name != m.name)]
    # "VW's software unit Cariad": the parent named before its unit is not the party.
    ms = [m for i, m in enumerate(ms) if not (
        i + 1 < len(ms) and m.surface.endswith(("'s", "’s")) and _UNIT_BETWEEN.fullmatch(sentence[m.end:ms[i + 1].start]))]
    # "ElevenLabs launches Eleven Music, with licences from Merlin": what a company launches is a product.
    ms = [m for m in ms if m.known or not _LAUNCHED.search(sentence, 0, m.start)]
    # 'an "AI Phone" developed with Perplexity': a name in quotation marks is a product's.
    ms = [m for m in ms if m.known or not (_OPEN_QUOTE.search(sentence, 0, m.start)
                                           and _CLOSE_QUOTE.match(sentence, m.end))]
    # "takes minority stake in OpenAI rival", "Nvidia rival AMD": the name describes another company.
    ms = [m for m in ms if not _RIVAL_OF.match(sentence, m.end)
          and not (m.surface.endswith(("'s", "’s")) and _POSSESSIVE_RIVAL.match(sentence, m.end))]
    found: list[tuple[str, str, PartnershipKind, str, re.Match[str]]] = []
    seen: set[frozenset[str]] = set()
    vouched = [m for m in ms if m.known or m.cued]
    for pattern, kind, needs_object, strict in _ALL_TRIGGERS:
        for trig in pattern.finditer(sentence):
            subject = _collapse(_list_before(vouched if strict else ms, sentence, trig.start(),
                                             far=25 if strict else 160), gazetteer)
            clause = _NEW_DEAL_CLAUSE.search(sentence)
            if clause and clause.start() < trig.start() < clause.end() and ms and ms[0].end <= clause.start():
                # "X buys Y's unit, strikes partnership with Y": the second verb shares the first one's subject.
                # "Toyota and Isuzu swap shares, team up with Hino": the whole opening list.
                subject = _collapse(_list_after([m for m in ms if m.end <= clause.start()], sentence, ms[0].start,
                                                near=0), gazetteer)
            # "to deploy 104,000 Nvidia GB300s at a Texas site leased from Ionic Digital": the chips' maker
            # names the goods, it does not lease the site.
            if subject and _CHIP_CODE_AFTER.match(sentence, subject[-1].end):
                continue
            if (not subject and strict and ms and ms[0].start <= 4 and (ms[0].known or ms[0].cued)
                    and re.search(r",\s+and\s+(?:also\s+)?$", sentence[:trig.start()])
                    and re.search(r"^\s*(?:will|would|has|have|had|is|are|plans|agreed|signed|to)\b",
                                  sentence[ms[0].end:ms[0].end + 40])):
                # "SK Group will set up its own AI factory, with SK hynix supplying memory, and will use Nvidia's
                # tools": a verb with no subject of its own shares the sentence's.
                subject = [ms[0]]
            gap = sentence[subject[-1].end:trig.start()] if subject else ""
            if subject and ((re.fullmatch(r",?\s*and\s+(?:also\s+|separately\s+)?" + _NOUN_PHRASE, gap)
                             and re.search(r"\b(?:with|to|from|by|for)\s+(?:the\s+)?$", sentence[:subject[0].start]))
                            # "has partnered with Reliance to build ... to run it, and separately signed up Tata".
                            # "a joint venture with Meta to ..., and a partnership with Google Cloud".
                            or (re.fullmatch(r"\s+to\s+[^;]*,\s*and\s+(?:also\s+|separately\s+)?" + _NOUN_PHRASE, gap)
                                # "signed an agreement with reactor designer X-energy to ..., and a separate pact with".
                                and re.search(r"\b(?:with|by)\s+(?:the\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,2}$",
                                              sentence[:subject[0].start]))
                            or (re.fullmatch(r",\s*\S.*,\s*and\s+(?:also\s+)?(?:[a-z]+\s+)?", gap)
                                and re.search(r"[a-z],\s+$", sentence[:subject[0].start]))
                            # "Nvidia signs up GM, teams with DeepMind": a headline's second verb after a comma.
                            # "Orange drops chatbot start-up Colloquia, selects Mistral AI": so after a description.
                            or (re.fullmatch(r",\s*", gap)
                                and re.search(r"\b(?!(?:across|as|plus|versus|its|his|this|was|has|is|does|says)\b)"
                                              r"[a-z]{3,}s(?:\s+(?:up|on|in|over))?\s+(?:(?-i:[a-z])[\w-]*\s+){0,3}$",
                                              sentence[:subject[0].start]))
                            # "Nvidia buys $1 billion Nokia stake, lines up Uber robotaxis": so after a name inside
                            # the first verb's object.
                            or (re.fullmatch(r"(?:\s+(?-i:[a-z])[\w-]*){1,2},\s*", gap)
                                and not sentence.rstrip().endswith((".", '"', "”"))
                                and re.search(r"\b(?!(?:across|as|plus|versus|its|his|this|was|has|is|does|says)\b)"
                                              r"[a-z]{3,}s\s+(?:[$€£][\d.,]+\s*(?:billion|million|bn|m)?\s+)?$",
                                              sentence[:subject[0].start]))
                            # "Northwind moves its platform off AWS, picks Oracle Cloud": so after a preposition's object.
                            or (re.fullmatch(r",\s*", gap) and not is_title_case(sentence)
                                # "Reliance forms AI venture with Meta, picks Google Cloud": so after a deal's partner.
                                and re.search(r"\b(?:off|from|away\s+from|with)\s+(?:the\s+)?$", sentence[:subject[0].start]))
                            # "A and B have settled UMG's copyright lawsuit and struck a licensing agreement".
                            # "signed a deal to provide Microsoft with GPU capacity at its Texas campus, and agreed
                            # to buy servers from Dell": so after a phrase that tells with what or where.
                            or (re.fullmatch(r"\s+(?:with|at|in|on|for)\s[^;:.]*?,\s+and\s+(?:also\s+)?", gap)
                                and re.match(r"(?:agreed|agrees|signed|struck|inked|will|plans|to)\b", trig.group(0))
                                and re.search(r"\b[a-z][\w-]*\s+$", sentence[:subject[0].start])
                                and not re.search(r"\b(?:and|or|with|by|for|from|to)\s+$", sentence[:subject[0].start]))
                                            or (re.fullmatch(r"(?:\s+[a-z][\w'’-]*){1,4},?\s+and\s+(?:also\s+)?", gap)
                                and re.search(r"\b[a-z][\w-]*\s+$", sentence[:subject[0].start])
                                and not re.search(r"\b(?:and|or|with|by|for|from|to)\s+$", sentence[:subject[0].start]))):
                # "X signs a deal with Elastic and names Exclusive Networks as ...", "RIL set up a subsidiary,
                # Reliance Intelligence, to house its AI ambitions, and announced partnerships with Meta": the
                # second verb shares the sentence's subject, not the first verb's object.
                first = [m for m in ms if m.end <= subject[0].start][:1]
                subject = _collapse(_list_after([m for m in ms if m.end <= subject[0].start], sentence,
                                                first[0].start, near=0), gazetteer) if first else []
            if subject and re.search(r"(?:,|\band\b)\s*(?:it|they|he|she|we)\s+(?:(?-i:[a-z])+\s+){0,2}$", gap):
                # "a move that could undercut OpenAI and Google, and it has tapped Microsoft": a pronoun
                # starts the clause, so the names before it are not the ones signing.
                # "It" is the sentence's opening subject ("Mastercard is rolling out ..., and it has lined up").
                subject = [actor or ms[0]] if re.search(r"\bit\s", gap) else []
            if (subject and re.match(r"\s*(?:It|They)\s", sentence) and subject[0].start > 3
                    and re.search(r"\band\s+(?:also\s+)?(?:has\s+|have\s+)?(?:(?-i:[a-z])+ed\b(?:\s+(?-i:[a-z$\d])[\w$.,-]*){0,5}\s*)?$",
                                  sentence[subject[-1].end:trig.start()])):
                # "It announced purchases of Nvidia chips ... and signed a collaboration with AMD": the second
                # verb shares the pronoun's subject, not the name inside the first verb's object.
                subject = [actor] if actor is not None else []
            if _AFTER_SIGNING.search(sentence, 0, trig.start()) and ms and ms[0].start < trig.start():
                # "Constellation will restart the ... plant after signing a 20-year agreement with Microsoft": the
                # one signing is the sentence's subject.
                subject = _collapse(_list_after(ms, sentence, ms[0].start, near=0), gazetteer)
            elif subject and "," in sentence[subject[-1].end:trig.start()] and _SUBORDINATE.search(
                    sentence, 0, subject[0].start):
                # "A day after the PIF unveiled the company, its chief executive announced deals with ...": the
                # name in the opening clause is not the one announcing.
                subject = []
            objects: list[Mention] = []
            with_at = None
            if needs_object:
                with_at = trig.end()
            else:
                w = _WITH.search(sentence, trig.end(), trig.end() + 12) or _WITH.search(
                    sentence, trig.end(), trig.end() + 30) if _ON_DAY.match(sentence, trig.end()) else _WITH.search(
                    sentence, trig.end(), trig.end() + 12)
                # "to expand their strategic collaboration, with AWS set to become the first cloud": a comma
                # starts a clause of its own.
                if w and w.group(0).lower() in ("with", "between") and "," not in sentence[trig.end():w.start()]:
                    with_at = w.end()
                if with_at is None and re.search(r"\btheir\b", trig.group(0), re.I) and len(subject) < 2 and ms:
                    # "Amazon Web Services and Nvidia used Selipsky's keynote to expand their collaboration":
                    # "their" is the two the sentence opens with.
                    opening = _collapse(_list_after(ms, sentence, ms[0].start, near=0), gazetteer)
                    if 2 <= len(opening) <= 3 and opening[-1].end <= trig.start():
                        subject = opening
            if with_at is not None:
                objects = _collapse(_list_after(vouched if strict else ms, sentence, with_at, near=45), gazetteer)
                # "... with Samsung Electronics, which will ..., and with SK Group": a second object.
                for more in _AND_WITH.finditer(sentence, objects[-1].end if objects else len(sentence)):
                    objects += _collapse(_list_after(vouched if strict else ms, sentence, more.end(), near=45),
                                         gazetteer)
                # "invest $5 billion in a so-called AI Zone": a project, not a party.
                objects = [m for m in objects if m.known or m.cued or not _A_THING.search(sentence, 0, m.start)]
            elif _INNER_OBJECT.search(trig.group(0)):
                # "BBVA expands OpenAI alliance": the partner named between the verb and the deal.
                inner = [m for m in ms if trig.start() < m.start and m.end <= trig.end() and (m.known or m.cued)
                         and not m.surface.endswith(("'s", "’s"))]
                # "Salesforce deepens OpenAI and Anthropic ties": two partners, one verb.
                objects = inner[:1] + [m for prev, m in zip(inner, inner[1:])
                                       if re.fullmatch(r"\s*(?:,|and|&|,\s*and)\s*", sentence[prev.end:m.start])][:2]
                # "Salesforce brings Gemini into Agentforce in expanded Google Cloud pact": the sentence's subject.
                # "Microsoft adds Lambda; OpenAI inks AWS pact": a semicolon starts another story.
                story = sentence.rfind(";", 0, trig.start()) + 1
                subject = [m for m in vouched if story <= m.start and m.end <= trig.start()][:1] if objects else subject
            settled = [m for m in ms if m.end <= trig.start() and _usable(m, True)
                       and _SETTLED.search(sentence, 0, m.start)
                       and re.fullmatch(r"(?:,\s*|,?\s*and\s+)(?:also\s+|will\s+|instead\s+|has\s+|have\s+)*",
                                        sentence[m.end:trig.start()])]
            if len(subject) == 1 and not objects and settled and settled[0] is not ms[0]:
                # "Warner Music settles with Suno, strikes licensing deal": the other side of the settlement is
                # the partner, the one settling the subject.
                subject, objects = [ms[0]], settled[:1]
            if strict and pattern is _JOINT_SUBJECTS and (not subject or (
                    subject[0] is not ms[0]
                    # "Mukesh Ambani also said Reliance and Google Cloud will build": what was said opens anew.
                    # Not "Nvidia said Fujitsu and Qualcomm plan to build CPUs": a company telling of others.
                    and not (re.search(r"\b(?:said|says|announced|added|confirmed)\s+(?:that\s+)?$", sentence[:subject[0].start])
                             and not any(m.known or m.cued for m in ms if m.end <= subject[0].start)))):
                # "Nvidia teams up with Reliance and Tata to build": the makers open the sentence.
                continue
            pairs: list[tuple[str, str]] = []
            if (len(subject) == 2 and all(m.known for m in subject) and objects and not any(m.known for m in objects)
                    and _DEAL_WORD.search(trig.group(0))):
                # "AWS and NVIDIA expand strategic collaboration with DGX Cloud and Project Ceiba": the two
                # named companies are the parties, what follows "with" is what the deal is about.
                objects = []
            if (objects and len(objects) >= 2
                    and re.search(r"\b(?:between|by)\b", sentence[trig.start():with_at or trig.end()], re.I)):
                if len(objects) == 2:
                    pairs = [(objects[0].name, objects[1].name)]
                elif len(objects) == 3 and _ONE_VENTURE.search(sentence, max(0, trig.start() - 30), with_at or trig.end()):
                    pairs = [(a.name, b.name) for a, b in combinations(objects, 2)]
                # "a web of ties between Nvidia, OpenAI, Oracle and CoreWeave": many parties, no one deal.
            elif objects and len(objects) == 1 and re.search(r"\bbetween\b", sentence[trig.start():with_at or trig.end()], re.I):
                # "the first computing deal between the ChatGPT maker and Seattle's cloud giant": the other
                # side is only described.
                pairs = []
            elif objects:
                if not subject and not strict:
                    # "In a partnership with Hugging Face, AWS will ..."
                    # ("... with Elastic and names Exclusive Networks as ...": a second clause, no subject.)
                    later = [m for m in ms if m.start > objects[-1].end and _usable(m, False)
                             and re.search(r",\s*(?:the\s+)?$", sentence[objects[-1].end:m.start])]
                    subject = later[:1]
                if not subject and actor is not None and (_ANAPHOR.search(sentence[:trig.start()])
                                                          or _SUBJECTLESS.fullmatch(sentence[:trig.start()])
                                                          # "..., the software group gave up": a subject of its own.
                                                          or (_DEAL_OPENER.fullmatch(sentence[:trig.start()])
                                                              and not _ANAPHOR.search(sentence, trig.end()))):
                    # "The start-up said it had signed ... with Toyota": the one organisation the headline names.
                    subject = [actor]
                if any(o.name == a.name for a in subject for o in objects):
                    # "Disney will license characters from Disney, Marvel and Pixar to OpenAI": the subject's
                    # own brands, not its partners.
                    objects = []
                if len(objects) >= _MANY or (objects and re.match(r"(?:,\s*[\w.&'’ -]{1,30}?)*,?\s+(?:and|among)\s+others\b",
                                                                   sentence[objects[-1].end:])):
                    # "in partnership with OpenAI, Oracle, Nvidia, Cisco and SoftBank": a group of many, no pairs.
                    subject = []
                if subject:
                    # The nearest subject is the actor; a list before "with" shares the deal.
                    actors = subject if len(subject) <= 2 else []
                    pairs = [(a.name, o.name) for a in actors for o in objects]
                    if actors and 2 <= len(objects) <= 3 and _ONE_VENTURE.search(sentence, max(0, trig.start() - 30), with_at or trig.end()):
                        # "a joint venture with Bosch, Infineon and NXP", "developing together with Google
                        # DeepMind and Disney Research": one venture, so every two of its parties are partners.
                        pairs += [(a.name, b.name) for a, b in combinations(objects, 2)]
            elif 1 <= len(subject) <= 3 and not needs_object and (customer := _customer(sentence, trig.end(), ms)):
                # "Samsung and SK Hynix signed letters of intent to supply memory chips for OpenAI's Stargate":
                # the signers supply the customer; they are not each other's partners.
                pairs = [(a.name, customer.name) for a in subject]
            elif (2 <= len(subject) <= 3 and not _MEMBERS.search(sentence[: subject[0].start])
                  and not (strict and needs_object) and not _object_list(sentence, ms, subject[0])
                  # "Microsoft and Nvidia said they would invest up to $15 billion in the startup": co-investors.
                  and not (_kind_of(trig.group(0), kind) == "investment" and _IN_THE_COMPANY.match(sentence, trig.start()))):
                # "Google Cloud and Hugging Face ink partnership": the parties share the subject.
                pairs = [(a.name, b.name) for a, b in combinations([m for m in subject], 2)]
            elif len(subject) == 1 and not needs_object:
                # "Hugging Face and Microsoft's collaboration" split oddly, or "X signs deal, Y says": no pair.
                pairs = []
            for a, b in pairs:
                if a == b or gazetteer.related(a, b):
                    continue
                if kind == "licensing" and any((gazetteer.get(x) or _NO_ORG).kind == "regulator" for x in (a, b)):
                    continue  # "a combined license from the Nuclear Regulatory Commission": a permit, not a deal
                if any(_GROUP_NAME.search(x) and x not in gazetteer for x in (a, b)):
                    continue  # "Nvidia and telecom heavyweights launch AI-RAN Alliance": a group's name, no party
                key = frozenset((a, b))
                if key in seen:
                    continue
                seen.add(key)
                found.append((a, b, _kind_of(trig.group(0), kind), sentence, trig))
    for listed in _COLON_LIST.finditer(sentence):
        # A deal noun and a colon, then the partners: the one unveiling them before the deal noun.
        vouched = [m for m in ms if m.known or m.cued]
        subject = _list_before(vouched, sentence, listed.start(), far=60)
        objects = _collapse(_list_after(ms, sentence, listed.end(), near=2), gazetteer)
        # The list ends the sentence ("...: Deloitte and Cognizant both announced ..." tells other news).
        if (len(subject) == 1 and objects and len(objects) < _MANY and not _MEMBERS.search(sentence, 0, listed.start())
                and not sentence[objects[-1].end:].strip(" .!")):
            for o in objects:
                key = frozenset((subject[0].name, o.name))
                if key not in seen and subject[0].name != o.name and not gazetteer.related(subject[0].name, o.name):
                    seen.add(key)
                    found.append((subject[0].name, o.name, _kind_of(listed.group(0), "partnership"), sentence, listed))
    for rel in _IN_WHICH.finditer(sentence):
        # "X-energy, in which Amazon is also making a strategic investment": the investor and the company.
        owner = [m for m in ms if m.end <= rel.start() and not sentence[m.end:rel.start()].strip()]
        investor = [m for m in ms if m.start == rel.end()]
        if owner and investor and _usable(owner[0], True) and _usable(investor[0], True) \
                and _INVESTING.match(sentence, investor[0].end) and not gazetteer.related(owner[0].name, investor[0].name):
            key = frozenset((investor[0].name, owner[0].name))
            if key not in seen:
                seen.add(key)
                found.append((investor[0].name, owner[0].name, "investment", sentence, rel))
    for inside in _APP_INSIDE.finditer(sentence):
        # "Instacart launched an app inside ChatGPT": an app in a lab's product is a deal with its maker.
        maker = PRODUCT_MAKERS[inside.group("product")]
        vouched = [m for m in ms if m.known or m.cued]
        subject = _list_before(vouched, sentence, inside.start(), far=120)[-1:] or (
            [actor] if actor is not None and _ANAPHOR.search(sentence, 0, inside.start()) else [])
        if (subject and re.match(r"(?:lands|landed|arrives|arrived|debuts|debuted)\b", inside.group(0))
                and re.search(rf"(?-i:[{UPPER}])[\w-]*(?:\s+\d[\w.]*)?\s+$", sentence[subject[-1].end:inside.start()])):
            # "Salesforce deepens OpenAI, Anthropic ties as Agentforce 360 lands in ChatGPT": what lands is a
            # product, so its maker is the sentence's first party, not the nearest name.
            subject = vouched[:1]
        if subject and maker in gazetteer and not gazetteer.related(subject[0].name, maker):
            key = frozenset((subject[0].name, maker))
            if key not in seen:
                seen.add(key)
                found.append((subject[0].name, maker, "partnership", sentence, inside))
    speaker = _opening_speaker(sentence, ms)
    said = _SAID_ITS.match(sentence, speaker.end) if speaker is not None else None
    if said and speaker is not None and (licensee := [m for m in ms if m.start == said.end()]):
        # "Inflection said in a blog post that Microsoft would license its models": "its" is the speaker's.
        tail = _LICENSES_ITS.match(sentence, licensee[0].end)
        key = frozenset((speaker.name, licensee[0].name))
        if tail and key not in seen and speaker.name != licensee[0].name and _usable(licensee[0], True) \
                and not gazetteer.related(speaker.name, licensee[0].name):
            seen.add(key)
            found.append((speaker.name, licensee[0].name, _kind_of(tail.group(0), "partnership"), sentence, tail))
    for m in ms:
        agreeing = _AGREEING.match(sentence, m.end)
        if not agreeing or not re.search(r",\s+with\s+$", sentence[:m.start]) or not (m.known or m.cued):
            continue
        # "Constellation will bring the reactor back into service, with Microsoft agreeing to buy all of its
        # output": the one agreeing deals with the sentence's subject.
        opener = _opening_speaker(sentence, ms)
        key = frozenset((opener.name, m.name)) if opener is not None else frozenset()
        if (opener is not None and opener.name != m.name and key not in seen and opener.end <= m.start
                and not gazetteer.related(opener.name, m.name)):
            seen.add(key)
            found.append((opener.name, m.name, "partnership", sentence, agreeing))
    together = _BOTH_WILL.search(sentence)
    if together:
        # "Samsung said it would build an AI megafactory with Nvidia ..., and the two companies will co-develop
        # software": the two named before are the two working together.
        before = _collapse([m for m in ms if m.end <= together.start() and (m.known or m.cued)], gazetteer)
        distinct = list(dict.fromkeys(m.name for m in before))
        if len(distinct) == 2 and not gazetteer.related(*distinct) and frozenset(distinct) not in seen:
            seen.add(frozenset(distinct))
            found.append((distinct[0], distinct[1], "collaboration", sentence, together))
    if (not found and _ONE_DEAL.search(sentence) and not re.search(r"\b(?:with|between)\b", sentence, re.I)
            and not _MEMBER_CUE.search(sentence) and not _BACK_REFERENCE.search(sentence)):
        # "Executives at both companies called it a strategic partnership": two parties, one deal word,
        # and no other name around that could be a third party.
        parties = _collapse(list(ms), gazetteer)
        distinct = list(dict.fromkeys(m.name for m in parties))
        if (len(distinct) == 2 and all(m.known or m.cued for m in parties) and not gazetteer.related(*distinct)
                and not any(_GROUP_NAME.search(x) and x not in gazetteer for x in distinct)):
            trig = _ONE_DEAL.search(sentence)
            assert trig is not None
            found.append((distinct[0], distinct[1], _kind_of(trig.group(0), "partnership"), sentence, trig))
    return found


_SETTLED = re.compile(r"\b(?:settle|settles|settled|settling)\b[^.;]{0,60}?\b(?:with|against)\s+(?:[\w-]+\s+){0,4}?$", re.I)
# "Nvidia unveils a string of healthcare tie-ups at JPM: IQVIA, Illumina and Mayo Clinic".
_COLON_LIST = re.compile(rf"\b{_DEAL_NOUN}\b[^:;.]{{0,40}}:\s*", re.I)
_NOUN_PHRASE = r"(?:(?:an?|the)\s+(?:[a-z][\w-]*\s+){0,2}?)?"
_SERVES = re.compile(r"(?:(?!\.\s)[^;])*?\bto\s+(?:supply|provide|sell|deliver)\b[^.;]{0,60}?\b(?:to|for)\s+(?:the\s+)?$",
                     re.I)
_IN_WHICH = re.compile(r",\s+in\s+which\s+")
_APP_INSIDE = re.compile(r"\b(?:(?:an?|its|their|the)\s+(?:[\w-]+\s+){0,3}?(?:app|apps|store|shop|storefront|experience|"
                         r"integration|checkout)\s+(?:in|inside|within|into)|(?:lands|landed|arrives|arrived|debuts|debuted)\s+"
                         r"(?:in|inside))\s+(?P<product>" + "|".join(PRODUCT_MAKERS) + r")\b(?!['’]s)")
_INVESTING = re.compile(r"\s+(?:is|are|will\s+be|will)\s+(?:also\s+)?(?:making|taking|make|take)\s+(?:an?\s+)?"
                        r"(?:[\w$€£.,-]+\s+){0,3}?(?:investment|stake)\b", re.I)
_AGREEING = re.compile(r"\s+(?:agreeing|having\s+agreed|signing\s+on)\s+to\s+(?:buy|purchase|take|use|host|license|licence|"
                       r"rent|lease|supply|provide)\b", re.I)
_BOTH_WILL = re.compile(r"\b(?:the\s+two\s+(?:companies|firms|groups|sides)|both\s+companies)\s+(?:will|would|plan\s+to|"
                        r"plans\s+to|are\s+to|agreed\s+to)\s+(?:also\s+)?(?:jointly\s+)?(?:co-develop|co-design|co-engineer|"
                        r"develop|build|work\s+together|collaborate|co-sell|create)\b|"
                        # "built with Stripe on a new open standard the two companies co-developed".
                        r"\b(?:the\s+two\s+(?:companies|firms)|both\s+companies)\s+(?:jointly\s+)?(?:co-developed|co-designed|"
                        r"co-engineered)\b", re.I)
_CHIP_CODE_AFTER = re.compile(r"\s+(?-i:[A-Z]{1,3})\d{2,4}(?-i:[A-Z]{0,2})s?\b")
# "SEOUL, July 22 (Reuters) - South Korean AI chip startup FuriosaAI said": a dateline, then a description.
_DATELINE_HEAD = re.compile(r"^.*?(?:\s[-–—]{1,2}\s|--\s*)")
_DESCRIPTION_HEAD = re.compile(r"(?:(?:the|a|an)\s+)?(?:(?![\w-]*(?:ed|said|says)\b)[\w-]+\s+){0,5}")


def _opening_speaker(sentence: str, ms: Sequence[Mention]) -> Mention | None:
    """The name a sentence opens with, past its dateline and a few words describing it."""
    for m in ms[:3]:
        if m.start <= 4:
            return m
        head = sentence[:m.start]
        dateline = _DATELINE_HEAD.match(head)
        opening = dateline.end() if dateline else 0
        if _DESCRIPTION_HEAD.fullmatch(head, opening) and not any(o.start >= opening for o in ms if o.start < m.start):
            return m
    return None


_SAID_ITS = re.compile(r"\s+(?:said|says|announced|confirmed)\b(?:\s+(?:in|on)\s+[^,;.]{1,40}?)?\s+(?:that\s+)?(?=[A-Z])")
_LICENSES_ITS = re.compile(r"\s+(?:would|will|is\s+to|has\s+agreed\s+to|agreed\s+to|plans\s+to)\s+(?:license|licence|"
                           r"resell|distribute|offer|integrate|deploy|use)\s+its\b", re.I)


_LAUNCHED = re.compile(r"\b(?:launches|launched|unveils|unveiled|debuts|debuted|releases|released|introduces|introduced|"
                       r"rolls\s+out|rolled\s+out)\s+(?:its\s+|a\s+|an\s+|the\s+|new\s+)*$", re.I)


def _object_list(sentence: str, ms: Sequence[Mention], first: Mention) -> bool:
    """Whether the list ``first`` belongs to follows "with", "to", ...: an earlier verb's objects ("signed
    licensing agreements with Universal, Sony Music and Warner, making it the first to hold deals with ...")."""
    i = next((k for k, m in enumerate(ms) if m.start == first.start), None)
    if i is None:
        return False
    while i > 0 and _JOINER.match(sentence[ms[i - 1].end:ms[i].start]):
        i -= 1
    return re.search(r"\b(?:with|to|from|by|for)\s+(?:the\s+)?$", sentence[:ms[i].start]) is not None


def _customer(sentence: str, start: int, ms: Sequence[Mention]) -> Mention | None:
    """The organisation a deal's signers supply: "... to supply memory chips for OpenAI's data centers"."""
    for m in ms:
        if m.start >= start and (m.known or m.cued):
            return m if _SERVES.fullmatch(sentence, start, m.start) else None
    return None


_SINCE = re.compile(r"\b(?:back\s+to|dating\s+(?:back\s+)?to|as\s+far\s+back\s+as|founded\s+in)\s+(?:the\s+)?$", re.I)
_CONCESSION = re.compile(r"(?:while|although|even\s+as|despite)\s+[^,]{0,100},\s*", re.I)
_AFTER_SIGNING = re.compile(r"\b(?:after|by|upon)\s+(?:signing|striking|inking|sealing|reaching|agreeing|entering)\s+"
                            r"(?:into\s+)?(?:an?\s+|the\s+)?(?:[\w$-]+\s+){0,4}$", re.I)
_SUBORDINATE = re.compile(r"\b(?:after|before|since|when|while|once|until)\s+[^,]*$", re.I)
_MANY = 5  # partners named in one list from this many on are a group, not bilateral deals
_A_THING = re.compile(r"(?:\b(?:a|an)\s+(?:so-called\s+|new\s+)?|\bso-called\s+|\bdubbed\s+)(?:(?-i:[A-Z]{2,4})\s+)?$", re.I)
_ONE_VENTURE = re.compile(r"\b(?:an?\s+|the\s+)(?:[\w-]+\s+){0,2}?joint\s+venture\b(?!s)|\btogether\b|"
                          r"\b(?:three-way|tripartite|trilateral|three-party)\b", re.I)
_UNIT_BETWEEN = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:unit|subsidiary|arm|division|affiliate|venture\s+fund)\s+", re.I)
# "The tie-up is Microsoft's second bet on a model maker after OpenAI": the article's deal, referred back to.
_BACK_REFERENCE = re.compile(rf"\b(?:the|this|that)\s+(?:[\w-]+\s+)?{_DEAL_NOUN}\b", re.I)
# One deal ("called it a strategic partnership"), not deals in general ("to lead alliances").
_ONE_DEAL = re.compile(r"\b(?:[\w-]+\s+){0,2}(?:partnership|deal|agreement|pact|alliance|collaboration|tie-up|"
                       r"memorandum of understanding|MoU|joint venture)\b", re.I)
_DEAL_WORD = re.compile(rf"\b(?:[\w-]+\s+){{0,2}}{_DEAL_NOUN}\b", re.I)
_THE_TWO = re.compile(r"\b(?:between|with)\s+the\s+(?:two|pair)\b|\bboth\s+(?:companies|firms|sides|groups)\b"
                      # "Under an agreement the two companies announced at the show".
                      r"|\b(?:agreement|deal|partnership|pact|alliance)\s+(?:that\s+)?the\s+two\s+(?:companies|firms|groups|sides)\s+"
                      r"(?:announced|signed|struck|unveiled|reached|sealed|inked)\b"
                      # "Beyond the cash, the two companies have signed a collaboration agreement".
                      r"|(?:^|[:;]\s*|^(?-i:[A-Z])[^,;:]{0,40},\s*)the\s+(?:two|pair)\b(?:\s+(?:companies|firms))?\s+(?:will|have|has|are|plan|said|also)\b"
                      r"|^the\s+(?:companies|firms)\s+(?:announced|unveiled|signed|sealed|struck|formed|inked)\b"
                      # "The companies described the launch as an expansion of their partnership".
                      r"|^the\s+(?:two\s+)?(?:companies|firms)\s+(?:described|called|billed|said|framed)\b[^.;]*\btheir\s+"
                      r"(?:[\w-]+\s+){0,2}?(?:partnership|collaboration|alliance|relationship|deal)\b"
                      # "after Nvidia agreed to invest ... and the two companies announced a partnership".
                      r"|\band\s+the\s+(?:two|pair)\s+(?:companies\s+|firms\s+)?(?:announced|unveiled|signed|sealed|"
                      r"struck|formed|inked|agreed|will)\b", re.I)
_TWO_PARTIES = re.compile(r"\bthe\s+two\s+(?:companies|firms|groups|sides)\b", re.I)
# A press release's bullet "Signs co-sell agreement with Google Cloud; adds CDW as reseller": its subject is
# the company the release is from.
# "Through an agreement with OpenAI, Siri will ...": the deal opens the sentence and its subject is the headline's.
_DEAL_OPENER = re.compile(r"\s*(?:through|under|via|thanks\s+to|as\s+part\s+of)\s+(?:an?|the|its|their)\s+"
                          r"(?:(?:new|multi-?year|expanded|broader)\s+)?", re.I)
_SUBJECTLESS = re.compile(r"(?:.*(?:;|:(?!\d)))?\s*(?:also\s+)?")
_DEAL_WITH = re.compile(rf"\b{_DEAL_NOUN}\s+with\s+(?:the\s+)?", re.I)
_RIVAL_OF = re.compile(r"\s+(?:rival|rivals|competitor|competitors|challenger|challengers)\b(?!\s+(?:to|of|for|in)\b)", re.I)
# "Mistral AI, Aleph Alpha's French rival, has signed": after a possessive, a description of another company.
_POSSESSIVE_RIVAL = re.compile(r"(?:\s+(?-i:[A-Za-z])[\w-]*){0,2}?\s+(?:rival|rivals|competitor|competitors|challenger|"
                               r"challengers|peer|peers)\b", re.I)
_MAKERS_GOODS = re.compile(r"\s+(?:models?|chips?|GPUs|processors|accelerators)\b")
# "... after US chipmaker Nvidia announced that it will invest one billion dollars in the Finnish company".
_WITH_DESCRIBED = re.compile(rf"\b(?:(?:{_DEAL_NOUN}|partnered|partners|teamed\s+up|teams\s+up|joined\s+forces|joins\s+forces)"
                             rf"\s+with|(?:invest|invests|invested)\s+(?:[\w$€£.,-]+\s+){{0,4}}?in)"
                             rf"\s+(?:the|its)\s+(?:[\w.'’-]+\s+){{0,3}}?(?:{ORG_NOUNS})\b", re.I)
_JOINT = re.compile(r"\b(?:jointly|together|co-develop\w*|co-design\w*|collaborat\w*|partner\w*)\b", re.I)


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
# "In July, SKT launched ...": a month earlier than the article's own, with no year after it.
# "rewrote their agreement in late October".
_IN_MONTH = re.compile(r"\b(?:in|since|during|back in)\s+(?:(?:early|late|mid)[\s-]+)?(" + "|".join(_MONTHS) + r")\b(?!\s+\d)", re.I)
# "signed a OneGov agreement with OpenAI on Aug. 6": a dated deal more than a week before the article.
_DAY_DATE = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?![\d,.]*\d)"
                       r"(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d\d))?")
_STALE_DAYS = 7
_LAST_MONTH = re.compile(r"\blast\s+(?:" + "|".join(_MONTHS) + r")\b", re.I)
# "Microsoft and Meta are expanding their longstanding partnership": an expansion is news.
_EXPANSION = re.compile(r"\b(?:expand|expands|expanded|expanding|extend|extends|extended|extending|deepen|deepens|"
                        r"deepened|deepening|broaden|broadens|broadened|broadening)\b", re.I)


# "Separately, Meta said it is working with Qualcomm": a second deal the article reports.
# "First, the tech giant signed ... Second, ...": news told as a list of separate moves.
_SEPARATE = re.compile(r"^(?:separately|in a separate (?:\w+\s+)?(?:deal|announcement|statement|release)|also on|"
                       # "At the same event, Tech Mahindra unveiled ... in partnership with Nvidia": news of the day too.
                       r"(?:at|on)\s+the\s+same\s+(?:event|stage|day|conference|summit|show)|"
                       r"additionally|in addition|(?:first|second|third|fourth)(?=,))\b|\bseparately\b|"
                       # "Nvidia also signed separate agreements to supply Samsung Electronics and SK Group".
                       r"\b(?:signed|struck|inked|announced|reached|sealed)\s+(?:a\s+)?separate\s+(?:[\w-]+\s+)?"
                       r"(?:agreements?|deals?|pacts?|contracts?|partnerships?)\b", re.I)


# Asides that describe someone or something else: a relative clause, an "a/an ..." appositive, what
# the deal is subject to, what others make of it, what came before it.  Their words ("a former Google
# executive", "which is already a supplier", "after months of talks") say nothing about the deal itself.
_ASIDES = re.compile(
    r",\s+(?:which|who|whose)\b[^,;]*(?=[,;]|$)"
    r"|,\s+(?:a|an)\s+(?!(?:[\w-]+\s+){0,3}?(?:deal|agreement|partnership|pact|alliance)\b)[^,;()]{0,140}?(?=[,;]|[.!?]?$)"
    r"|,?\s+(?:subject\s+to|in\s+a\s+move|a\s+move\s+that)\b.*$"
    r"|,?\s+after\s+(?:earlier\s+|months\s+of\s+|weeks\s+of\s+|years\s+of\s+|lengthy\s+|media\s+)?"
    r"(?:reports?|talks|negotiations|speculation)\b.*$"
    r"|,?\s+(?:as|while)\s+(?:[\w.-]+\s+){0,3}?(?:regulators?|rivals?|watchdogs?|antitrust|scrutiny|probes?|investigators|lawmakers|"
    r"critics|analysts|investors|lawsuits?)\b.*$"
    r"|,?\s+despite\b.*$|,\s+analysts?\s+(?:say|said|says|note|noted)\b.*$"
    # "the first such deal for a publisher that is still suing OpenAI": a clause describing someone.
    r"|\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:company|firm|start-?up|publisher|newspaper|broadcaster|outlet|studio|label|"
    r"group|maker|developer|rival|lab|bank|insurer|retailer|carrier|operator|provider)\s+that\s+[^,;]*"
    # "While still suing OpenAI, The New York Times licenses its journalism to Amazon".
    r"|^(?:while|although|even\s+as|despite)\s+[^,]{0,100},\s*"
    r"|^(?:(?:months|weeks|days|a\s+year|years)\s+after|after)\s+(?:an?\s+|the\s+|its\s+|their\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:lawsuit|legal\s+(?:fight|battle|dispute)|court\s+(?:fight|battle)|dispute|probe|inquiry|"
    r"investigation|talks)\b[^,]{0,60},\s*", re.I)


def _core(sentence: str) -> str:
    """The sentence without its asides (see ``_ASIDES``)."""
    return _ASIDES.sub("", sentence)


_MARKET_MOVE = re.compile(r"\b(?:move|moves|rally|jump|gain|gains|rise|surge|climb|drop|fall|decline|slide|selloff|sell-off|"
                          r"rebound|spike)\s+$", re.I)
_IN_THE_COMPANY = re.compile(r"[^.;]{0,80}?\b(?:in|into)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:start-?up|company|firm|lab|"
                             r"maker|developer|group)\b", re.I)
_AFTER_CUE = re.compile(r".*\bafter$|(?:follows|followed|on\s+the\s+heels\s+of)\b.*", re.I | re.S)


def _background(sentence: str, published: datetime | None, trigger: str = "") -> bool:
    if _LAST_MONTH.search(sentence):
        return True
    at = sentence.find(trigger) if trigger else -1
    for cue in _BACKGROUND.finditer(sentence):
        # "agreed to set up a joint venture, deepening ties ... two weeks after they announced Stargate": what
        # came before is the background, not the deal told ahead of it.
        if at >= 0 and cue.start() > at + len(trigger) and _AFTER_CUE.fullmatch(cue.group(0)):
            continue
        # "expanded its partnerships with OpenAI and Anthropic, using the keynote to show ... the chatbots people
        # already use": "already" in a later clause says nothing of the deal.
        if (at >= 0 and cue.group(0).casefold() == "already" and cue.start() > at + len(trigger)
                and re.search(r",\s+(?:using|showing|letting|allowing|which|who|where|as|while)\b",
                              sentence[at + len(trigger):cue.start()])):
            continue
        # "Shares rallied ... The move came after Broadcom and OpenAI said": the deal is what the move followed.
        if re.fullmatch(r"(?:come|comes|came)\s+after", cue.group(0), re.I) and _MARKET_MOVE.search(sentence, 0, cue.start()):
            continue
        if not (_EXPANSION.search(sentence) and re.fullmatch(r"(?:long-?standing|existing.*)", cue.group(0), re.I)):
            return True
        break
    if published is not None:
        # "AP's text archive, going back to 1985": a year the deal's subject dates from, not the deal's.
        if any(int(y.group(1)) < published.year and not _SINCE.search(sentence, 0, y.start())
               for y in _YEAR.finditer(sentence)):
            return True
        if any(_days_before(d, published) > _STALE_DAYS for d in _DAY_DATE.finditer(sentence)):
            return True
        return any(_MONTHS.index(m.casefold()) + 1 < published.month for m in _IN_MONTH.findall(sentence))
    return False


# "Energy Northwest, a consortium of public utilities": a party described as one.
# "signs Washington utility consortium": one party that happens to be a consortium.
_DESCRIBED_PARTY = re.compile(r"(?:(?-i:[A-Z])[\w&.-]*,\s+(?:a|an|the)|\b(?:signs|signed|inks|inked|taps|tapped|picks|picked|"
                              r"selects|selected)(?:\s+(?:an?|the))?)\s+(?:[\w-]+\s+){0,2}$|"
                              # "signed agreements with a Washington state utility consortium": one party.
                              r"\b(?:agreements?|deals?|contracts?)\s+with\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}$", re.I)


def _consortium(sentence: str) -> bool:
    # "to bring Claude to 10,000 companies": the customers a deal reaches are no consortium.
    return any(not _AUDIENCE.search(sentence, 0, c.start()) and not _DESCRIBED_PARTY.search(sentence, 0, c.start())
               for c in _CONSORTIUM.finditer(sentence))


def _days_before(date: re.Match[str], published: datetime) -> int:
    """How many days before ``published`` a "Month Day" date lies; a yearless date after it is last year's."""
    month = [m[:3] for m in _MONTHS].index(date.group(1).lower()[:3]) + 1
    year = int(date.group(3)) if date.group(3) else published.year
    try:
        when = published.replace(year=year, month=month, day=int(date.group(2)))
    except ValueError:
        return 0  # "May 45" is no date
    if when > published and not date.group(3):
        when = when.replace(year=year - 1)
    return (published - when).days


_AFTER_BEFORE = re.compile(r"^(?:[\w-]+\s+){0,3}?after\s+[^,;]{1,80},\s*", re.I)
_AFTER_TAIL = re.compile(r",\s*(?:(?:less|more)\s+than\s+|just\s+|only\s+|barely\s+)?(?:a|an|one|two|three|four|five|six|"
                         r"several|a\s+few|\d+)\s+(?:days?|weeks?|months?)\s+after\s+[^;]*$", re.I)
_AMID = re.compile(r"\s+(?:amid|despite|even\s+as)\s+[^,;]*$", re.I)


def _is_negative(sentence: str) -> bool:
    if _consortium(sentence):
        return True
    text = _COMMODITY.sub("supply", _STAKE.sub("stake", sentence))
    if _has_trigger(text[:_AMID.search(text).start()] if _AMID.search(text) else ""):
        # "Perplexity lands Getty Images licensing deal amid publisher lawsuits": the lawsuits are the setting.
        text = text[:_AMID.search(text).start()]
    # "Weeks after merger collapse, Intel and Tower sign foundry pact": what happened before is the setting.
    for clause in (_AFTER_BEFORE, _AFTER_TAIL):
        setting = clause.search(text)
        if setting and _has_trigger(text[:setting.start()] + " " + text[setting.end():]):
            text = text[:setting.start()] + " " + text[setting.end():]
    hits = list(_NEGATIVE.finditer(text))
    # "signed an agreement with the Government of Vietnam ...; separately, the chipmaker said it had acquired
    # VinBrain": a purchase told in its own clause leaves the deal before it alone.
    aside = _SEPARATE_CLAUSE.search(text)
    if aside and _has_trigger(text[:aside.start()]):
        hits = [h for h in hits if h.start() < aside.start() or not _ACQUISITION.fullmatch(h.group(0))]
    if hits and _has_trigger(text):
        # "Warner Music drops Suno lawsuit, signs on as partner": a lawsuit that ends beside a deal is its setting.
        hits = [h for h in hits if not (_LITIGATION.fullmatch(h.group(0)) and any(
            e.end() == h.end() for e in _ENDED_SUIT.finditer(text, max(0, h.start() - 60), h.end())))]
    if not hits:
        return False
    # "buys IBM's QRadar unit and strikes a broad partnership with IBM": the purchase is one clause,
    # the new deal another.
    deal = _NEW_DEAL_CLAUSE.search(text)
    # "keeps suing OpenAI, but signs its first AI licensing deal with Amazon": so is a lawsuit.
    return not (deal and all((_ACQUISITION.fullmatch(h.group(0)) or _LITIGATION.fullmatch(h.group(0)))
                             and h.end() <= deal.start() for h in hits))


# "a deal to buy power from small nuclear reactors": buying a commodity is a supply deal, not a takeover.
_COMMODITY = re.compile(r"\b(?:to\s+buy|buys|bought|buying)\s+(?:the\s+)?(?:[\w$€£.,'’-]+\s+){0,4}?(?:power|electricity|energy|"
                        r"output|capacity|compute|chips|GPUs|processors|servers|equipment|hardware|fuel|gas|LNG|uranium|carbon\s+credits|"
                        # "Schaeffler to buy Agility's Digit humanoids": goods bought, not the company.
                        r"credits|robots|humanoids|vehicles|cars|robotaxis|trucks|drones|satellites|devices|sensors|"
                        r"batteries|components|modules|engines|accelerators)\b"
                        r"(?!\s+(?:business|unit|division|arm|maker|operations|assets)\b)",
                        re.I)
# "Mistral AI hires ex-Salesforce executive": a personnel move says nothing about the deals the story reports.
_PERSONNEL = re.compile(r"\b(?:hires|hired|hiring|(?:appoints|appointed)" + _NOT_A_PARTNER_ROLE
                        + r"|poaches|poached|names\s+new|steps\s+down)\b", re.I)
_ENDED_SUIT = re.compile(r"\b(?:drop|drops|dropped|dropping|end|ends|ended|ending|settle|settles|settled|settling|resolve|"
                         r"resolves|resolved|withdraw|withdraws|withdrew)\s+(?:[\w'’-]+\s+){0,4}?(?:lawsuits?|suits?)", re.I)
_LITIGATION = re.compile(r"lawsuits?|sues?|sued|suing|court|litigation|complaint", re.I)
_ACQUISITION = re.compile(r"acquisition|acquires|acquired|acquire|acquiring|to buy|buys|bought|takeover", re.I)
_RECENT = re.compile(r"\b(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!['’])|\bthis\s+week\b|"
                     r"\b(?:today|yesterday)\b|"
                     # Axios's marker for the item's news: "Driving the news: Vogel said People Inc. has signed ...".
                     r"^\W*Driving\s+the\s+news\b", re.I)
_FRESH_DEAL = re.compile(r"\b(?:an?|the)\s+new\s+(?:[\w-]+\s+){0,2}?(?:deal|partnership|agreement|alliance|collaboration|"
                         r"pact|tie-up)\s+with\b", re.I)
# "The newest name is Allianz. The German insurer said on Friday it has entered a global partnership with
# Anthropic": the description stands for the one company the sentence before named.
_DESCRIBED_START = re.compile(rf"The\s+(?:[\w-]+\s+){{0,2}}?{ORG_NOUNS}\s+(?:said|says|has|had|have|will|announced|"
                              rf"signed|struck|entered|agreed)\b")
_PRONOUN_START = re.compile(r"(?:(?:This|Last|That|Earlier|Later|On|In)\b[^,.;]{0,30}?,?\s+)?it\s+(?:also\s+|has\s+|had\s+)*"
                            r"(?!is\b|was\b|will\s+be\b|would\s+be\b|said\b|says\b)(?-i:[a-z])", re.I)
_PLURAL_DEALS = re.compile(r"\b(?:partnerships|deals|agreements|pacts|collaborations|alliances)\b", re.I)
_THREE_WAY = re.compile(r"\b(?:the|all)\s+three\s+(?:companies|firms|partners|groups|sides|organi[sz]ations)\b|"
                        r"\bthree-way\b|\btripartite\b|\btrilateral\b", re.I)
_SEPARATE_CLAUSE = re.compile(r";\s*(?:separately|meanwhile|in\s+a\s+separate\s+\w+|also)\b", re.I)
_NEW_DEAL_CLAUSE = re.compile(
    r"(?:,\s*(?:but\s+)?|\s+(?:and|but)\s+)(?:is\s+|are\s+|will\s+|would\s+|has\s+|have\s+|also\s+|instead\s+)*(?:(?:strik|struck|forg|sign|form|ink|"
    r"enter|seal|agree)\w*\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,4}?(?:partnership|alliance|agreement|deal|pact|"
    # "has settled its lawsuit against Suno and will instead work with the AI music company".
    r"collaboration)|(?:work|partner|collaborate|team\s+up)\s+(?:together\s+)?with)\b", re.I)


def _short_forms(sentences: Sequence[_Sentence], gazetteer: Gazetteer) -> dict[str, str]:
    """Organisations are named in full once, then shortened: 'Halcyon AI' ... 'Halcyon', 'Reliance
    Industries' ... 'Reliance', 'Compañía Eléctrica del Pacífico' ... 'CEP'."""
    found = [m for s in sentences for m in mentions(s.text, gazetteer)]
    # "Harrowgate Mutual taps Writer" ... "Harrowgate's operations": a headline's party is named in full too.
    headline = [m for m in mentions(sentences[0].text, gazetteer)] if sentences and sentences[0].where == "title" else []
    full = sorted({m.name for m in found if not m.known and m.cued}
                  | {m.name for m in headline if not m.known and len(m.name.split()) > 1}, key=len, reverse=True)
    # A known organisation's short form is only taken when the article names it in full: the
    # gazetteer leaves "Reliance" out because the word alone is too common.
    known = sorted({m.name for m in found if m.known}, key=len, reverse=True)
    first: dict[str, int] = {}
    for n, m in enumerate(found):
        first.setdefault(m.name, n)
    out: dict[str, str] = {}
    for name in full:
        for short in _shortenings(name):
            out.setdefault(short, name)
    # "NBC" in a headline over "NBCUniversal" in the body: an acronym that starts a camel-cased name.
    for name in sorted({m.name for m in found if not m.known}, key=len, reverse=True):
        camel = _CAMEL_ACRONYM.match(name)
        if camel:
            out.setdefault(camel.group(1), name)
    # "Perplexity signs deal with Getty Images": a known company the gazetteer names with "AI" added.
    for name in {m.name for m in found if not m.known and " " not in m.name}:
        known_as = gazetteer.distinguished(name)
        # "Perplexity" beside "Perplexity Pro": the known company, not its product.
        # "Elastic signs ... with AWS" over "Elastic Cloud on AWS": a longer name that comes after the short
        # one is the company's product or unit.
        if known_as and (name not in out or out[name].split()[-1] not in CORPORATE_CUES
                         or first.get(name, 0) < first.get(out[name], 0)):
            out[name] = known_as
    # "Lilly" in a headline, "Eli Lilly" in the body: a known name's last word, found alone.
    alone = {m.name for m in found if not m.known and " " not in m.name}
    for name in known:
        last = name.split()[-1]
        if " " in name and last in alone and last not in CORPORATE_CUES and len(last) >= 4:
            # Not "Lilly TuneLab", a product that starts with the short form.
            if last not in out or (out[last] not in known and out[last].split()[-1] not in CORPORATE_CUES):
                out[last] = name
    candidates: dict[str, set[str]] = {}
    for name in known:
        for short in _shortenings(name):
            candidates.setdefault(short, set()).add(name)
    for short, names in candidates.items():
        # "Tata" with Tata Group and Tata Consultancy Services named: the group, parent of the rest.
        top = [n for n in names if all(o == n or n in gazetteer.ancestors(o) for o in names)]
        # "Perplexity AI ... a subscription to Perplexity Pro": the known company, unless the other name
        # is a company too ("Reliance Intelligence", named first).
        if top and (short not in out or first.get(top[0], 0) < first.get(out[short], 0)
                    or out[short].split()[-1] not in CORPORATE_CUES):
            out[short] = top[0]
    # "Powerchip Semiconductor Manufacturing Corp. (PSMC)": the article defines the short form itself.
    for s in sentences:
        for m in mentions(s.text, gazetteer):
            defined = _DEFINED_SHORT.match(s.text, m.end)
            # "Marvell Technology (MRVL)": so does a known company's ticker.
            if (defined and defined.group(1)[0] == m.name[0] and defined.group(1) != m.name
                    and (not m.known or gazetteer.get(defined.group(1)) is None)):
                out[defined.group(1)] = m.name
    out = {k: v for k, v in out.items() if k not in full or len(k.split()) < len(v.split())}
    # "SLB, formerly Schlumberger": the old name is the same company.
    for s in sentences:
        ms = mentions(s.text, gazetteer)
        for new, old in zip(ms, ms[1:]):
            if _FORMERLY.fullmatch(s.text[new.end:old.start]) and not old.known:
                out[old.name] = out.get(new.name, new.name)
    # "PayPal's checkout, including its Venmo unit": the unit listed beside its parent is the parent's side.
    for s in sentences:
        ms = mentions(s.text, gazetteer)
        for parent, unit in zip(ms, ms[1:]):
            if (not unit.known and parent.name != unit.name and _LISTED_UNIT.search(s.text, 0, unit.start)
                    and _LISTED_UNIT.search(s.text, 0, unit.start).start() >= parent.end
                    and _UNIT_NOUN.match(s.text, unit.end)):
                out[unit.name] = out.get(parent.name, parent.name)
    # "Primary Digital" in the headline, "Primary Digital Infrastructure" in the lead: the longer name in full.
    for name in (n for n in full if " " in n):  # not "Leapmotor" beside its venture "Leapmotor International"
        # Not "Premier League" beside its product "Premier League Companion".
        longer = {m.name for m in found if not m.known and m.name.startswith(name + " ")
                  and len(m.name.split()) - len(name.split()) == 1
                  and m.name.split()[-1] in CORPORATE_CUES | {"Infrastructure"}}
        if len(longer) == 1:
            whole = longer.pop()
            out = {k: (whole if v == name else v) for k, v in out.items()}
            out[name] = whole
    # "CMA CGM and Mistral AI sign ..." then "The CMA CGM Group, a global player ...": one company; "the
    # ... Group" describes it ("Lucid, Nuro and Uber strike deal" ... "by Lucid Group" names it in full).
    text = "\n".join(s.text for s in sentences)
    named = {m.name for m in found}
    for name in full:
        stem = re.sub(r"\s+(?:Group|Holdings)$", "", name)
        if (stem != name and stem in named and first.get(stem, 0) < first.get(name, 0)
                and not re.search(rf"(?<!\bthe )(?<!\bThe ){re.escape(name)}", text)):
            out = {k: (stem if v == name else v) for k, v in out.items() if k != stem}
            out[name] = stem
    # "Mastercard's Agent Pay", "SAP Business Data Cloud": a product named right after its known maker is
    # the maker's side wherever the article names it ("Microsoft will integrate Agent Pay" is a deal with
    # Mastercard).
    products = {m.name for m in found if not m.known and " " in m.name and m.name.split()[-1] in _PRODUCT_TAILS}
    for s in sentences:
        for m in (m for m in mentions(s.text, gazetteer) if m.known):
            for product in products:
                if re.match(rf"\s+{re.escape(product)}\b", s.text[m.end:]):
                    out[product] = out.get(m.name, m.name)
    return out


# A company's own unit is rarely named "... Cloud" or "... Pay" without being in the gazetteer; "... AI" often is.
_PRODUCT_TAILS = frozenset("Cloud Data Analytics Computing Platform Pay Payments Wallet Studio Suite".split())


_LISTED_UNIT = re.compile(r"\b(?:including|and|as\s+well\s+as|plus|along\s+with)\s+its\s+$", re.I)
_UNIT_NOUN = re.compile(r"\s+(?:[\w-]+\s+)?(?:unit|subsidiary|division|arm|brand|business|service)\b", re.I)
_EACH = re.compile(r"\b(?:each(?!\s+other)|separate|separately|respectively|individual)\b", re.I)
_FORMERLY = re.compile(r"\s*(?:,|\()\s*(?:formerly|previously|once|née)(?:\s+(?:known|called)\s+as)?\s+", re.I)
_ARTICLES = frozenset({"The", "A", "An", "Le", "La", "Les", "L'", "El", "Los", "Las", "Il", "Lo", "Die", "Der", "Das", "De", "Het"})
_DEFINED_SHORT = re.compile(r"[\s.,]*(?:(?:Corp|Corporation|Inc|Ltd|Co|Company|LLC|PLC|plc)\.?\s*)?\((?-i:([A-Z][A-Za-z&]{1,8}))\)")
_CAMEL_ACRONYM = re.compile(rf"([{UPPER}]{{2,}})[{UPPER}][a-z]+\S*$")


def _shortenings(name: str) -> list[str]:
    """'Reliance Industries' -> 'Reliance'; 'Compañía Eléctrica del Pacífico' -> 'Compañía', ..., 'CEP'."""
    words = name.split()
    # "Abu Dhabi National Oil Company": "Abu Dhabi" is a place, no short form of the company.
    # "The New York Times": "The" alone is no short form of it, nor "Le" of "Le Monde".
    out = [" ".join(words[:n]) for n in range(1, len(words))
           if not all(w in PLACES or w in DEMONYMS for w in words[:n])
           and not (n == 1 and words[0] in _ARTICLES)]
    if words[0] == "The" and len(words) > 1:
        out.append(" ".join(words[1:]))  # "The Guardian" ... "Guardian signs content deal with OpenAI"
    if len(words) == 1 and re.fullmatch(r"[A-Z][a-z]{3,}AI", name):
        out.append(name[:-2])  # "FuriosaAI" ... "Furiosa"
    initials = "".join(w[0] for w in words if w[0].isupper())
    if len(initials) >= 2 and len(words) >= 2:
        out.append(initials)
    return out


def _unify(m: Mention, aliases: dict[str, str], text: str = "") -> Mention:
    """An organisation's short form -> the full name the article uses elsewhere."""
    if m.known:
        # "Jio Financial, BlackRock form JV" after "Jio Financial Services Ltd" in the text: the known
        # "Jio" starts the longer name, so it is that company.
        tail = _CAP_WORDS.match(text, m.end) if text else None
        if tail:
            words = tail.group(0).split()
            for n in range(len(words), 0, -1):
                key = " ".join([m.surface, *words[:n]]).rstrip(".,")
                if key in aliases and aliases[key] != m.name:
                    return replace(m, name=aliases[key], known=False, cued=True,
                                   end=tail.start() + len(tail.group(0).rstrip(".,")))
        return m
    if m.name not in aliases:
        return m
    return replace(m, name=aliases[m.name], cued=True)


_CAP_WORDS = re.compile(rf"(?:[ \t]+[{UPPER}][\w&-]*){{1,3}}")


def _main_pair(sentences: Sequence[_Sentence], gazetteer: Gazetteer, aliases: dict[str, str]) -> tuple[str, str] | None:
    """The two organisations a headline is about, if it names exactly two (a newsletter's list of
    stories is about none)."""
    if not sentences or sentences[0].where != "title" or _roundup_deal(sentences[0].text):
        return None
    names: list[str] = []
    for m in mentions(sentences[0].text, gazetteer):
        name = _unify(m, aliases, sentences[0].text).name
        # "Google DeepMind's new Gemini Robotics models": a product, however corporate its name sounds.
        # "Perplexity" in a headline over "Perplexity AI" in the text: the short form the article uses for a known company.
        # "Perplexity's assistant": the owner of the product.
        vouched = m.known or ((m.cued or name in gazetteer) and (
            m.surface.endswith(("'s", "’s")) or not re.match(rf"\s+{_PRODUCTS}\b", sentences[0].text[m.end:])))
        # "to deploy Nvidia GB300 systems for Microsoft": the maker of the goods is not the headline's party.
        vouched = vouched and (m.surface.endswith(("'s", "’s")) and not m.known
                               or not re.match(rf"\s+(?:[A-Z0-9][\w-]*\s+){{0,2}}{_PRODUCTS}\b", sentences[0].text[m.end:]))
        head = m.name.split()[0]
        if not vouched and " " in m.name and aliases.get(head, m.name) != m.name:
            # "Airtel hands Perplexity Pro to 360 million users": a product named after its maker names the maker.
            name, vouched = aliases[head], True
        # "BBVA expands OpenAI alliance, will put ChatGPT Enterprise ...": OpenAI's product is OpenAI.
        if vouched and not any(name == n or gazetteer.related(name, n) or _own_thing(name, n) for n in names):
            names.append(name)
        elif vouched and m.known:
            # "Apple Intelligence ... Apple": the company, not its product named after it.
            names = [name if _own_thing(n, name) else n for n in names]
    if len(names) == 2 and not gazetteer.related(*names):
        return names[0], names[1]
    return None


def _title_actor(sentences: Sequence[_Sentence], gazetteer: Gazetteer, aliases: dict[str, str]) -> Mention | None:
    """The organisation a headline is about, if it names exactly one."""
    if not sentences or sentences[0].where != "title":
        return None
    title = sentences[0].text
    body = " ".join(s.text for s in sentences[1:])

    def recurring(m: Mention) -> bool:
        # "Roblox lets Google sell its ads": a name the article keeps using is a company even when nothing
        # marks it as one.
        # "Motorola's new Razr phones": the name without its possessive.
        surface = re.escape(_POSSESSIVE_END.sub("", m.surface))
        return len(re.findall(rf"\b{surface}\b", body)) >= 3

    found = [_unify(m, aliases, title) for m in mentions(title, gazetteer)]
    named = [m for m in found if m.known or m.cued or recurring(m)]
    # "Amazon bets on small reactors: backs X-energy, signs ...": the one organisation the headline opens
    # with, as its sole subject, is who the story is about.
    if (named and named[0].start == 0 and re.match(r"\s+(?-i:[a-z])", title[named[0].end:])
            and (named[0].known or recurring(named[0]))):
        return named[0]
    for group in ([m for m in found if m.known or m.cued], named):
        # "Apple unveils 'Apple Intelligence'": a product named after its maker is the maker's.
        group = [m for m in group if not any(_own_thing(m.name, o.name) for o in group)]
        if len({m.name for m in group}) == 1:
            return group[0]
    return None


def _own_thing(name: str, owner: str) -> bool:
    """'Apple Intelligence' is Apple's own: a name that extends another one's."""
    return name.startswith(owner + " ")


_POSSESSIVE_END = re.compile(r"['’]s$")
_NO_ORG = Organisation(name="")
_COMPANY_AND = re.compile(r"\bthe\s+(?:company|firm|group|start-?up)\s+and\s+", re.I)
_ANALYST_NOTE = re.compile(r"\banalysts?\s+(?:at|with|from|said|say|says|wrote)\b[^.]*\b(?:note|rating|price target|"
                           r"target price|clients)\b|\b(?:note to clients|research note|client note|investor note)\b"
                           # "Brokerage Jefferies has reiterated its 'buy' ratings on Infosys".
                           r"|\b(?:reiterat|maintain|initiat|upgrad|downgrad)\w*\s+(?:its\s+|a\s+|the\s+)?['‘\"“]?(?:buy|sell|hold|"
                           r"overweight|underweight|outperform|underperform|neutral)['’\"”]?\s+ratings?\b", re.I)


_TITLE_ITEMS = re.compile(r"\s*(?:;|:|\||,(?!\d{3})\s*(?:and\s+)?|\s+and\s+the\s+)\s*")
_TITLE_DEAL = re.compile(r"\b(?:signs|inks|strikes|seals|widens|expands|deepens|licenses|licences|partners|teams up|"
                         r"ties up|invests)\b", re.I)


_SEVERAL_DEALS_TITLE = re.compile(r"\b(?:signs|inks|strikes|seals|unveils|announces|lands|secures)\s+(?:two|three|four|five|six|"
                                  r"several|multiple|a\s+string\s+of|a\s+slew\s+of|a\s+raft\s+of)\s+(?:[\w-]+\s+){0,2}?"
                                  r"(?:deals|agreements|partnerships|pacts|contracts|tie-ups)\b", re.I)
_ROUNDUP_TITLE = re.compile(r"\b(?:week in|this week in|the week(?!\s+(?:after|before|of))|weekly|roundup|round-up|round up|brief|briefing|newsletter|digest|recap|"
                            r"the download|what happened|things to know|need to know|what you missed|daily|"
                            r"this morning|today in|top stories|in brief|news wrap|wrap-up|wrapup|live(?=\s*:)|live\s+(?:blog|updates|coverage)|"
                            r"as it happened)\b", re.I)


def _has_trigger(text: str) -> bool:
    return any(pattern.search(text) for pattern, _, _, _ in _ALL_TRIGGERS)


def _roundup_deal(title: str) -> bool:
    """'Snowflake widens Anthropic deal, Crusoe locks in power, and the Siri rumour mill': a newsletter's
    headline lists several stories; a rumour among them does not make the deal in another one a rumour."""
    # "Meta takes 49% stake in Scale AI; Google, OpenAI pull back": two stories joined by a semicolon.
    stories = [item for item in title.split(";") if item.strip()]
    if len(stories) >= 2 and any(not _is_negative(item) and _has_trigger(item) for item in stories):
        return True
    items = [item for item in _TITLE_ITEMS.split(title) if item]
    # "Nvidia signs AI research pact with Vietnam, buys Vingroup's VinBrain": a deal and a purchase, two stories.
    hits = [h.group(0) for item in items for h in _NEGATIVE.finditer(item)]
    if (len(items) == 2 and hits and all(_ACQUISITION.fullmatch(h) for h in hits)
            and any(not _is_negative(item) and _TITLE_DEAL.search(item) for item in items)):
        return True
    # "... as Nvidia, OpenAI, AMD and Oracle deals pile up": a list of names is one story, not several.
    stories = [item for item in items if len(item.split()) >= 3]
    return len(stories) >= 3 and any(
        not _is_negative(item) and (_TITLE_DEAL.search(item) or _DEAL_WORD.search(item)) for item in stories)


_SUPPLY_AS = re.compile(r"\s+(?:to\s+|will\s+|set\s+to\s+)?(?:supply|supplies|ship|ships|sell|sells|deliver|delivers|"
                        r"provide|provides)\b[^;:|]{0,80}?\s(?:as|with)\s+", re.I)
_BUYERS_ACT = re.compile(r"\s+(?:build|sign|deploy|buy|order|join|line\s+up|take|get|set\s+up|roll\s+out|plan|"
                         r"unveil|announce|agree)(?:s)?\b", re.I)


def _buyers_in_title(title: str, ms: Sequence[Mention], actor: Mention | None,
                     body: str) -> list[tuple[str, str, PartnershipKind, str, re.Match[str]]]:
    """'Nvidia to supply 260,000 GPUs to Korea as Samsung, SK, Hyundai and Naver build AI factories': one
    supplier and the buyers the headline lists after it, each a deal the article goes on to tell."""
    if actor is None or not actor.known:
        return []
    supply = _SUPPLY_AS.match(title, actor.end)
    if not supply:
        return []
    buyers = _list_after(ms, title, supply.end(), 2)
    if (len(buyers) < 2 or not all(m.known or m.cued for m in buyers)
            or not _BUYERS_ACT.match(title, buyers[-1].end) or _is_negative(title)):
        return []
    # A buyer the body never names again is the headline's colour, not a deal the article reports.
    return [(actor.name, m.name, "partnership", title, supply) for m in buyers
            if m.name != actor.name and re.search(rf"\b{re.escape(m.surface)}\b", body)]


def _same_pair(pair: tuple[str, str], other: tuple[str, str], gazetteer: Gazetteer) -> bool:
    """(OpenAI, Amazon Web Services) is the headline's (OpenAI, Amazon): a unit stands for its group."""
    def same(x: str, y: str) -> bool:
        return x == y or gazetteer.related(x, y)
    a, b = pair
    return (same(a, other[0]) and same(b, other[1])) or (same(a, other[1]) and same(b, other[0]))
_FUNDING = re.compile(r"series [a-h]|seed round|funding round|round led by|led the round|participation from|co-led", re.I)
_GROUP_NAME = re.compile(r"\s(?:Alliance|Consortium|Coalition|Forum)$")
_PLAN_CLAUSE = re.compile(r",\s+(?:eyes|eyeing|weighs|mulls|considers)\b[^,;]*$", re.I)
_UNVEILED = re.compile(rf"\b(?:signed|inked|struck|sealed|entered\s+into|unveiled|announced|formed|agreed)\s+"
                       rf"(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,4}}?{_DEAL_NOUN}\b|"
                       # "Deutsche Telekom said it has joined forces with Nvidia to build ...".
                       r"\b(?:has|have|had)\s+(?:joined\s+forces|teamed\s+up|partnered)\s+with\b", re.I)
_SIGNED = re.compile(rf"\b(?:signed|inked|struck|sealed|entered\s+into)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,4}}?"
                     rf"{_DEAL_NOUN}\b", re.I)


def extract(article: Article, gazetteer: Gazetteer) -> list[Finding]:
    """The deals one article reports (``new``) or mentions in passing (``mentioned``)."""
    sentences = _sentences(article)
    if not sentences:
        return []
    # "SK Telecom puts $100M into Anthropic, eyes telco-tuned LLM": a plan that names no one is no rumour of the deal.
    plan = _PLAN_CLAUSE.search(sentences[0].text)
    headline = headline_text = sentences[0].text
    if plan and not any(m.known or m.cued for m in mentions(plan.group(0), gazetteer)):
        headline = headline[:plan.start()]
    title_negative = bool(sentences[0].where == "title" and _is_negative(_PERSONNEL.sub("", _core(headline)))
                          and not _roundup_deal(sentences[0].text))
    # "Mistral AI raises 1.7 billion euros in round led by ASML" over "The two companies also signed a
    # collaboration agreement": a deal signed beside a funding round is still a deal.
    # "Morgan Stanley analysts said in a note to clients that AMD's deal ...": an analyst's note throughout.
    opening = next((s for s in sentences if s.where == "lead"), None)
    title_negative = title_negative or bool(opening and _ANALYST_NOTE.search(opening.text))
    funding_title = title_negative and all(_FUNDING.fullmatch(h.group(0)) for h in _NEGATIVE.finditer(sentences[0].text))
    # "FTC orders Microsoft, Amazon ... to explain AI investment deals": a regulator acting, not a deal.
    headline = [m for m in mentions(sentences[0].text, gazetteer) if m.known] if sentences[0].where == "title" else []
    title_negative = title_negative or bool(headline and (gazetteer.get(headline[0].name) or _NO_ORG).kind == "regulator")
    # "The Week in AI", "Morning Brief": a newsletter reports each item's news in the body.
    roundup = bool(sentences[0].where == "title" and _ROUNDUP_TITLE.search(sentences[0].text))
    # "Amazon signs three nuclear agreements, leads X-energy round": each deal the body tells is news.
    roundup = roundup or bool(sentences[0].where == "title" and _SEVERAL_DEALS_TITLE.search(sentences[0].text))
    # "The AI Brief: Walmart checks out in ChatGPT; Nvidia backs Reflection; Musk sues again": a newsletter's
    # headline lists its items, and one item's lawsuit says nothing of the others.
    if roundup and len([item for item in _TITLE_ITEMS.split(sentences[0].text) if item.strip()]) >= 3:
        title_negative = False
    # The headline's words outside the names found in it.
    headline_rest = sentences[0].text if sentences[0].where == "title" else ""
    for m in mentions(headline_rest, gazetteer):
        headline_rest = headline_rest[:m.start] + " " * (m.end - m.start) + headline_rest[m.end:]
    title_orgs: set[str] = set()
    title_vouched = False
    # "Dell leans on Nvidia" over "Also: Hugging Face hub for on-prem models, and a Llama tie-in with Meta":
    # a deck or first paragraph that names more parties announces their deals too.
    first_lead = next((s for s in sentences if s.where == "lead"), None)
    opening_orgs = {m.name for s in sentences if s.where == "deck" or s is first_lead
                    for m in mentions(s.text, gazetteer) if (m.known or m.cued) and not _is_negative(s.text)
                    and not _background(s.text, article.published)}
    # ... and the parties of a deal it tells are the headline's own.
    opening_parties = {name for s in sentences if (s.where == "deck" or s is first_lead)
                       and not _is_negative(s.text) and not _background(s.text, article.published)
                       for a, b, *_ in _pairs_in(s.text, mentions(s.text, gazetteer), gazetteer) for name in (a, b)}
    for heading in (s for s in sentences if s.where in ("title", "deck")):
        for m in mentions(heading.text, gazetteer):
            title_orgs |= {m.name, *gazetteer.ancestors(m.name)}
            title_vouched = title_vouched or m.known or m.cued
    date = article.published
    aliases = _short_forms(sentences, gazetteer)
    main_pair = _main_pair(sentences, gazetteer, aliases)
    title_deal = sentences[0].where == "title" and _has_trigger(headline_text)
    actor = _title_actor(sentences, gazetteer, aliases)
    by_pair: dict[frozenset[str], Finding] = {}
    consortia: list[set[str]] = []
    reporting = [s for s in sentences if s.where in ("lead", "body")]
    reporting_index = {id(s): n for n, s in enumerate(reporting)}
    # "That customer arrived on Thursday." before the deal: the sentence that dates it.
    dated = {id(s) for n, s in enumerate(reporting) if _RECENT.search(s.text) or (
        n > 0 and _RECENT.search(reporting[n - 1].text) and len(reporting[n - 1].text.split()) <= 8
        and not any(m.known or m.cued for m in mentions(reporting[n - 1].text, gazetteer)))}
    # "The three companies said": a deal "with Anthropic and AWS" binds all three.
    three_way = any(_THREE_WAY.search(s.text) for s in sentences)
    # The three organisations a headline opens with, as its subject.
    opening_list = (_collapse(_list_after([_unify(m, aliases, headline_text) for m in mentions(headline_text, gazetteer)],
                                          headline_text, 0, near=0), gazetteer)
                    if sentences[0].where == "title" else [])
    trio = ([m.name for m in opening_list] if len({m.name for m in opening_list}) == 3
            and all(m.known or m.cued for m in opening_list) else [])
    told: set[frozenset[str]] = set()  # pairs found outside the headline
    triangles: list[set[str]] = []
    lead_names: set[str] = set()
    for sentence in sentences:
        # "launched the AI Alliance, a group of more than 50 companies": the aside says it is a consortium,
        # and the headline's "IBM and Meta launch an AI Alliance" is no pair either.
        if _consortium(sentence.text):
            if re.search(r"\b(?:alliance|consortium|coalition|forum|initiative|group\s+of)\b", sentence.text, re.I):
                consortia.append({m.name for m in mentions(sentence.text, gazetteer)})
            continue
        # "Nvidia Strikes $20 Billion Licensing Deal With Groq, Hires Its Top Executives": hiring is no rumour.
        if _is_negative(_PERSONNEL.sub("", _core(sentence.text))):
            continue
        # A deal told inside an aside ("Volkswagen, which invested in Argo in 2020 ...") keeps the aside's cues.
        asides = [m.span() for m in _ASIDES.finditer(sentence.text)]
        negative_aside = bool(asides) and _is_negative(sentence.text)
        ms = [_unify(m, aliases, sentence.text) for m in mentions(sentence.text, gazetteer)]
        # "Abridge ... has been signing larger systems. This week it also announced a collaboration with Mayo
        # Clinic": a clause opened by "it" continues the sentence before, whose opening name it stands for.
        sentence_actor = actor
        at = reporting_index.get(id(sentence), 0)
        if at > 0 and _PRONOUN_START.match(sentence.text):
            before = [_unify(m, aliases, reporting[at - 1].text) for m in mentions(reporting[at - 1].text, gazetteer)]
            if before and before[0].start == 0 and (before[0].known or before[0].cued):
                sentence_actor = before[0]
        elif at > 0 and _DESCRIBED_START.match(sentence.text):
            before = [_unify(m, aliases, reporting[at - 1].text) for m in mentions(reporting[at - 1].text, gazetteer)]
            if len({m.name for m in before}) == 1 and not any(m.start < 40 for m in ms[:1]):
                sentence_actor = replace(before[0], cued=True)
        pairs = (_pairs_in(sentence.text, ms, gazetteer, sentence_actor)
                 if len(ms) >= 2 or (ms and sentence_actor) else [])
        if sentence.where == "title" and not pairs:
            pairs = _buyers_in_title(sentence.text, ms, actor, " ".join(s.text for s in reporting))
        # "the company and Gateway Technical College said they will jointly launch": the headline's other party.
        company_and = _COMPANY_AND.search(sentence.text)
        both = bool(_THE_TWO.search(sentence.text) or (
            main_pair and company_and and any(m.name in main_pair and m.start == company_and.end() for m in ms)))
        # "Instacart on Monday launched an app inside OpenAI's chatbot. ... The companies described the launch as
        # an expansion of their partnership": without a headline pair, the two the opening names.
        both_pair = main_pair or (_opening_pair(reporting[:reporting_index[id(sentence)]], gazetteer, aliases, actor)
                                  if both and not ms and id(sentence) in reporting_index else None)
        if both and roundup and reporting_index.get(id(sentence), 0) > 0:
            # A live blog's "Under the agreement the two companies unveiled" after the entry that names them.
            at = reporting_index[id(sentence)]
            previous = _opening_pair(reporting[at - 1:at], gazetteer, aliases, None, anchored=False)
            if previous and {m.name for m in ms if m.known or m.cued} <= set(previous):
                both_pair = previous
        if (not pairs and both_pair and both
                and (_DEAL_WORD.search(sentence.text) or _JOINT.search(sentence.text))):
            trig = _DEAL_WORD.search(sentence.text) or _JOINT.search(sentence.text)
            assert trig is not None
            pairs = [(*both_pair, _kind_of(trig.group(0), "partnership"), sentence.text, trig)]
        if not pairs and not main_pair and actor is not None and company_and and _DEAL_WORD.search(sentence.text):
            # "On Wednesday the company and LexisNexis unveiled a strategic alliance" under a headline about
            # the company's funding round: the headline's company and the one named with it.
            other = [m for m in ms if m.start == company_and.end() and (m.known or m.cued) and m.name != actor.name]
            trig = _DEAL_WORD.search(sentence.text)
            if other and trig and not gazetteer.related(actor.name, other[0].name):
                pairs = [(actor.name, other[0].name, _kind_of(trig.group(0), "partnership"), sentence.text, trig)]
        named = {m.name for m in ms if m.known or m.cued}
        if not pairs and main_pair and sentence.where in ("deck", "lead") and len(named) == 1 and named <= set(main_pair):
            # Under "SAP Business Data Cloud Debuts, With Databricks Partnership": "At the heart of the launch
            # is a new strategic partnership with Databricks" is the headline's other party's deal.
            party = next(m for m in ms if m.name in named)
            deal = _DEAL_WITH.search(sentence.text, 0, party.start)
            if deal and deal.end() == party.start and not _is_negative(sentence.text):
                other = main_pair[1] if party.name == main_pair[0] else main_pair[0]
                pairs = [(other, party.name, _kind_of(deal.group(0), "partnership"), sentence.text, deal)]
        if (not pairs and main_pair and reporting_index.get(id(sentence), 99) < 3 and named <= set(main_pair)
                and (described := _WITH_DESCRIBED.search(sentence.text))
                and not any(described.start() < m.start < described.end() for m in ms)
                and (_ANAPHOR.search(sentence.text, 0, described.start())
                     or any(m.name in main_pair for m in ms if m.start < described.start()))):
            # Under "Deutsche Telekom's 'AI Phone' puts Perplexity's assistant on the lock screen": "The operator
            # said it had signed a partnership with the San Francisco start-up" names the headline's other party
            # by what it is.
            pairs = [(*main_pair, _kind_of(described.group(0), "partnership"), sentence.text, described)]
        if not pairs and trio and _THREE_WAY.search(sentence.text) and (_DEAL_WORD.search(sentence.text)
                                                                       or _JOINT.search(sentence.text)):
            # "ServiceNow, Hugging Face and Nvidia release StarCoder2" over "The three companies collaborated".
            trig = _THREE_WAY.search(sentence.text)
            assert trig is not None
            pairs = [(x, y, "collaboration", sentence.text, trig) for x, y in combinations(trio, 2)]
        if (main_pair and pairs and _TWO_PARTIES.search(sentence.text) and len({x for p in pairs for x in p[:2]}) > 2
                and not any(_same_pair((p[0], p[1]), main_pair, gazetteer) for p in pairs)):
            # "The publisher of Bild, Welt and Politico said that the two companies will jointly develop ...":
            # two parties, so not the brands listed before, but the headline's pair.
            pairs = [(*main_pair, pairs[0][2], sentence.text, pairs[0][4])]
        listed = {x for p in pairs for x in p[:2]}
        if (len(listed) == 3 and len({frozenset(p[:2]) for p in pairs}) == 3 and _PLURAL_DEALS.search(sentence.text)
                and not _ONE_VENTURE.search(sentence.text)):
            # "Microsoft, NVIDIA and Anthropic announced new strategic partnerships": three names, every pair.
            triangles.append(listed)
        elif sentence.where != "title":
            told.update(frozenset((a, b)) for a, b, *_ in pairs)
        if (not lead_names and reporting_index.get(id(sentence), 99) < 3 and _EACH.search(sentence.text)
                and len({m.name for m in ms}) >= 3):
            lead_names = {m.name for m in ms}
        if three_way and len(pairs) == 2 and pairs[0][4] is pairs[1][4]:
            first_pair, second_pair = {pairs[0][0], pairs[0][1]}, {pairs[1][0], pairs[1][1]}
            if len(first_pair & second_pair) == 1:
                x, y = sorted(first_pair ^ second_pair, key=lambda name: sentence.text.find(name))
                pairs = [*pairs, (x, y, pairs[0][2], pairs[0][3], pairs[0][4])]
        for a, b, kind, evidence, trig in pairs:
            if (trig.re is _ADOPTS and _UNDER_DEAL.match(sentence.text)
                    and not all(x in title_orgs or any(gazetteer.related(x, t) for t in title_orgs) for x in (a, b))):
                # "Under the agreement, IREN will host Nvidia GB300 systems": the terms of the headline's deal
                # name the maker of the gear, not another party.
                continue
            if trig.re is _ADOPTS and any(
                    other.re is not _ADOPTS and other.start() < trig.start() and {x, y} & {a, b}
                    for x, y, _, _, other in pairs):
                # "Lambda taps Microsoft deal worth billions to deploy Nvidia GB300 systems": what the deal told
                # first will use names its gear's maker, not a second deal.
                continue
            prominent = sentence.where in ("title", "deck", "lead")
            # "Aurora Innovation, Continental and Nvidia formed a partnership" under a headline naming Nvidia:
            # every pair of one deal shares its standing.
            # "IREN separately lands $9.7 billion Microsoft contract" as the deck: its parties are the headline's too.
            in_title = any(bool({x, y} & (title_orgs | opening_parties))
                           or any(gazetteer.related(z, t) for z in (x, y) for t in title_orgs)
                           for x, y, _, _, other in pairs if other is trig)
            in_aside = any(start <= trig.start() < end for start, end in asides)
            if in_aside and negative_aside:
                continue
            # "Stability AI, which counts EA and WPP among its partners, said ... in collaboration with UMG":
            # a party named only inside an aside is not a party to a deal told outside it.
            if not in_aside and any(_only_in(name, ms, asides) for name in (a, b)):
                continue
            background = _background(sentence.text if in_aside else _core(sentence.text), date, trig.group(0))
            status = "new"
            signed_anyway = funding_title and _SIGNED.search(sentence.text) is not None
            # "Pouyanne says AI power demand will reshape Europe's gas market" over "On the same stage,
            # TotalEnergies unveiled a strategic partnership with ... Mistral AI": a headline that names no
            # organisation leaves the news to the first paragraphs.
            early_news = (not title_vouched and reporting_index.get(id(sentence), 99) < 4
                          and _UNVEILED.search(sentence.text) is not None)
            # "Deutsche Telekom and Nvidia said on Tuesday they would build ..." deep in an analysis whose
            # headline names no deal: news of the week is news wherever it stands.
            early_news = early_news or (not main_pair and not title_negative and id(sentence) in dated)
            # "Galaxy S24 bets on AI: ..." over "Behind some of the cloud-based features is a new deal with Google.
            # Google Cloud and Samsung said they had agreed a multi-year partnership": a new deal, said so.
            at = reporting_index.get(id(sentence), 0)
            early_news = early_news or (not title_vouched and not title_negative and any(
                _FRESH_DEAL.search(s.text) for s in reporting[max(0, at - 1):at + 1]))
            if (title_negative and not signed_anyway) or background or (not prominent and not in_title
                                                                        and not roundup and not early_news):
                status = "mentioned"
            elif (not prominent and main_pair and not roundup and not _same_pair((a, b), main_pair, gazetteer)
                  # "CoreWeave readies IPO as investors weigh its reliance on Microsoft": a headline that tells no
                  # deal leaves the deal in its second paragraph news.
                  and (title_deal or id(sentence) not in dated)
                  and not _SEPARATE.search(sentence.text)
                  and not (in_title and {a, b} & opening_orgs - title_orgs)
                  # "GitHub opens Copilot to Anthropic and Google models": both parties are the headline's.
                  and not all(x in title_orgs or any(gazetteer.related(x, t) for t in title_orgs) for x in (a, b))
                  # "Brightline Identity, Quarrystone Data and Meridian Threat Labs Form Alliance": a Title Case
                  # headline may name a party the name finder leaves out; it is still the headline's deal.
                  and not any(x not in title_orgs and re.search(rf"\b{re.escape(x)}\b", headline_rest)
                              and ({a, b} - {x}) <= title_orgs for x in (a, b))):
                # The headline names the article's deal; another pair deep in the text is context
                # ("The agreement comes two weeks after Nvidia said it would invest in OpenAI").
                status = "mentioned"
            known = sum(1 for name in (a, b) if name in gazetteer)
            confidence = 0.55 + 0.2 * (sentence.where == "title") + 0.1 * (sentence.where == "lead") + 0.07 * known
            finding = Finding(
                org_a=a, org_b=b, kind=kind, status=status,
                date=date, date_estimated=article.date_estimated,
                what=_what(sentence.text, trig, ms), evidence=sentence.text[:400],
                confidence=round(min(confidence, 0.99), 2),
                article_url=article.url, article_id=article.id, prominent=prominent,
            )
            key = frozenset((a, b))
            old = by_pair.get(key)
            by_pair[key] = finding if old is None else _better(old, finding)
    for key, finding in by_pair.items():
        # Not "OpenAI has agreed to work with Anduril ... amid reports that Anduril and Palantir are in talks with
        # a dozen rivals, including OpenAI, about forming a consortium": a deal told on its own stands.
        if finding.status == "new" and key not in told and any(key <= names for names in consortia):
            by_pair[key] = replace(finding, status="mentioned")
        # "Vox Media and The Atlantic sign on with OpenAI" over "Vox Media and The Atlantic each announced
        # separate partnerships with OpenAI": the first paragraph says the deals are separate, so a
        # headline pair it does not make is the headline's shorthand.
        # ... "NVIDIA and Anthropic are establishing a partnership", "Microsoft and Anthropic are expanding theirs":
        # the pair the body never tells is the headline's shorthand.
        elif (finding.status == "new" and key not in told and not three_way
              and any(key <= t and all(frozenset((name, third)) in told for name in key for third in t - key)
                      for t in triangles)):
            by_pair[key] = replace(finding, status="mentioned")
        elif (finding.status == "new" and key not in told and key <= lead_names and not three_way
              and any(all(frozenset((name, third)) in told for name in key) for third in lead_names - key)):
            by_pair[key] = replace(finding, status="mentioned")
    return _most_specific(list(by_pair.values()), sentences, gazetteer)


def _opening_pair(before: Sequence[_Sentence], gazetteer: Gazetteer, aliases: dict[str, str],
                  actor: Mention | None, anchored: bool = True) -> tuple[str, str] | None:
    """The two organisations the sentences before name, when they name exactly two and one is the headline's
    (or, not ``anchored``, any two)."""
    names: list[str] = []
    for s in before[-3:]:
        # "Nokia has agreed to buy Infinera ... approvals from both sides": two sides of a takeover.
        if _is_negative(_core(s.text)):
            return None
        for m in mentions(s.text, gazetteer):
            m = _unify(m, aliases, s.text)
            if (m.known or m.cued) and m.name not in names:
                names.append(m.name)
    if len(names) == 2 and (not anchored or (actor is not None and actor.name in names)) and not gazetteer.related(*names):
        return names[0], names[1]
    return None


def _only_in(name: str, ms: Sequence[Mention], spans: Sequence[tuple[int, int]]) -> bool:
    named = [m for m in ms if m.name == name]
    return bool(named) and all(any(start <= m.start < end for start, end in spans) for m in named)


# "struck agreements on Friday with Samsung".
_ON_DAY = re.compile(r"\s+(?:(?:on|last|this)\s+[A-Z]\w+|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                     r"today|yesterday))\s+(?:with|between)\b")
_AND_WITH = re.compile(r",?\s+and\s+(?:also\s+)?with\s+", re.I)
_INNER_OBJECT = re.compile(rf"^(?:expand|expands|expanded|extend|extends|extended|deepen|deepens|deepened|renew|renews|"
                           rf"renewed|signs|signed|inks|inked|seals|sealed|strikes|struck)\s+"
                           # "Databricks inks five-year AWS deal".
                           rf"(?:(?-i:[a-z0-9$])[\w$.,-]*\s+){{0,2}}(?-i:[{UPPER}])", re.I)
_ON_PLATFORM = re.compile(r"\b(?:on|via|through|across)\s+$", re.I)


def _most_specific(findings: list[Finding], sentences: Sequence[_Sentence], gazetteer: Gazetteer) -> list[Finding]:
    """'Paguemix commits to Oracle cloud' over a lead that says 'Oracle Cloud Infrastructure': the party
    is the most specific organisation the article's opening names beside the other party."""
    # "to deploy Instinct GPUs on IBM Cloud": a platform something runs on is no party.
    # "Reliance forms AI venture with Meta ...; Jio IPO set for 2026": a headline's items are apart.
    opening_mentions = [[m for m in mentions(part, gazetteer) if not _ON_PLATFORM.search(part, 0, m.start)]
                        for s in sentences if s.where in ("title", "deck", "lead")
                        for part in (re.split(r"\s*[;|]\s*", s.text) if s.where == "title" else [s.text])]
    opening = [[m.name for m in ms] for ms in opening_mentions]
    # "Google's Gemini models" names Gemini's owner, not a party acting.
    acting = [[m.name for m in ms if not m.surface.endswith(("'s", "’s"))] for ms in opening_mentions]
    out: dict[frozenset[str], Finding] = {}
    for f in findings:
        names = [f.org_a, f.org_b]
        for i, name in enumerate(names):
            other = names[1 - i]
            beside = [names_in for names_in in opening if other in names_in]
            below = {n for names_in in beside for n in names_in if n != name and name in gazetteer.ancestors(n)}
            # "Amazon has completed a further investment in Anthropic ... on AWS": the parent acts itself.
            itself = sum(name in names_in for names_in, doers in zip(opening, acting) if other in names_in
                         and name in doers)
            # "SK Group will set up its own AI factory, with SK hynix supplying memory, and will use Nvidia's
            # tools": a sentence that names the parent acting beside its unit tells them apart.
            apart = any(names_in[:1] == [name] and below & set(names_in) and other in names_in
                        for names_in in opening)
            if len(below) == 1 and itself <= 1 and not apart and f.kind != "investment":  # the parent invests itself
                names[i] = below.pop()
        f = replace(f, org_a=names[0], org_b=names[1])
        key = frozenset(names)
        out[key] = f if key not in out else _better(out[key], f)
    return list(out.values())


def _better(old: Finding, new: Finding) -> Finding:
    """Two sentences about one pair: keep the stronger claim, and a 'what' from either."""
    rank = lambda f: (f.status == "new", f.confidence, bool(f.what))  # noqa: E731
    best, other = (new, old) if rank(new) > rank(old) else (old, new)
    if not best.what and other.what:
        best = replace(best, what=other.what)
    return best


@dataclass(frozen=True)
class MergedPartnership:
    partnership: Partnership
    article_ids: tuple[int, ...]


def merge(findings: Iterable[Finding], gazetteer: Gazetteer) -> list[MergedPartnership]:
    """One record per pair across a story's articles.

    'Google' in one outlet and 'Google Cloud' in another are the same party: the
    most specific name wins.  The date is the earliest real (not estimated) one.
    """
    items = list(findings)
    # Each party's counterparts: "Google" becomes "Google Cloud" only where some finding names Google
    # Cloud beside the same counterpart, not because Google Cloud signed something else in the story.
    # "while SK hynix continues to supply memory to Nvidia", told as background, does not rename SK Group's new
    # deal with Nvidia: only new findings name a new deal's parties.
    beside: dict[str, set[str]] = {}
    beside_new: dict[str, set[str]] = {}
    for f in items:
        for side in ((beside, beside_new) if f.status == "new" else (beside,)):
            side.setdefault(f.org_a, set()).add(f.org_b)
            side.setdefault(f.org_b, set()).add(f.org_a)

    # "Amazon will invest up to $4 billion in Anthropic ... named AWS its primary cloud provider": the parent
    # that invests is the party, and its cloud unit's part is part of that deal.
    # An investment told as background does not rename a new deal of the unit's.
    invested = {frozenset((f.org_a, f.org_b)) for f in items if f.kind == "investment" and f.status == "new"}

    def specific(name: str, other: str, new: bool) -> str:
        if frozenset((name, other)) in invested:
            return name
        investor = [a for a in gazetteer.ancestors(name) if frozenset((a, other)) in invested]
        if investor:
            return investor[0]
        pool = beside_new if new else beside
        below = [m for m in pool if m != name and name in gazetteer.ancestors(m) and other in pool[m]]
        if not below:
            return name
        deepest = max(below, key=lambda m: len(gazetteer.ancestors(m)))
        # Only when the names form one chain (Alphabet > Google > Google Cloud), not siblings.
        return deepest if all(m == deepest or m in gazetteer.ancestors(deepest) for m in below) else name

    groups: dict[frozenset[str], list[Finding]] = {}
    for f in items:
        new = f.status == "new"
        groups.setdefault(frozenset((specific(f.org_a, f.org_b, new), specific(f.org_b, f.org_a, new))), []).append(f)
    out = []
    for pair, group in groups.items():
        if len(pair) < 2:
            continue
        a, b = sorted(pair, key=str.casefold)
        status = "new" if any(f.status == "new" for f in group) else "mentioned"
        voters = [f for f in group if f.status == status]
        best = max(voters, key=lambda f: (f.prominent, f.confidence, bool(f.what)))
        what = best.what or next((f.what for f in sorted(voters, key=lambda f: -f.confidence) if f.what), "")
        real_dates = [f.date for f in group if f.date and not f.date_estimated]
        any_dates = [f.date for f in group if f.date]
        date = min(real_dates) if real_dates else (min(any_dates) if any_dates else None)
        kind = best.kind
        outlets = len({f.article_url for f in group})
        confidence = round(min(0.99, max(f.confidence for f in voters) + 0.05 * (outlets - 1)), 2)
        record = Partnership(
            org_a=a, org_b=b, kind=kind, status=status, date=date, what=what, evidence=best.evidence,
            confidence=confidence, article_urls=tuple(dict.fromkeys(f.article_url for f in group)),
        )
        ids = tuple(dict.fromkeys(f.article_id for f in group if f.article_id is not None))
        out.append(MergedPartnership(record, ids))
    out.sort(key=lambda m: (m.partnership.date is None, m.partnership.date or datetime.min), reverse=False)
    return out
