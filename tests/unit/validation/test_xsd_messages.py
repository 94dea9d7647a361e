"""libxml2's XSD and RelaxNG diagnostics are explained in words a user reads, and unknown ones kept as they are.

Every pattern is checked against the text libxml2 really produces: small documents are validated here
against the installed SEDA schemas (or a tiny grammar for the facets SEDA does not use).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app.models.messages import Message
from app.seda.schemas import default_store, load_schema
from app.seda.validation import _short, validate
from app.seda.validation.xsd_messages import explain, without_period
from tests.conftest import CORPUS

SEDA = CORPUS / "seda"
NS = "fr:gouv:culture:archivesdefrance:seda:v2.3"
MANIFEST = (
    '<ArchiveTransfer xmlns="{ns}"><Date>2024-01-01T00:00:00</Date><MessageIdentifier>M1</MessageIdentifier>'
    "<ArchivalAgreement>AA</ArchivalAgreement><CodeListVersions/><DataObjectPackage>{objects}"
    "<DescriptiveMetadata>{units}</DescriptiveMetadata><ManagementMetadata>{management}</ManagementMetadata>"
    "</DataObjectPackage><ArchivalAgency>{agency}</ArchivalAgency>"
    "<TransferringAgency><Identifier>B</Identifier></TransferringAgency></ArchiveTransfer>")
UNIT = '<ArchiveUnit id="AU1"><Content><DescriptionLevel>Item</DescriptionLevel><Title>T</Title>{content}</Content>' \
       "{after}</ArchiveUnit>"
PHYSICAL = ('<DataObjectGroup id="G1"><PhysicalDataObject id="{id}"><DataObjectVersion>PhysicalMaster_1'
            "</DataObjectVersion><PhysicalDimensions>{dimensions}</PhysicalDimensions></PhysicalDataObject>"
            "</DataObjectGroup>")
RAW_PHRASES = ("This element is not expected", "of the atomic type", "of the union type", "of the list type",
               "of the local", "Missing child element",
               "[facet", "failed to validate", "Did not expect", "Element '")


def manifest(*, content: str = "", after: str = "", units: str | None = None, objects: str = "",
             management: str = "<OriginatingAgencyIdentifier>X</OriginatingAgencyIdentifier>",
             agency: str = "<Identifier>A</Identifier>") -> str:
    units = UNIT.format(content=content, after=after) if units is None else units
    return MANIFEST.format(ns=NS, objects=objects, units=units, management=management, agency=agency)


def seda_errors(text: str) -> list[str]:
    """libxml2's messages for *text* against the installed SEDA 2.3 schema, SEDA namespace removed."""
    schema = load_schema("2.3", str(default_store()))
    assert not schema.validate(etree.ElementTree(etree.fromstring(text.encode())))
    return [_short(entry.message) for entry in schema.error_log]


def explained(raw: str) -> Message:
    result = explain(raw)
    assert isinstance(result, Message) and result.context == "xsd", raw
    rendered = result.render()
    assert not any(phrase in rendered for phrase in RAW_PHRASES), rendered
    return result


def test_the_minimal_manifest_is_valid() -> None:
    schema = load_schema("2.3", str(default_store()))
    assert schema.validate(etree.ElementTree(etree.fromstring(manifest().encode()))), schema.error_log


SEDA_CASES = {
    "not-expected-one-of": (
        dict(content="<Signature/>"),
        "Element 'Signature': This element is not expected. Expected is one of ( Title, FilePlanPosition, ",
        "The element <Signature> is not expected here; possible elements: Title, FilePlanPosition, SystemId, "
        "OriginatingSystemId, ArchivalAgencyArchiveUnitIdentifier, OriginatingAgencyArchiveUnitIdentifier, "
        "TransferringAgencyArchiveUnitIdentifier, Description, CustodialHistory, Type, \u2026."),
    "not-expected-one": (
        dict(content="<Keyword><Foo/></Keyword>"),
        "Element 'Foo': This element is not expected. Expected is ( KeywordContent ).",
        "The element <Foo> is not expected here; the element expected at this place is <KeywordContent>."),
    "not-expected-short-list": (
        dict(content="<Gps/><Extent/>"),
        "Element 'Extent': This element is not expected. Expected is one of ( OriginatingSystemIdReplyTo, ",
        "The element <Extent> is not expected here; possible elements: OriginatingSystemIdReplyTo, TextContent, "
        "PersistentIdentifier."),
    "not-expected-nothing": (
        dict(after="<Foo/>"),
        "Element 'Foo': This element is not expected.",
        "The element <Foo> is not expected here."),
    "missing-child-one-of": (
        dict(units='<ArchiveUnit id="AU1"/>'),
        "Element 'ArchiveUnit': Missing child element(s). Expected is one of ( ArchiveUnitProfile, ",
        "An element is missing in <ArchiveUnit>; possible elements: ArchiveUnitProfile, ArchiveUnitRefId, "
        "Management, Content."),
    "missing-child": (
        dict(content="<Keyword/>"),
        "Element 'Keyword': Missing child element(s). Expected is ( KeywordContent ).",
        "The element <KeywordContent> is missing in <Keyword>."),
    "union-type": (
        dict(content="<StartDate>31/12/2020</StartDate>"),
        "Element 'StartDate': '31/12/2020' is not a valid value of the union type 'DateType'.",
        "\u201c31/12/2020\u201d is not a valid value of <StartDate> (type DateType); expected: a date (2020-12-31), "
        "a month (2020-12), a year (2020) or a date and time (2020-12-31T10:00:00)."),
    "atomic-type": (
        dict(management="<OriginatingAgencyIdentifier>X</OriginatingAgencyIdentifier>"
                        "<NeedAuthorization>oui</NeedAuthorization>"),
        "Element 'NeedAuthorization': 'oui' is not a valid value of the atomic type 'xs:boolean'.",
        "\u201coui\u201d is not a valid value of <NeedAuthorization> (type xs:boolean); expected: true or false."),
    "decimal-with-comma": (
        dict(objects=PHYSICAL.format(id="P1", dimensions='<Width unit="centimetre">12,5</Width>')),
        "Element 'Width': '12,5' is not a valid value of the atomic type 'xs:decimal'.",
        "\u201c12,5\u201d is not a valid value of <Width> (type xs:decimal); expected: a number such as 12.5 (with a "
        "decimal point, without unit)."),
    "local-union-type-of-an-attribute": (
        dict(content='<Description xml:lang="fran\u00e7ais">d</Description>'),
        "Element 'Description', attribute '{http://www.w3.org/XML/1998/namespace}lang': 'fran\u00e7ais' is not a "
        "valid value of the local union type.",
        "\u201cfran\u00e7ais\u201d is not a valid value of the attribute xml:lang of <Description> (type defined in "
        "the schema); expected: a language code such as fr or fr-FR."),
    "empty-value": (
        dict(after="<DataObjectReference><DataObjectGroupReferenceId></DataObjectGroupReferenceId>"
                   "</DataObjectReference>"),
        "Element 'DataObjectGroupReferenceId': '' is not a valid value of the atomic type 'GroupRefIdType'.",
        "Empty value for <DataObjectGroupReferenceId>; a value of type GroupRefIdType is expected."),
    "badly-formed-id": (
        dict(units='<ArchiveUnit id="1AU"><Content><Title>T</Title></Content></ArchiveUnit>'),
        "Element 'ArchiveUnit', attribute 'id': '1AU' is not a valid value of the atomic type 'ArchiveUnitIdType'.",
        "\u201c1AU\u201d is not a valid value of the attribute id of <ArchiveUnit> (type ArchiveUnitIdType); "
        "expected: an identifier that starts with a letter or \u201c_\u201d and has no space or \u201c:\u201d (for "
        "example ID12)."),
    "duplicate-id": (
        dict(units='<ArchiveUnit id="AU1"><Content><Title>T</Title></Content></ArchiveUnit>',
             objects=PHYSICAL.format(id="AU1", dimensions="")),
        "Element 'ArchiveUnit', attribute 'id': 'AU1' is not a valid value of the atomic type 'ArchiveUnitIdType'.",
        "The identifier \u201cAU1\u201d of <ArchiveUnit> is already used by another element of the manifest; each "
        "identifier must be unique."),
    "enumeration": (
        dict(units='<ArchiveUnit id="AU1"><Content><DescriptionLevel>Dossier</DescriptionLevel><Title>T</Title>'
                   "</Content></ArchiveUnit>"),
        "Element 'DescriptionLevel': [facet 'enumeration'] The value 'Dossier' is not an element of the set "
        "{'Fonds', 'Subfonds', ",
        "\u201cDossier\u201d is not an allowed value of <DescriptionLevel>; allowed values: Fonds, Subfonds, Class, "
        "Collection, Series, Subseries, RecordGrp, SubGrp, File, Item, OtherLevel."),
    "enumeration-of-an-attribute": (
        dict(objects=PHYSICAL.format(id="P1", dimensions='<Width unit="cm">12</Width>')),
        "Element 'Width', attribute 'unit': [facet 'enumeration'] The value 'cm' is not an element of the set {",
        "\u201ccm\u201d is not an allowed value of the attribute unit of <Width>; allowed values: micrometre, 4H, "
        "millimetre, MMT, centimetre, CMT, metre, inch, INH, foot, FOT."),
    "min-length-empty": (
        dict(content="<FilePlanPosition></FilePlanPosition>"),
        "Element 'FilePlanPosition': [facet 'minLength'] The value has a length of '0'; this underruns the allowed "
        "minimum length of '1'.",
        "<FilePlanPosition> must not be empty."),
    "attribute-not-allowed": (
        dict(units='<ArchiveUnit id="AU1" foo="x"><Content><Title>T</Title></Content></ArchiveUnit>'),
        "Element 'ArchiveUnit', attribute 'foo': The attribute 'foo' is not allowed.",
        "The attribute foo is not allowed on <ArchiveUnit>."),
    "attribute-missing": (
        dict(units="<ArchiveUnit><Content><Title>T</Title></Content></ArchiveUnit>"),
        "Element 'ArchiveUnit': The attribute 'id' is required but missing.",
        "The required attribute id is missing on <ArchiveUnit>."),
    "text-in-element-only": (
        dict(units='<ArchiveUnit id="AU1">hello<Content><Title>T</Title></Content></ArchiveUnit>'),
        "Element 'ArchiveUnit': Character content other than whitespace is not allowed because the content type "
        "is 'element-only'.",
        "<ArchiveUnit> may only contain elements, not text."),
    "element-in-simple-type": (
        dict(units='<ArchiveUnit id="AU1"><Content><Title>T<b>x</b></Title></Content></ArchiveUnit>'),
        "Element 'Title': Element content is not allowed, because the content type is a simple type definition.",
        "<Title> may only contain a value, not child elements."),
}


@pytest.mark.parametrize("case", SEDA_CASES, ids=str)
def test_seda_schema_messages(case: str) -> None:
    mutation, raw, english = SEDA_CASES[case]
    [message] = seda_errors(manifest(**mutation))
    assert message.startswith(raw), message
    result = explained(message)
    assert result.render() == english


def test_a_single_missing_element_and_nothing_expected() -> None:
    [message] = seda_errors(manifest(agency=""))
    assert message == "Element 'ArchivalAgency': Missing child element(s). Expected is ( Identifier )."
    assert explained(message).render() == "The element <Identifier> is missing in <ArchivalAgency>."
    physical = PHYSICAL.format(id="P1", dimensions="").replace("</PhysicalDimensions>", "</PhysicalDimensions><X/>")
    [message] = seda_errors(manifest(objects=physical))
    assert message == "Element 'X': This element is not expected."
    assert explained(message).render() == "The element <X> is not expected here."


def test_an_unknown_root() -> None:
    [message] = seda_errors(f'<DataObjectPackage xmlns="{NS}"/>')
    assert message == "Element 'DataObjectPackage': No matching global declaration available for the validation root."
    assert explained(message).render() == ("The root element <DataObjectPackage> is not declared by the schema; a "
                                           "SEDA transfer manifest starts with <ArchiveTransfer>.")


def test_the_namespace_is_removed_even_when_not_shortened() -> None:
    [raw] = seda_errors(manifest(content="<Keyword/>"))
    long = raw.replace("'Keyword'", f"'{{{NS}}}Keyword'").replace("( KeywordContent", f"( {{{NS}}}KeywordContent")
    assert explained(long).render() == "The element <KeywordContent> is missing in <Keyword>."


def test_vitam_extensions_expected_in_another_namespace() -> None:
    with zipfile.ZipFile(SEDA / "sip/invalid/vitam-extensions/sip_all_metadata_with_custodialhistoryfile.zip") as zf:
        data = zf.read("manifest.xml")
    schema = load_schema("2.3", str(default_store()))
    assert not schema.validate(etree.ElementTree(etree.fromstring(data)))
    messages = [_short(e.message) for e in schema.error_log]
    wildcards = [m for m in messages if "##other" in m]
    assert "Element 'Dimensions': This element is not expected. Expected is ( ##other* )." in wildcards
    assert explained(wildcards[0]).render() == ("The element <Lenght> is not expected here: only elements of another "
                                                "namespace (extensions) are allowed at this place.")
    assert all(isinstance(explain(m), Message) for m in wildcards)
    abstract = next(m for m in messages if "abstract" in m)
    assert explained(abstract).render() == ("<Extended> has an abstract type: the official schema requires a concrete "
                                            "type for it (xsi:type).")


FACETS_XSD = b"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t"
 elementFormDefault="qualified">
<xs:simpleType name="Code"><xs:restriction base="xs:string"><xs:pattern value="[A-Z]{3}"/></xs:restriction>
</xs:simpleType>
<xs:simpleType name="Ints"><xs:list itemType="xs:integer"/></xs:simpleType>
<xs:element name="r"><xs:complexType><xs:sequence>
 <xs:element name="code" type="Code" minOccurs="0"/>
 <xs:element name="short" minOccurs="0"><xs:simpleType><xs:restriction base="xs:string"><xs:maxLength value="3"/>
  </xs:restriction></xs:simpleType></xs:element>
 <xs:element name="long" minOccurs="0"><xs:simpleType><xs:restriction base="xs:string"><xs:minLength value="3"/>
  </xs:restriction></xs:simpleType></xs:element>
 <xs:element name="exact" minOccurs="0"><xs:simpleType><xs:restriction base="xs:string"><xs:length value="2"/>
  </xs:restriction></xs:simpleType></xs:element>
 <xs:element name="inc" minOccurs="0" maxOccurs="2"><xs:simpleType><xs:restriction base="xs:integer">
  <xs:minInclusive value="0"/><xs:maxInclusive value="100"/></xs:restriction></xs:simpleType></xs:element>
 <xs:element name="exc" minOccurs="0" maxOccurs="2"><xs:simpleType><xs:restriction base="xs:integer">
  <xs:minExclusive value="0"/><xs:maxExclusive value="100"/></xs:restriction></xs:simpleType></xs:element>
 <xs:element name="dig" minOccurs="0" maxOccurs="2"><xs:simpleType><xs:restriction base="xs:decimal">
  <xs:totalDigits value="3"/><xs:fractionDigits value="1"/></xs:restriction></xs:simpleType></xs:element>
 <xs:element name="ints" type="Ints" minOccurs="0"/>
 <xs:element name="empty" minOccurs="0"><xs:complexType><xs:attribute name="a" type="xs:integer" fixed="3"/>
  </xs:complexType></xs:element>
</xs:sequence></xs:complexType></xs:element>
</xs:schema>"""
FACET_CASES = [
    ("<code>abcd</code>", "Element '{urn:t}code': [facet 'pattern'] The value 'abcd' is not accepted by the pattern "
     "'[A-Z]{3}'.", "\u201cabcd\u201d does not have the form required for <{urn:t}code> (pattern [A-Z]{3})."),
    ("<short>abcd</short>", "Element '{urn:t}short': [facet 'maxLength'] The value has a length of '4'; this exceeds "
     "the allowed maximum length of '3'.", "The value of <{urn:t}short> is too long (length 4, maximum 3)."),
    ("<long>ab</long>", "Element '{urn:t}long': [facet 'minLength'] The value has a length of '2'; this underruns "
     "the allowed minimum length of '3'.", "The value of <{urn:t}long> is too short (length 2, minimum 3)."),
    ("<exact>abc</exact>", "Element '{urn:t}exact': [facet 'length'] The value has a length of '3'; this differs "
     "from the allowed length of '2'.",
     "The value of <{urn:t}exact> does not have the required length (length 3 instead of 2)."),
    ("<inc>-1</inc>", "Element '{urn:t}inc': [facet 'minInclusive'] The value '-1' is less than the minimum value "
     "allowed ('0').", "\u201c-1\u201d is below the minimum allowed for <{urn:t}inc> (0)."),
    ("<inc>101</inc>", "Element '{urn:t}inc': [facet 'maxInclusive'] The value '101' is greater than the maximum "
     "value allowed ('100').", "\u201c101\u201d is above the maximum allowed for <{urn:t}inc> (100)."),
    ("<exc>0</exc>", "Element '{urn:t}exc': [facet 'minExclusive'] The value '0' must be greater than '0'.",
     "\u201c0\u201d must be greater than 0 for <{urn:t}exc>."),
    ("<exc>100</exc>", "Element '{urn:t}exc': [facet 'maxExclusive'] The value '100' must be less than '100'.",
     "\u201c100\u201d must be less than 100 for <{urn:t}exc>."),
    ("<dig>1234</dig>", "Element '{urn:t}dig': [facet 'totalDigits'] The value '1234' has more digits than are "
     "allowed ('3').", "\u201c1234\u201d has too many digits for <{urn:t}dig> (at most 3)."),
    ("<dig>1.25</dig>", "Element '{urn:t}dig': [facet 'fractionDigits'] The value '1.25' has more fractional digits "
     "than are allowed ('1').", "\u201c1.25\u201d has too many decimal places for <{urn:t}dig> (at most 1)."),
    ("<ints>1 a</ints>", "Element '{urn:t}ints': '1 a' is not a valid value of the list type '{urn:t}Ints'.",
     "\u201c1 a\u201d is not a valid value of <{urn:t}ints> (type {urn:t}Ints)."),
    ("<empty>x</empty>", "Element '{urn:t}empty': Character content is not allowed, because the content type is "
     "empty.", "<{urn:t}empty> must be empty."),
    ('<empty a="4"/>', "Element '{urn:t}empty', attribute 'a': The value '4' does not match the fixed value "
     "constraint '3'.", "the attribute a of <{urn:t}empty> must have the value \u201c3\u201d, not \u201c4\u201d."),
]


@pytest.mark.parametrize(("body", "raw", "english"), FACET_CASES, ids=[c[0] for c in FACET_CASES])
def test_facets_seda_does_not_use(body: str, raw: str, english: str) -> None:
    schema = etree.XMLSchema(etree.fromstring(FACETS_XSD))
    assert not schema.validate(etree.fromstring(f'<r xmlns="urn:t">{body}</r>'.encode()))
    messages = [entry.message for entry in schema.error_log]
    assert raw in messages, messages
    assert explained(raw).render() == english


RNG = b"""<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:t"
 datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"><start><element name="r">
  <optional><attribute name="lang"><value>fr</value></attribute></optional>
  <element name="Title"><value type="string">Versement</value></element>
  <optional><element name="Level"><choice><value>Item</value><value>File</value></choice></element></optional>
  <optional><element name="Date"><data type="date"/></element></optional>
  <optional><element name="Number"><data type="integer"/></element></optional>
  <optional><element name="Code"><data type="token"><param name="pattern">[A-Z]{3}</param></data></element></optional>
  <optional><element name="Empty"><empty/></element></optional>
  <optional><element name="Ids"><list><oneOrMore><data type="integer"/></oneOrMore></list></element></optional>
  <optional><element name="Group"><interleave><element name="A"><text/></element><element name="B"><text/></element>
   </interleave></element></optional>
  <zeroOrMore><element name="Part"><attribute name="id"><data type="ID"/></attribute></element></zeroOrMore>
  <element name="Last"><text/></element>
</element></start></grammar>"""
TITLE = "<Title>Versement</Title>"
RNG_CASES = [
    (TITLE + "<Foo/><Last/>", "", "Did not expect element Foo there", "The element <Foo> is not expected here"),
    (TITLE, "", "Expecting an element , got nothing", "A required element is missing here"),
    (TITLE + "<Group><A/></Group><Last/>", "", "Expecting an element B, got nothing", "The element <B> is missing"),
    ("<Title>Autre</Title><Last/>", "", "Element Title failed to validate content",
     "The value or the child elements of <Title> are not the expected ones"),
    ("<Title>Autre</Title><Last/>", "", "Error validating value string",
     "The value is not one of the allowed values (type string)"),
    (TITLE + "<Level>Dossier</Level><Last/>", "", "Error validating value ",
     "The value is not one of the allowed values"),
    (TITLE + "<Date>31/12/2020</Date><Last/>", "", "Type date doesn't allow value '31/12/2020'",
     "\u201c31/12/2020\u201d is not a valid value of type date; expected: a date such as 2020-12-31"),
    (TITLE + "<Number></Number><Last/>", "", "Type integer doesn't allow value ''",
     "Empty value; a value of type integer is expected"),
    (TITLE + "<Code>abcd</Code><Last/>", "", "Error validating datatype token",
     "The value does not meet the constraints of the type token (form, length or limits)"),
    (TITLE + "<Empty>x</Empty><Last/>", "", "Did not expect text in element Empty content",
     "<Empty> must not contain text"),
    (TITLE + "<Ids>1 a</Ids><Last/>", "", "Extra data in list: a", "One value too many in the list: \u201ca\u201d"),
    (TITLE + "<Ids>1 a</Ids><Last/>", "", "Error validating list", "The list of values is not valid"),
    (TITLE + "<Group><A/></Group><Last/>", "", "Invalid sequence in interleave",
     "The elements of this group are not the expected ones (missing or one too many)"),
    (TITLE + "<Last/>", 'foo="1"', "Invalid attribute foo for element r",
     "The attribute foo is not allowed on <r>, or its value is not allowed"),
    (TITLE + '<Part id="x"/><Part id="x"/><Last/>', "", "ID x redefined",
     "The identifier \u201cx\u201d is already used by another element"),
    (TITLE + '<Part id="x"/><Part id="x"/><Last/>', "", "Element Part failed to validate attributes",
     "The attributes of <Part> are not the expected ones (an attribute is missing, unknown or has a value that is "
     "not allowed)"),
]


def _rng_messages(body: str, attributes: str = "", grammar: bytes = RNG, namespace: str = "urn:t") -> list[str]:
    relaxng = etree.RelaxNG(etree.fromstring(grammar))
    assert not relaxng.validate(etree.fromstring(f'<r xmlns="{namespace}" {attributes}>{body}</r>'.encode()))
    return [entry.message for entry in relaxng.error_log]


@pytest.mark.parametrize(("body", "attributes", "raw", "english"), RNG_CASES, ids=[c[2] for c in RNG_CASES])
def test_relaxng_messages(body: str, attributes: str, raw: str, english: str) -> None:
    messages = _rng_messages(body, attributes)
    assert raw in messages, messages
    assert explained(raw).render() == english


def test_relaxng_interleave_extra_and_namespaces() -> None:
    grammar = (b'<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="r"><interleave>'
               b'<element name="a"><text/></element><element name="b"><text/></element></interleave>'
               b"</element></start></grammar>")
    assert "Extra element a in interleave" in _rng_messages("<a/><b/><a/>", grammar=grammar, namespace="")
    assert explained("Extra element a in interleave").render() == ("The element <a> is one too many here (repeated "
                                                                   "or not expected)")
    [wrong] = _rng_messages("<Title>Versement</Title><Last/>", namespace="urn:x")[:1]
    assert wrong == "Element r has wrong namespace: expecting urn:t"
    assert explained(wrong).render() == "The element <r> is not in the expected namespace urn:t"
    head = b'<grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/' \
           b'XMLSchema-datatypes"><start><element name="r"'
    cases = [
        (head + b' ns="urn:t"><empty/></element></start></grammar>', "", "",
         "Expecting a namespace for element r", "The element <r> has no namespace, but one is expected"),
        (head + b"><empty/></element></start></grammar>", "", "urn:t",
         "Expecting no namespace for element r", "The element <r> must not have a namespace"),
        (head + b'><element name="a"><data type="integer"/></element></element></start></grammar>', "<a><b/></a>",
         "", "Datatype element a has child elements", "<a> may only contain a value, not child elements"),
        (head + b'><element name="a"><value>X</value></element></element></start></grammar>', "<a><b/></a>",
         "", "Value element a has child elements", "<a> may only contain a value, not child elements"),
    ]
    for grammar, body, namespace, raw, english in cases:
        assert raw in _rng_messages(body, grammar=grammar, namespace=namespace)
        assert explained(raw).render() == english
    relaxng = etree.RelaxNG(etree.fromstring(RNG))
    assert not relaxng.validate(etree.fromstring(b'<q xmlns="urn:t"/>'))
    [root] = [entry.message for entry in relaxng.error_log]
    assert root == "Expecting element r, got q"
    assert explained(root).render() == "The element <r> is expected instead of <q>"


@pytest.mark.parametrize("pair", [
    ("profiles/vitam-itests_OK_profilRNG_mail_Seda2.2.rng", "sip/valid/seda-2.2/WARNING_SIP_mail_Seda2.2.zip",
     "Element DataObjectPackage has extra content: DataObjectGroup",
     "<DataObjectPackage> contains <DataObjectGroup>, which is not expected there"),
    ("profiles/pastis_rngProfile.rng", "sip/invalid/profile/seda-2.1_pastis_manifestNOK.xml",
     "Did not expect element OriginatingAgencyIdentifier there",
     "The element <OriginatingAgencyIdentifier> is not expected here"),
], ids=lambda p: p[0].split("/")[-1])
def test_profile_findings_are_explained(pair: tuple[str, str, str, str]) -> None:
    profile, target, raw, english = pair
    report = validate(SEDA / target, profile=SEDA / profile, vitam=False)
    findings = [f for f in report.findings if f.layer == "profile"]
    assert findings
    errors = [f.message.params["error"] for f in findings]
    assert all(isinstance(e, Message) for e in errors), errors
    assert english in [str(e) for e in errors]
    assert any(english in f.render() and raw not in f.render() for f in findings)


def test_an_xsd_profile_for_another_namespace_names_it() -> None:
    # This profile declares ArchiveTransfer in no namespace: the manifest's namespace is what it lacks.
    report = validate(SEDA / "sip/valid/manifests/seda-2.2_sip2_2.xml",
                      profile=SEDA / "profiles/vitam-itests_profile_ok.xsd", vitam=False)
    [finding] = [f for f in report.findings if f.layer == "profile"]
    assert finding.render() == (
        "Not valid against the archive profile vitam-itests_profile_ok.xsd: The schema does not declare the root "
        "element <ArchiveTransfer> in the namespace fr:gouv:culture:archivesdefrance:seda:v2.2: it is written for "
        "another namespace or another kind of document (line 6).")
    raw = "Element 'ArchiveTransfer': No matching global declaration available for the validation root."
    assert explained(raw).render() == ("The schema does not declare the root element <ArchiveTransfer>: it is "
                                       "written for another namespace or another kind of document.")


@pytest.mark.parametrize("text", [
    "Element 'nil': The element is not 'nillable'.",
    "failed to compare type string",
    "Internal error: no state",
    "something libxml2 may say one day\n",
    "Element 'Title': This element is not expected. Expected is one of ( Title",  # cut: not a known form
    "",
])
def test_unknown_text_passes_through_unchanged(text: str) -> None:
    assert explain(text) is text


def test_without_period_quotes_a_sentence() -> None:
    sentence = explained("Element 'Foo': This element is not expected.")
    assert str(without_period(sentence)) == "The element <Foo> is not expected here"
    assert without_period("raw text.") == "raw text."
    relaxng = explained("Did not expect element Foo there")
    assert str(without_period(relaxng)) == str(relaxng) == "The element <Foo> is not expected here"


def test_findings_of_the_invalid_xsd_corpus_are_explained(tmp_path: Path) -> None:
    from app.ui.i18n import TsTranslator

    # A French translator over a small .ts: the finding and the libxml2 explanation it quotes are both rendered.
    (tmp_path / "fr.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="fr">'
        "<context><name>validation</name><message><source>Not valid against the official SEDA {version} schema: "
        "{error}</source><translation>Non valide selon le sch\u00e9ma officiel SEDA {version} : {error}</translation>"
        "</message></context><context><name>xsd</name><message><source>The element &lt;{element}&gt; is not "
        "expected here; possible elements: {expected}.</source><translation>L'\u00e9l\u00e9ment &lt;{element}&gt; "
        "n'est pas attendu ici ; \u00e9l\u00e9ments possibles : {expected}.</translation></message></context></TS>",
        encoding="utf-8")
    translator = TsTranslator(tmp_path / "fr.ts")

    def french(context: str, text: str, n: int = -1) -> str:
        return translator.translate(context, text, None, n) or text

    seen = 0
    for path in sorted((SEDA / "sip/invalid/xsd").glob("*.zip")):
        report = validate(path, vitam=False)
        for finding in report.findings:
            if finding.check not in ("schema.xsd", "schema.vitam-only"):
                continue
            seen += 1
            error = finding.message.params["error"]
            assert isinstance(error, Message), (path.name, error)
            rendered = finding.render(french)
            assert not any(phrase in rendered for phrase in RAW_PHRASES), (path.name, rendered)
            as_json = finding.to_json()
            assert as_json["params"]["error"] == str(error)
            assert not any(phrase in as_json["params"]["error"] for phrase in RAW_PHRASES)
            json.dumps(as_json)
            if path.name == "KO_SEDA_2.3_Signature.zip":
                assert rendered == ("Non valide selon le sch\u00e9ma officiel SEDA 2.3 : L'\u00e9l\u00e9ment "
                                    "<Signature> n'est pas attendu ici ; \u00e9l\u00e9ments possibles : Event, "
                                    "SigningInformation, Gps, OriginatingSystemIdReplyTo, TextContent, "
                                    "PersistentIdentifier.")
                assert as_json["params"]["error"] == (
                    "The element <Signature> is not expected here; possible elements: Event, SigningInformation, Gps, "
                    "OriginatingSystemIdReplyTo, TextContent, PersistentIdentifier.")
    assert seen >= 3


def test_vitam_only_findings_quote_the_explanation_without_its_period() -> None:
    report = validate(SEDA / "sip/invalid/vitam-extensions/OK_SIP_FULL_SEDA2.2.zip", vitam=False)
    [finding] = [f for f in report.findings if f.check == "schema.vitam-only"]
    assert finding.render().startswith("<PersistentIdentifier> is Vitam-specific markup")
    assert ("(The element <PersistentIdentifier> is not expected here; the element expected at this place is "
            "<TextContent>). Keep it") in finding.render()
    assert report.vitam_only
