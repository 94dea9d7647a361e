"""Hostile or broken archives are refused with a clear message, never a crash or a hang."""

from __future__ import annotations

import zipfile

import pytest

from app.seda.interop.sip_import import import_package
from app.seda.reader import ReadError, read_manifest_bytes
from tests.conftest import CORPUS, RESIP_SAMPLES

INVALID = CORPUS / "seda" / "sip" / "invalid"


@pytest.mark.parametrize("path, expected", [
    (INVALID / "package" / "SIP_KO_PathTraversalInFileName.zip", "points outside the archive"),
    (INVALID / "package" / "SIP_KO_BackSlashInFileName.zip", "backslashes"),
    (INVALID / "xsd" / "KO_SIP_INSUPPORTED_SEDA_VERSION.zip", "SEDA version 9.99"),
    (INVALID / "package" / "KO_CYCLE.zip", "cycle"),
    (INVALID / "package" / "KO_BORD_absent.zip", "no manifest.xml"),
    (INVALID / "xsd" / "KO_BORD_xmlKO_sansobjet.zip", "not well-formed XML (line 29"),
    (INVALID / "xsd" / "KO_BORD_mauvais_format.zip", "not well-formed XML"),
    (RESIP_SAMPLES / "TestSipCyclic.zip", "cycle"),
    (RESIP_SAMPLES / "TestSipWrongDogReferences.zip", "several object groups"),
    (RESIP_SAMPLES / "TestSipV2.zip", "not a readable zip or tar archive"),
], ids=lambda v: getattr(v, "name", ""))
def test_hostile_or_broken_archives_are_refused(path, expected):
    with pytest.raises(ReadError) as info:
        import_package(path)
    assert expected in str(info.value)


def test_entities_and_doctype_are_refused():
    bomb = (b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xxxxxxxx"><!ENTITY y "&x;&x;&x;&x;">]>'
            b'<ArchiveTransfer xmlns="fr:gouv:culture:archivesdefrance:seda:v2.1"><Comment>&y;</Comment>'
            b'</ArchiveTransfer>')
    with pytest.raises(ReadError, match="DOCTYPE"):
        read_manifest_bytes(bomb)


def test_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.xml", b"<a/>")
        zf.writestr("Content/zeros.bin", b"\0" * (64 << 20))
    with pytest.raises(ReadError, match="zip bomb"):
        import_package(path)


def test_duplicate_ids_and_unknown_units_are_refused():
    head = (b'<ArchiveTransfer xmlns="fr:gouv:culture:archivesdefrance:seda:v2.2"><DataObjectPackage>'
            b"<DescriptiveMetadata>")
    tail = b"</DescriptiveMetadata><ManagementMetadata/></DataObjectPackage></ArchiveTransfer>"
    twice = b'<ArchiveUnit id="A"><Content/></ArchiveUnit><ArchiveUnit id="A"><Content/></ArchiveUnit>'
    with pytest.raises(ReadError, match="used twice"):
        read_manifest_bytes(head + twice + tail)
    dangling = (b'<ArchiveUnit id="A"><Content/><ArchiveUnit id="B"><ArchiveUnitRefId>Z</ArchiveUnitRefId>'
                b"</ArchiveUnit></ArchiveUnit>")
    with pytest.raises(ReadError, match="line 1: ArchiveUnitRefId Z"):
        read_manifest_bytes(head + dangling + tail)


def test_dip_keeps_only_the_package():
    result = import_package(RESIP_SAMPLES / "TestDIP.zip")
    assert result.kind == "dip" and not result.report
    assert result.transfer.header.children is None
    assert result.transfer.count_units() > 50
    assert all(o.source_member for o in result.transfer.iter_binaries())


def test_multi_parent_units_and_lowercase_content(tmp_path):
    valid = CORPUS / "seda" / "sip" / "valid" / "seda-2.1"
    result = import_package(valid / "OK_SIP_2RACINES_AVEC_MANAGEMENTMETADATA.zip")
    shared = [u for u in result.transfer.iter_units() if len(u.parents) > 1]
    assert [u.id for u in shared] == ["AU2"]
    # Resip writes content/ in lower case: objects are still found.
    src = CORPUS / "seda" / "sip" / "valid" / "seda-2.1" / "OK_USAGE_SANS_NUMERO.zip"
    lower = tmp_path / "lower.zip"
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(lower, "w") as b:
        for info in a.infolist():
            b.writestr(info.filename.replace("Content/", "content/"), a.read(info))
    moved = import_package(lower)
    assert not moved.report and all(o.source_member.startswith("content/") for o in moved.transfer.iter_binaries())


def test_streamed_reader_handles_deep_nesting():
    depth = 1000  # libxml2 stops at 2048 levels even with huge_tree (a clear ReadError)
    units = b"".join(b'<ArchiveUnit id="U%d"><Content><Title>t</Title></Content>' % i for i in range(depth))
    data = (b'<ArchiveTransfer xmlns="fr:gouv:culture:archivesdefrance:seda:v2.2"><DataObjectPackage>'
            b"<DescriptiveMetadata>" + units + b"</ArchiveUnit>" * depth +
            b"</DescriptiveMetadata><ManagementMetadata/></DataObjectPackage></ArchiveTransfer>")
    transfer = read_manifest_bytes(data)
    assert transfer.count_units() == depth and len(transfer.roots) == 1
