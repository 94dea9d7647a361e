"""Reading what an archive profile requires, and filling a transfer's fixed values from it."""

from __future__ import annotations

import io

import pytest
from lxml import etree

from app.seda.interop.profile_requirements import Requirement, apply_profile, read_requirements, requirements_for
from app.seda.manifest import write_manifest
from app.seda.profiles import ProfileError, load_profile
from app.seda.reader import read_manifest
from tests.conftest import CORPUS, RESIP_SAMPLES

PROFILES = CORPUS / "seda" / "profiles"
MANIFESTS = CORPUS / "seda" / "sip" / "valid" / "manifests"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ALL_RNG = [p for p in sorted(PROFILES.glob("*.rng")) if "BROKEN" not in p.name] + [RESIP_SAMPLES / "profile.rng"]


@pytest.mark.parametrize("path", ALL_RNG, ids=lambda p: p.name)
def test_every_corpus_profile_is_read(path):
    requirements = read_requirements(path)
    assert requirements.version in ("2.1", "2.2")
    assert requirements.header["MessageIdentifier"] == Requirement("MessageIdentifier", 1, 1)
    assert requirements.header["Date"].mandatory
    assert requirements.units, "every corpus profile describes archive units"
    for pattern in requirements.iter_units():
        for path_, requirement in pattern.requirements.items():
            assert requirement.path == path_ and requirement.min >= 0
            assert requirement.max is None or requirement.max >= requirement.min


def test_profil20_requirements():
    requirements = read_requirements(PROFILES / "vitam_Profil20.rng")
    assert requirements.header["Comment"].fixed.startswith("Transfert des enregistrements")
    origin = requirements.management_metadata["OriginatingAgencyIdentifier"]
    assert (origin.min, origin.max, origin.fixed) == (1, 1, "https://demo.logilab.fr/seda/157118")
    assert not requirements.management_metadata["OriginatingAgencyIdentifier/@schemeID"].mandatory
    top = requirements.units[0]
    assert (top.path, top.min, top.max) == ("ArchiveUnit[1]", 1, 1)
    assert top.fixed()["Content/DescriptionLevel"] == "RecordGrp"
    assert top.requirements["Content/Title"] == Requirement("Content/Title", 1, 1)
    keyword = top.requirements["Content/Keyword/KeywordContent"]
    assert keyword.fixed is None and keyword.choices == ("Département", "Organe délibérant")
    level2 = top.children[0]
    assert (level2.path, level2.min, level2.max) == ("ArchiveUnit[1]/ArchiveUnit[1]", 1, None)
    assert level2.fixed()["Content/DescriptionLevel"] == "File"
    assert level2.children[0].fixed()["Content/DescriptionLevel"] == "Item"


def test_pastis_attribute_and_whitespace_of_token_values():
    requirements = read_requirements(PROFILES / "pastis_rngProfile.rng")
    top = requirements.units[0]
    assert top.fixed()[f"Content/Title/@{XML_LANG}"] == "fra"
    # A token value, indented over several lines in the profile, is collapsed as a validator compares it.
    assert top.fixed()["Content/Description"].startswith("Ces documents sont archivés dans le but d'une "
                                                          "conservation des décisions du conseil")
    tags = top.requirements["Content/Tag"]
    assert (tags.min, tags.max) == (2, 2) and set(tags.choices) == {"Organe délibérant", "Conseil d'administration"}


def test_defaults_choices_optional_and_repeats(tmp_path):
    profile = tmp_path / "p.rng"
    profile.write_text("""<grammar xmlns="http://relaxng.org/ns/structure/1.0"
        xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0" ns="fr:gouv:culture:archivesdefrance:seda:v2.2"
        datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
      <start><element name="ArchiveTransfer">
        <element name="Comment" a:defaultValue="Versement"><data type="string"/></element>
        <element name="DataObjectPackage">
          <element name="DescriptiveMetadata"><oneOrMore><element name="ArchiveUnit">
            <attribute name="id"><data type="ID"/></attribute>
            <element name="Content">
              <element name="DescriptionLevel"><choice><value>File</value><value>Item</value></choice></element>
              <element name="Title"><data type="string"/></element>
              <optional><element name="Language"><value>fra</value></element></optional>
              <zeroOrMore><element name="Tag"><text/></element></zeroOrMore>
              <choice><element name="StartDate"><data type="date"/></element>
                      <element name="EndDate"><data type="date"/></element></choice>
            </element>
          </element></oneOrMore></element>
          <element name="ManagementMetadata"><ref name="agency"/></element>
        </element>
      </element></start>
      <define name="agency"><element name="OriginatingAgencyIdentifier"><value>  FRAD  </value></element></define>
    </grammar>""", encoding="utf-8")
    requirements = read_requirements(profile)
    assert requirements.header["Comment"] == Requirement("Comment", 1, 1, default="Versement")
    assert requirements.management_metadata["OriginatingAgencyIdentifier"].fixed == "FRAD"  # token: collapsed
    unit = requirements.units[0]
    assert (unit.min, unit.max) == (1, None)
    reqs = unit.requirements
    assert reqs["@id"].mandatory
    assert reqs["Content/DescriptionLevel"].choices == ("File", "Item")
    assert reqs["Content/Language"] == Requirement("Content/Language", 0, 1, fixed="fra")
    assert (reqs["Content/Tag"].min, reqs["Content/Tag"].max) == (0, None)
    assert not reqs["Content/StartDate"].mandatory and not reqs["Content/EndDate"].mandatory


def test_unusable_profiles_are_refused(tmp_path):
    entities = tmp_path / "entities.rng"
    entities.write_text('<?xml version="1.0"?><!DOCTYPE grammar [<!ENTITY x "y">]>'
                        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="a">'
                        "<text/></element></start></grammar>", encoding="utf-8")
    with pytest.raises(ProfileError, match="DTD"):
        read_requirements(entities)
    with pytest.raises(ProfileError, match="not a valid RelaxNG"):
        read_requirements(PROFILES / "pastis_profile_nok_BROKEN.rng")
    # XSD profiles are read too: tests/interop/test_profile_requirements_xsd.py


def _violations(transfer, profile) -> list:
    out = io.BytesIO()
    write_manifest(transfer, out)
    return load_profile(profile).validate(etree.parse(io.BytesIO(out.getvalue())))


def _strip(element, tag: str) -> None:
    if element is not None:
        element.remove_all(tag)


@pytest.mark.parametrize("manifest, profile", [
    ("seda-2.1_manifest_ok_Profil20.xml", "vitam_Profil20.rng"),
    ("seda-2.1_pastis_manifestOK.xml", "pastis_rngProfile.rng"),
])
def test_apply_profile_restores_what_the_profile_fixes(manifest, profile):
    profile_path = PROFILES / profile
    transfer = read_manifest(MANIFESTS / manifest)
    assert _violations(transfer, profile_path) == []
    requirements = read_requirements(profile_path)
    # Remove values the profile fixes: header, ManagementMetadata and every unit's level.
    fixed_header = [p for p, r in requirements.header.items() if r.fixed and r.min and "/" not in p]
    fixed_mm = [p for p, r in requirements.management_metadata.items() if r.fixed and r.min and "/" not in p]
    assert fixed_header or fixed_mm
    for tag in fixed_header:
        _strip(transfer.header, tag)
    for tag in fixed_mm:
        _strip(transfer.management_metadata, tag)
    for unit in transfer.iter_units():
        _strip(unit.content, "DescriptionLevel")
    assert _violations(transfer, profile_path)

    messages = apply_profile(transfer, requirements)

    assert _violations(transfer, profile_path) == []  # RelaxNG sequences: schema order is checked too
    assert all(unit.level for unit in transfer.iter_units())
    rendered = [m.render() for m in messages]
    assert "fixed value(s) filled" in rendered[0]
    assert not any("match no unit" in text or "differ from the profile" in text for text in rendered), rendered


def test_apply_profile_keeps_other_values_and_reports_them():
    transfer = read_manifest(MANIFESTS / "seda-2.1_manifest_ok_Profil20.xml")
    requirements = read_requirements(PROFILES / "vitam_Profil20.rng")
    transfer.header.find("Comment").text = "Another comment"
    root = transfer.roots[0]
    root.content.find("DescriptionLevel").text = "Fonds"  # contradicts the only top-level unit pattern
    below = root.children[0]
    _strip(below.content, "DescriptionLevel")

    rendered = [m.render() for m in apply_profile(transfer, requirements)]

    assert transfer.header.find("Comment").text == "Another comment"
    assert root.level == "Fonds" and below.level is None  # nothing filled in or below an unmatched unit
    assert any("match no unit of the profile" in text and root.id in text for text in rendered)
    assert any('Comment of ArchiveTransfer is "Another comment"' in text for text in rendered)


def test_optional_elements_are_not_added(tmp_path):
    transfer = read_manifest(MANIFESTS / "seda-2.1_manifest_ok_Profil20.xml")
    requirements = read_requirements(PROFILES / "vitam-itests_profil_ok_PROFIL_TNR_RNG.rng")
    assert not requirements.management_metadata["ArchivalProfile"].mandatory
    _strip(transfer.management_metadata, "ArchivalProfile")
    apply_profile(transfer, requirements)
    assert transfer.management_metadata.find("ArchivalProfile") is None


def _units(transfer) -> dict:
    return {unit.id: unit for unit in transfer.iter_units()}


def test_requirements_for_gives_what_the_units_pattern_requires():
    transfer = read_manifest(MANIFESTS / "seda-2.1_pastis_manifestOK.xml")
    requirements = read_requirements(PROFILES / "pastis_rngProfile.rng")
    units = _units(transfer)
    # "Enregistrement audio" is the pattern whose Management needs an AppraisalRule and an AccessRule.
    audio = requirements_for(requirements, units["ID19"])
    assert audio["Management/AccessRule/Rule"] == Requirement("Management/AccessRule/Rule", 1, 1, fixed="ACC-00020")
    assert audio["Management/AppraisalRule"].mandatory and not audio["Management"].mandatory
    assert audio["Content/Title"].fixed == "Enregistrement audio"
    # "Convocation-OJ" needs a signature whose signer has a name (cardinalities relative to the parent).
    convocation = requirements_for(requirements, units["ID16"])
    assert convocation["Content/Signature"].mandatory and convocation["Content/Signature/Signer/FullName"].mandatory
    assert not convocation["Content/Signature/Signer/Function"].mandatory
    assert not any(path.startswith("Management") for path in convocation)
    # Another pattern of the same level requires neither.
    other = requirements_for(requirements, units["ID25"])
    assert other["Content/Title"].fixed == "Feuille d'émargement-élus"
    assert not any(path.startswith(("Management", "Content/Signature")) for path in other)
    # Two patterns remain for this unit (only one requires a Signature): only what both require is given.
    shared = requirements_for(requirements, units["ID46"])
    assert shared["Content/DescriptionLevel"].fixed == "Item" and "Content/Signature" not in shared


def test_requirements_for_an_unmatched_unit_and_below_it_is_empty():
    transfer = read_manifest(MANIFESTS / "seda-2.1_manifest_ok_Profil20.xml")
    requirements = read_requirements(PROFILES / "vitam_Profil20.rng")
    root = transfer.roots[0]
    below = root.children[0]
    assert requirements_for(requirements, below)["Content/DescriptionLevel"].fixed == "File"
    root.content.find("DescriptionLevel").text = "Fonds"  # contradicts the only top-level unit pattern
    assert requirements_for(requirements, root) == {} and requirements_for(requirements, below) == {}


@pytest.mark.parametrize("manifest, profile", [
    ("seda-2.1_manifest_ok_Profil20.xml", "vitam_Profil20.rng"),
    ("seda-2.1_pastis_manifestOK.xml", "pastis_rngProfile.rng"),
])
def test_apply_profile_and_requirements_for_match_units_alike(manifest, profile):
    transfer = read_manifest(MANIFESTS / manifest)
    requirements = read_requirements(PROFILES / profile)
    units = _units(transfer)
    if "pastis" in manifest:
        # A unit with a second parent is matched through its first one, however the tree is walked: here it is
        # reached first under "Procuration1", whose pattern has no unit below it.
        audio, other = units["ID19"], units["ID96"]
        other.add_child(audio)
        order = [unit.id for unit in transfer.iter_units()]
        assert audio.parents[0] is units["ID10"] and order.index("ID19") < order.index("ID99")  # ID99 follows ID96
    for unit in transfer.iter_units():
        _strip(unit.content, "DescriptionLevel")
    expected = {unit.id: requirements_for(requirements, unit) for unit in transfer.iter_units()}
    assert sum(1 for reqs in expected.values() if reqs) == len(expected), "every unit matches a pattern"

    rendered = [m.render() for m in apply_profile(transfer, requirements)]

    assert not any("match no unit" in text for text in rendered), rendered
    for unit in transfer.iter_units():
        level = expected[unit.id]["Content/DescriptionLevel"]
        assert unit.level == level.fixed, unit.id  # what requirements_for said is what apply_profile filled
        assert requirements_for(requirements, unit) == expected[unit.id]  # filling does not change the match
    if "pastis" in manifest:
        assert units["ID19"].level == "Item"
