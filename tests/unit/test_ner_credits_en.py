"""Credit lines and picture credits of English wires (pipeline.ner.credits_en). Sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.ner import credits_en
from pipeline.ner.inputs import MODEL, Candidate


def _found(text: str) -> list[tuple[str, str]]:
    return sorted((c.label, text[c.start:c.end]) for c in credits_en.candidates(text, 0, len(text)))


@pytest.mark.parametrize(("text", "found"), [
    ("Output rose. (Reporting by Tadala Mwale in Blantyre; Additional reporting by Wa Lone in Yangon; "
     "Editing by Ana de Souza and Jan Harvey)",
     [("PERSON", "Ana de Souza"), ("PERSON", "Jan Harvey"), ("PERSON", "Tadala Mwale"), ("PERSON", "Wa Lone")]),
    ("Writing by Priya Raman; editing by Kim Coghill, Louise Heavens & Tom Hogue",
     [("PERSON", "Kim Coghill"), ("PERSON", "Louise Heavens"), ("PERSON", "Priya Raman"), ("PERSON", "Tom Hogue")]),
    # not an institution or a picture desk, not a lower-case phrase, not one word
    ("Photos by Getty Images. Reporting by the company's staff. Editing by Reuters.", []),
    ("Reporting by Kestrel Mining staff was thin.", []),
    ("(Reporting by Beijing Newsroom; Editing by Jan Harvey)", [("PERSON", "Jan Harvey")]),  # a desk
    ("Data compiled by Adamas Intelligence show demand rose.", []),  # no credit opens there
    # a wire's assistance credit, opened by a dash on its own line
    ("Output rose.\n-- With assistance from Tadala Mwale and Wa Lone",
     [("PERSON", "Tadala Mwale"), ("PERSON", "Wa Lone")]),
    ("Output rose.\n\u2014With assistance from Ana de Souza", [("PERSON", "Ana de Souza")]),
    ("The survey was done with assistance from Jan Harvey and others.", []),  # in prose: no credit opens there
    # a web page's credit line with a colon, opening a line
    ("By: Lerato Dube\nJOHANNESBURG - Output fell.", [("PERSON", "Lerato Dube")]),
    ("Output fell.\nEdited by: Pieter Olivier", [("PERSON", "Pieter Olivier")]),
    ("Author: Zhang Wei | Mining News", [("PERSON", "Zhang Wei")]),
    ("Output fell, as noted by: Pieter Olivier.", []),  # in prose: no credit opens there
    ("Output rose.\n-- With assistance from Bloomberg Intelligence", []),  # a listed agency's unit, no person
])
def test_a_credit_line_names_persons(text: str, found: list[tuple[str, str]]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Ore is loaded at Port Hedland. REUTERS/Tadala Mwale", [("ORG", "REUTERS"), ("PERSON", "Tadala Mwale")]),
    ("A smelter in Tongling. (Xinhua/Zhou Mingyuan)", [("ORG", "Xinhua"), ("PERSON", "Zhou Mingyuan")]),
    ("A smelter in Tongling. [Photo/Xinhua]", [("ORG", "Xinhua")]),
    ("The pit. [Photo by Zhou Mingyuan/China Daily]", [("ORG", "China Daily"), ("PERSON", "Zhou Mingyuan")]),
    # a slash that credits no one: a fraction, and/or, two ordinary words, a company that is no agency
    ("Sales rose 3/4 percent, and/or fell. The Yes/No Vote. Kestrel/Tadala Mwale", []),
    # a slash between institutions or places in a sentence, or before a company, credits no one
    ("Output at CMOC/Tenke Fungurume rose. UBS/Credit Suisse merged. The DRC/Zambia Copperbelt is rich.", []),
    ("Ore at the port. REUTERS/Tadala Mwale/File Photo", [("ORG", "REUTERS"), ("PERSON", "Tadala Mwale")]),
    # an agency named as a picture desk (… Images) after "Photo:"
    ("Miners at the shaft. (Photo: Kestrel Images/Tadala Mwale)",
     [("ORG", "Kestrel Images"), ("PERSON", "Tadala Mwale")]),
    ("The Images/Sound Archive opened. New Images/Old Sounds", []),  # no name before the desk word
    ("Coal trucks. (Photo: Kestrel Images/Daily Maverick)", [("ORG", "Kestrel Images")]),  # a paper, no person
])
def test_a_picture_credit_names_the_agency_and_its_photographer(text: str, found: list[tuple[str, str]]) -> None:
    assert _found(text) == found


def test_the_credit_word_itself_is_no_name() -> None:
    text = "The pit. [Photo by Zhou Mingyuan/China Daily]"
    photo = Candidate(text.index("Photo"), text.index("Photo") + 5, "PERSON", MODEL, "en")
    name = Candidate(text.index("Zhou"), text.index("Zhou") + 13, "PERSON", MODEL, "en")
    assert credits_en.credit_word(text, photo) and not credits_en.credit_word(text, name)


@pytest.mark.parametrize(("text", "holders"), [
    ("Prices rose.\nCopyright © 2025 KaroMiningWire. All rights reserved.", ["KaroMiningWire"]),
    ("Prices rose.\n© 2023-2025 Veld Media Group", ["Veld Media Group"]),
    ("Prices rose.\n(c) Copperbelt Times, all rights reserved", ["Copperbelt Times"]),
    ("Prices rose © 2025 in the text.", []),  # not a line of its own
])
def test_a_copyright_line_names_its_publisher(text: str, holders: list[str]) -> None:
    assert [text[c.start:c.end] for c in credits_en.copyright_holders(text, 0, len(text))] == holders
