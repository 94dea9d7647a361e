"""Reading what an XSD archive profile requires (older Vitam profiles), and applying it like a RelaxNG one."""

from __future__ import annotations

import http.server
import io
import threading
from pathlib import Path

import pytest
from lxml import etree

from app.cli import main
from app.models.transfer import Transfer
from app.seda.context import context_from_dict
from app.seda.interop.profile_requirements import Requirement, apply_profile, read_requirements
from app.seda.manifest import write_manifest
from app.seda.profiles import ProfileError, load_profile
from app.seda.scanner import scan_folder
from app.seda.schemas import load_schema, main_xsd
from tests.conftest import CORPUS, XSD_SOURCE
from tests.e2e.sipcheck import check_sip

PROFILES = CORPUS / "seda" / "profiles"
CADASTRE = PROFILES / "vitam-itests_profile_ok.xsd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SEDA22 = "fr:gouv:culture:archivesdefrance:seda:v2.2"

# A profile in the SEDA 2.2 namespace with the constructs a reader can get wrong: named model groups
# (one optional), choices of one and of several particles, complex types extended (units) and recursive
# (a unit type holding units of its own type), an abstract element and its substitute, enumerations
# (one value: fixed; several: choices), simple content extended with attributes (one required and fixed,
# one referenced from xml.xsd, imported by its W3C URL), a default value, and wildcards for what it
# leaves free (data object groups).
HAND_PROFILE = f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="{SEDA22}" targetNamespace="{SEDA22}"
    elementFormDefault="qualified">
  <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="http://www.w3.org/2001/xml.xsd"/>
  <xs:element name="ArchiveTransfer">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="Comment" type="xs:string" fixed="Versement de test"/>
        <xs:element name="Date" type="xs:dateTime"/>
        <xs:element name="MessageIdentifier" type="xs:token"/>
        <xs:element name="ArchivalAgreement" type="xs:token" minOccurs="0"/>
        <xs:element name="CodeListVersions">
          <xs:complexType><xs:sequence>
            <xs:element name="ReplyCodeListVersion" fixed="ReplyCodeListVersion0">
              <xs:complexType><xs:simpleContent><xs:extension base="xs:token">
                <xs:attribute name="listVersionID" type="xs:token" use="required" fixed="  v1  "/>
              </xs:extension></xs:simpleContent></xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="DataObjectPackage">
          <xs:complexType><xs:sequence>
            <xs:element name="DataObjectGroup" minOccurs="0" maxOccurs="unbounded">
              <xs:complexType>
                <xs:sequence><xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
                <xs:anyAttribute processContents="skip"/>
              </xs:complexType>
            </xs:element>
            <xs:element name="DescriptiveMetadata">
              <xs:complexType><xs:sequence>
                <xs:element name="ArchiveUnit" type="RootUnitType"/>
              </xs:sequence></xs:complexType>
            </xs:element>
            <xs:element name="ManagementMetadata">
              <xs:complexType><xs:group ref="ManagementMetadataGroup"/></xs:complexType>
            </xs:element>
          </xs:sequence></xs:complexType>
        </xs:element>
        <xs:element name="ArchivalAgency" type="AgencyType"/>
        <xs:element name="TransferringAgency" type="AgencyType"/>
      </xs:sequence>
      <xs:attribute name="id" type="xs:ID"/>
    </xs:complexType>
  </xs:element>

  <xs:group name="ManagementMetadataGroup">
    <xs:sequence>
      <xs:element name="ArchivalProfile" type="xs:token" minOccurs="0"/>
      <xs:element name="LegalStatus" type="LegalStatusType" minOccurs="0"/>
      <xs:element name="OriginatingAgencyIdentifier" type="xs:token" fixed="Service_producteur"/>
      <xs:element name="SubmissionAgencyIdentifier" type="xs:token" minOccurs="0"/>
    </xs:sequence>
  </xs:group>
  <xs:simpleType name="LegalStatusType">
    <xs:restriction base="xs:token">
      <xs:enumeration value="Public Archive"/>
      <xs:enumeration value="Private Archive"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:complexType name="AgencyType">
    <xs:sequence><xs:element name="Identifier" type="xs:token"/></xs:sequence>
  </xs:complexType>

  <xs:complexType name="UnitType">
    <xs:sequence><xs:element name="ArchiveUnitProfile" type="xs:token" minOccurs="0"/></xs:sequence>
    <xs:attribute name="id" type="xs:ID" use="required"/>
  </xs:complexType>
  <xs:complexType name="RootUnitType">
    <xs:complexContent><xs:extension base="UnitType"><xs:sequence>
      <xs:element name="Management">
        <xs:complexType><xs:sequence>
          <xs:element name="AccessRule">
            <xs:complexType><xs:sequence>
              <xs:element name="Rule" type="xs:token" fixed="ACC-00001"/>
              <xs:element name="StartDate" type="xs:date" minOccurs="0"/>
            </xs:sequence></xs:complexType>
          </xs:element>
        </xs:sequence></xs:complexType>
      </xs:element>
      <xs:element name="Content" type="RootContentType"/>
      <xs:element name="ArchiveUnit" type="ItemUnitType" maxOccurs="unbounded"/>
    </xs:sequence></xs:extension></xs:complexContent>
  </xs:complexType>
  <xs:complexType name="ItemUnitType">
    <xs:complexContent><xs:extension base="UnitType"><xs:sequence>
      <xs:element name="Content" type="ContentType"/>
      <xs:choice minOccurs="0" maxOccurs="unbounded">
        <xs:element name="ArchiveUnit" type="ItemUnitType"/>
        <xs:element name="DataObjectReference">
          <xs:complexType><xs:choice>
            <xs:element name="DataObjectReferenceId" type="xs:NCName"/>
            <xs:element name="DataObjectGroupReferenceId" type="xs:NCName"/>
          </xs:choice></xs:complexType>
        </xs:element>
      </xs:choice>
    </xs:sequence></xs:extension></xs:complexContent>
  </xs:complexType>

  <xs:simpleType name="LevelType">
    <xs:restriction base="xs:token">
      <xs:enumeration value="RecordGrp"/>
      <xs:enumeration value=" File "/>
      <xs:enumeration value="Item"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:complexType name="TitleType">
    <xs:simpleContent><xs:extension base="xs:string"><xs:attribute ref="xml:lang"/></xs:extension></xs:simpleContent>
  </xs:complexType>
  <xs:group name="LevelAndTitle">
    <xs:sequence>
      <xs:element name="DescriptionLevel" type="LevelType"/>
      <xs:choice><xs:element name="Title" type="TitleType"/></xs:choice>
    </xs:sequence>
  </xs:group>
  <xs:group name="Dates">
    <xs:sequence>
      <xs:element name="StartDate" type="xs:dateTime"/>
      <xs:element name="EndDate" type="xs:dateTime"/>
    </xs:sequence>
  </xs:group>
  <xs:complexType name="ContentType">
    <xs:sequence>
      <xs:group ref="LevelAndTitle"/>
      <xs:group ref="Dates" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="RootContentType">
    <xs:sequence>
      <xs:group ref="LevelAndTitle"/>
      <xs:element name="Description">
        <xs:simpleType>
          <xs:restriction base="xs:string"><xs:enumeration value="Fonds de test"/></xs:restriction>
        </xs:simpleType>
      </xs:element>
      <xs:element name="Language" type="xs:language" minOccurs="0" default="fr"/>
      <xs:choice minOccurs="0" maxOccurs="unbounded">
        <xs:element name="Tag" type="xs:token"/>
        <xs:element name="Keyword" type="KeywordType"/>
      </xs:choice>
      <xs:element ref="SourceAbstract" minOccurs="0"/>
      <xs:sequence minOccurs="0">
        <xs:element name="StartDate" type="xs:dateTime"/>
        <xs:element name="EndDate" type="xs:dateTime"/>
      </xs:sequence>
    </xs:sequence>
  </xs:complexType>
  <xs:element name="SourceAbstract" abstract="true"/>
  <xs:element name="Source" type="xs:string" substitutionGroup="SourceAbstract"/>
  <xs:complexType name="KeywordType">
    <xs:sequence>
      <xs:element name="KeywordContent" type="xs:string"/>
      <xs:element name="KeywordType" type="xs:token" minOccurs="0" fixed="subject"/>
    </xs:sequence>
  </xs:complexType>
</xs:schema>
"""


@pytest.fixture
def hand_profile(tmp_path) -> Path:
    path = tmp_path / "profil.xsd"
    path.write_text(HAND_PROFILE, encoding="utf-8")
    return path


def _scanned(tmp_path: Path, **context: str) -> Transfer:
    """A SEDA 2.2 transfer scanned from a folder: f (RecordGrp) > a.txt, sub > b.txt."""
    folder = tmp_path / "f"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("a", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("b", encoding="utf-8")
    transfer = scan_folder(folder, version="2.2").transfer
    context_from_dict({"MessageIdentifier": "T1", "Date": "2024-01-01T00:00:00", **context}, "2.2").apply(transfer)
    return transfer


def _manifest(transfer: Transfer) -> etree._ElementTree:
    out = io.BytesIO()
    write_manifest(transfer, out)
    return etree.parse(io.BytesIO(out.getvalue()))


def _seda_errors(transfer: Transfer) -> list[str]:
    schema = load_schema("2.2")
    return [] if schema.validate(_manifest(transfer)) else [e.message for e in schema.error_log]


# -- the corpus profile ----------------------------------------------------------------------------
def test_corpus_xsd_profile_header():
    requirements = read_requirements(CADASTRE)
    assert requirements.path == CADASTRE
    assert requirements.version == "2.2"  # declared by its xmlns:seda, though its elements have no namespace
    header = requirements.header
    # Read as the RelaxNG profiles are (see test_every_corpus_profile_is_read).
    assert header["MessageIdentifier"] == Requirement("MessageIdentifier", 1, 1)
    assert header["Date"] == Requirement("Date", 1, 1)
    assert header["Comment"] == Requirement("Comment", 1, 1, fixed="Matrice cadastrale numérique")
    assert header["ArchivalAgreement"].fixed == "ArchivalAgreement0"
    assert header["ArchivalAgency/Identifier"] == Requirement("ArchivalAgency/Identifier", 1, 1, fixed="Identifier4")
    assert header["TransferringAgency/Identifier"].fixed == "Identifier5"
    codes = {path.split("/")[1]: req for path, req in header.items() if path.count("/") == 1
             and path.startswith("CodeListVersions/") and "@" not in path}
    assert len(codes) == 15
    assert all(req.mandatory and req.fixed == name + "0" for name, req in codes.items())
    scheme = header["MessageIdentifier/@schemeID"]
    assert (scheme.min, scheme.max, scheme.fixed) == (0, 1, None)  # use="optional"
    # DataObjectPackage and its BinaryDataObject are not header requirements; nor is the package's @id.
    assert not any(path.startswith(("DataObjectPackage", "BinaryDataObject", "FormatIdentification"))
                   for path in header)
    assert requirements.management_metadata == {}  # the profile declares no ManagementMetadata


def test_corpus_xsd_profile_unit():
    requirements = read_requirements(CADASTRE)
    (unit,) = requirements.units
    assert (unit.path, unit.min, unit.max, unit.children) == ("ArchiveUnit[1]", 1, 1, ())
    reqs = unit.requirements
    assert (reqs["Content"].min, reqs["Content"].max) == (1, None)  # maxOccurs="unbounded"
    assert unit.fixed() == {
        "Content/DescriptionLevel": "RecordGrp",
        "Content/Title": "Versement de la matrice cadastrale numérique",
        "Content/Description": "Matrice cadastrale des communes du département.",
        "Content/CustodialHistory/CustodialHistoryItem": reqs["Content/CustodialHistory/CustodialHistoryItem"].fixed,
        "Content/Keyword/KeywordContent": "matrice cadastrale",
        "Content/Keyword/KeywordType": "subject",
        "Content/Keyword/KeywordType/@listVersionID": "edition 2009",
        "Content/OriginatingAgency/Identifier": "FRAN_NP_009734",
    }
    assert reqs["Content/CustodialHistory/CustodialHistoryItem"].fixed.startswith("Les données ont été récupérées")
    # Cardinality is relative to the parent: every CustodialHistory has an item, but CustodialHistory is optional.
    assert reqs["Content/CustodialHistory"].min == 0 and reqs["Content/CustodialHistory/CustodialHistoryItem"].min == 1
    assert reqs["Content/Keyword"] == Requirement("Content/Keyword", 1, 1)
    assert not reqs["Content/Keyword/KeywordType/@listVersionID"].mandatory  # fixed, but use="optional"
    assert reqs["Content/Keyword/KeywordReference"] == Requirement("Content/Keyword/KeywordReference", 0, 1)
    assert reqs["Content/FilePlanPosition"] == Requirement("Content/FilePlanPosition", 0, 1)
    # Both branches of AuthorizedAgent's choice are optional; Identifier comes from a global element (ref).
    assert not reqs["Content/AuthorizedAgent/Corpname"].mandatory
    assert not reqs["Content/AuthorizedAgent/FirstName"].mandatory
    assert reqs["Content/Writer/Identifier"] == Requirement("Content/Writer/Identifier", 0, 1)
    assert reqs["Content/OriginatingAgency"].mandatory and not reqs["Content/SubmissionAgency"].mandatory


def test_corpus_xsd_profile_fills_a_scanned_transfer(tmp_path):
    transfer = _scanned(tmp_path)
    root = transfer.roots[0]
    root.content.remove_all("Title")  # the profile fixes the top unit's title; the scan used the folder's name
    assert any("ArchivalAgency" in error for error in _seda_errors(transfer))  # the profile fixes the agencies

    rendered = [m.render() for m in apply_profile(transfer, read_requirements(CADASTRE))]

    header = transfer.header
    assert header.findtext("Comment") == "Matrice cadastrale numérique"
    assert header.findtext("ArchivalAgreement") == "ArchivalAgreement0"
    assert header.find("CodeListVersions").findtext("RelationshipCodeListVersion") == "RelationshipCodeListVersion0"
    assert header.find("ArchivalAgency").findtext("Identifier") == "Identifier4"
    assert root.content.findtext("Title") == "Versement de la matrice cadastrale numérique"
    assert root.content.findtext("Description") == "Matrice cadastrale des communes du département."
    assert root.content.find("Keyword").findtext("KeywordType") == "subject"
    assert root.content.find("Keyword").find("KeywordType").get("listVersionID") is None  # optional attribute
    assert root.content.find("OriginatingAgency").findtext("Identifier") == "FRAN_NP_009734"
    assert root.content.find("CustodialHistory") is None  # optional: its mandatory item is not added
    # 19 header values (Comment, agreement, 15 code lists, 2 agencies) and 5 in the top unit.
    assert rendered[0].startswith("Profile applied: 24 fixed value(s) filled in 4 unit(s)")
    # The profile describes one level of units: the scanned units below it match nothing.
    assert any("match no unit of the profile" in text for text in rendered)
    # Still valid SEDA 2.2, in schema order. (The profile itself declares its elements in no namespace:
    # no SEDA manifest can be valid against it, so it is not checked here.)
    assert _seda_errors(transfer) == []


# -- a profile written by hand ---------------------------------------------------------------------
def test_hand_written_profile_header_and_management(hand_profile):
    requirements = read_requirements(hand_profile)
    assert requirements.version == "2.2"
    header = requirements.header
    assert header["@id"] == Requirement("@id", 0, 1)  # an optional attribute
    assert header["Comment"] == Requirement("Comment", 1, 1, fixed="Versement de test")
    assert not header["ArchivalAgreement"].mandatory
    reply = header["CodeListVersions/ReplyCodeListVersion/@listVersionID"]
    assert (reply.min, reply.fixed) == (1, "v1")  # use="required"; a token's fixed value is collapsed
    assert header["ArchivalAgency/Identifier"] == Requirement("ArchivalAgency/Identifier", 1, 1)  # named type
    assert not any(path.startswith("DataObjectGroup") for path in header)
    metadata = requirements.management_metadata  # from a named model group
    assert metadata["OriginatingAgencyIdentifier"].fixed == "Service_producteur"
    assert metadata["LegalStatus"] == Requirement("LegalStatus", 0, 1, choices=("Public Archive", "Private Archive"))


def test_hand_written_profile_units(hand_profile):
    requirements = read_requirements(hand_profile)
    (top,) = requirements.units
    assert (top.path, top.min, top.max) == ("ArchiveUnit[1]", 1, 1)
    reqs = top.requirements
    # From the base type the unit types extend.
    assert reqs["@id"] == Requirement("@id", 1, 1)
    assert not reqs["ArchiveUnitProfile"].mandatory
    assert reqs["Management/AccessRule/Rule"] == Requirement("Management/AccessRule/Rule", 1, 1, fixed="ACC-00001")
    assert reqs["Content/DescriptionLevel"].choices == ("RecordGrp", "File", "Item")  # token: " File " collapsed
    assert reqs["Content/Title"].mandatory  # a choice of a single element is no choice
    assert not reqs[f"Content/Title/@{XML_LANG}"].mandatory  # xml:lang from the imported xml.xsd
    assert reqs["Content/Description"].fixed == "Fonds de test"  # a single enumerated value
    assert reqs["Content/Language"] == Requirement("Content/Language", 0, 1, default="fr")
    assert (reqs["Content/Tag"].min, reqs["Content/Tag"].max) == (0, None)  # a repeated choice of two
    assert (reqs["Content/Keyword"].min, reqs["Content/Keyword"].max) == (0, None)
    assert reqs["Content/Keyword/KeywordContent"].mandatory  # relative to its Keyword
    assert reqs["Content/StartDate"] == Requirement("Content/StartDate", 0, 1)  # in an optional sequence
    assert reqs["Content/Source"] == Requirement("Content/Source", 0, 1)  # stands for the abstract element
    assert "Content/SourceAbstract" not in reqs
    assert "ArchiveUnit" not in reqs and "DataObjectReference" not in reqs
    # Units below: ItemUnitType holds units of its own type. It is read once below itself, then not followed.
    (item,) = top.children
    assert (item.path, item.min, item.max) == ("ArchiveUnit[1]/ArchiveUnit[1]", 1, None)
    assert item.requirements["Content/StartDate"] == Requirement("Content/StartDate", 0, 1)  # optional group ref
    # A choice of two elements: neither is mandatory.
    assert not item.requirements["DataObjectReference/DataObjectGroupReferenceId"].mandatory
    assert not item.requirements["DataObjectReference/DataObjectReferenceId"].mandatory
    assert "Content/Description" not in item.requirements
    (nested,) = item.children
    assert (nested.path, nested.min, nested.max, nested.children) == ("ArchiveUnit[1]/ArchiveUnit[1]/ArchiveUnit[1]",
                                                                     0, None, ())
    assert nested.requirements == item.requirements
    assert [p.path for p in requirements.iter_units()] == [top.path, item.path, nested.path]


def test_hand_written_profile_applied_gives_a_valid_transfer(tmp_path, hand_profile):
    transfer = _scanned(tmp_path, ArchivalAgency="AA", TransferringAgency="TA")
    profile = load_profile(hand_profile)
    assert profile.validate(_manifest(transfer))  # no Comment, no Description, no AccessRule...

    rendered = [m.render() for m in apply_profile(transfer, read_requirements(hand_profile))]

    assert rendered == ["Profile applied: 6 fixed value(s) filled in 4 unit(s), the header and ManagementMetadata."]
    assert transfer.header.findtext("Comment") == "Versement de test"
    reply = transfer.header.find("CodeListVersions").find("ReplyCodeListVersion")
    assert (reply.text, reply.get("listVersionID")) == ("ReplyCodeListVersion0", "v1")
    assert transfer.management_metadata.findtext("OriginatingAgencyIdentifier") == "Service_producteur"
    root = transfer.roots[0]
    assert root.management.find("AccessRule").findtext("Rule") == "ACC-00001"
    assert root.content.findtext("Description") == "Fonds de test"
    assert root.content.find("Language") is None  # a default, not a fixed value
    assert _seda_errors(transfer) == []
    assert profile.validate(_manifest(transfer)) == []


def test_official_schema_read_as_a_profile_terminates():
    # The official schema is the loosest "profile": recursive units, substitution groups, extensions.
    requirements = read_requirements(main_xsd("2.2"))
    assert requirements.header["Date"] == Requirement("Date", 1, 1)
    assert not requirements.header["Comment"].mandatory
    top, below = list(requirements.iter_units())
    assert below.path == "ArchiveUnit[1]/ArchiveUnit[1]" and below.children == ()
    assert "Fonds" in top.requirements["Content/DescriptionLevel"].choices
    assert not any(req.fixed for pattern in (top, below) for req in pattern.requirements.values())


# -- the command line and hostile profiles ---------------------------------------------------------
def test_cli_build_applies_an_xsd_profile(tmp_path, hand_profile, capsys):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text("a", encoding="utf-8")
    context = tmp_path / "context.json"
    context.write_text('{"MessageIdentifier": "T1", "ArchivalAgency": "AA", "TransferringAgency": "TA"}',
                       encoding="utf-8")
    out = tmp_path / "s.zip"
    code = main(["build", str(folder), "-o", str(out), "--seda", "2.2", "--context", str(context),
                 "--apply-profile", str(hand_profile)])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert "Profile applied:" in printed
    manifest = check_sip(out, XSD_SOURCE, "2.2")  # valid SEDA; and checked against the profile by build
    ns = {"s": SEDA22}
    assert manifest.findtext("s:Comment", namespaces=ns) == "Versement de test"
    assert manifest.findtext(".//s:AccessRule/s:Rule", namespaces=ns) == "ACC-00001"


def _hostile(tmp_path: Path, name: str, prolog: str = "", body: str = "") -> Path:
    path = tmp_path / name
    path.write_text(f"""<?xml version="1.0"?>{prolog}
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{body}
  <xs:element name="ArchiveTransfer"><xs:complexType><xs:sequence>
    <xs:element ref="Comment"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>""", encoding="utf-8")
    return path


@pytest.fixture
def http_server():
    """A local HTTP server recording the paths asked for: a profile must never reach it."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server API
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def test_hostile_xsd_profiles_are_refused(tmp_path, http_server, capfd):
    url, hits = http_server
    entities = _hostile(tmp_path, "entities.xsd", '<!DOCTYPE xs:schema [<!ENTITY x "Matrice">]>',
                        '<xs:element name="Comment" type="xs:string" fixed="&x;"/>')
    with pytest.raises(ProfileError, match="declares a DTD"):
        read_requirements(entities)
    for kind in ("import", "include"):
        namespace = ' namespace="urn:x"' if kind == "import" else ""
        remote = _hostile(tmp_path, f"{kind}.xsd", body=f'<xs:{kind}{namespace} schemaLocation="{url}/evil.xsd"/>'
                          '<xs:element name="Comment" type="xs:string"/>')
        with pytest.raises(ProfileError, match=f"refers to the remote resource {url}/evil.xsd"):
            read_requirements(remote)
    assert hits == []  # refused before anything was fetched
    # Entities in an included local file: libxml2 compiles it without expanding them; the reader refuses it.
    (tmp_path / "part.xsd").write_text('<?xml version="1.0"?><!DOCTYPE xs:schema [<!ENTITY x "Matrice">]>'
                                       '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
                                       '<xs:element name="Comment" type="xs:string" fixed="&x;"/></xs:schema>',
                                       encoding="utf-8")
    included = _hostile(tmp_path, "included.xsd", body='<xs:include schemaLocation="part.xsd"/>')
    with pytest.raises(ProfileError, match="not a valid RelaxNG or XSD grammar"):
        read_requirements(included)
    # The command line says why and stops (exit 2: the profile cannot be used).
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text("a", encoding="utf-8")
    out = tmp_path / "s.zip"
    assert main(["build", str(folder), "-o", str(out), "--apply-profile", str(tmp_path / "import.xsd")]) == 2
    assert "refers to the remote resource" in capfd.readouterr().err
    assert not out.exists() and hits == []

