"""Resip disk hierarchies (models V1 and V2, links, shortcuts): import, export and CLI, on Resip's samples."""

from __future__ import annotations

import os
import shutil
import zipfile

import pytest

from app.cli import main
from app.models.transfer import BinaryDataObject, PhysicalDataObject
from app.seda.interop.resip_disk import object_version, read_hierarchy
from app.seda.interop.resip_disk_export import HierarchyExportError, write_hierarchy
from app.seda.reader import ReadError
from tests.conftest import CORPUS, RESIP_SAMPLES
from tests.interop.canonical import manifest_bytes

RESIP = CORPUS / "resip"
WITH_LINKS = RESIP / "resip" / "src" / "test" / "resources" / "PacketSamples" / "SampleWithLinksModelV2"
WITHOUT_LINKS_V2 = RESIP_SAMPLES / "SampleWithoutLinksModelV2"
WITHOUT_LINKS_V1 = RESIP_SAMPLES / "SampleWithoutLinksModelV1"
TEST_IMPORT_ZIP = RESIP_SAMPLES.parent / "zip" / "TestImport.zip"


def _copy(source, dest):
    """A writable copy of a corpus folder (the corpus is read-only)."""
    shutil.copytree(source, dest, symlinks=True)
    for folder, _dirs, _files in os.walk(dest):
        os.chmod(folder, 0o755)
    return dest


def _by_title(transfer):
    return {u.title: u for u in transfer.iter_units()}


def _signature(unit, seen=None) -> tuple:
    """What a unit is, ids aside: metadata, objects and children (sorted: a disk has no order but names)."""
    group = unit.object_group
    objects = ()
    if group is not None:
        objects = tuple(sorted(
            (o.version, o.filename, o.digest, o.size, o.format_id, o.mime_type, repr(o.extra))
            if isinstance(o, BinaryDataObject) else (o.version, repr(o.elements)) for o in group.objects))
    return (repr(unit.content.children), repr(unit.management and unit.management.children), unit.profile, objects,
            tuple(sorted(_signature(c) for c in unit.children)))


@pytest.fixture
def linked_sample(tmp_path):
    """SampleWithLinksModelV2 with its links, which git does not keep: a symbolic link to a unit, one to
    the object group folder, and Resip's own Windows shortcut (from TestImport.zip) to that group."""
    root = _copy(WITH_LINKS, tmp_path / "SampleWithLinksModelV2")
    os.symlink("Node 1/Node 1.2", root / "Root" / "Link Node 1.2")
    os.symlink("../../Node 1/##Test ObjectGroup##", root / "Root" / "Node 2" / "Node 2.4 - OG Link" / "OG link")
    with zipfile.ZipFile(TEST_IMPORT_ZIP) as archive:
        name = next(n for n in archive.namelist() if n.endswith("Shortcut ##Test ObjectGroup##.lnk"))
        (root / "Root" / "Node 2" / "Node 2.5 - OG Shortcut" / "Shortcut.lnk").write_bytes(archive.read(name))
    return root


def test_model_v2_sample_gives_resips_tree():
    result = read_hierarchy(WITH_LINKS, "2.1")
    transfer = result.transfer
    assert result.model == 2 and not result.report.problems
    assert transfer.count_units() == 22 and [u.title for u in transfer.roots] == ["Root"]
    units = _by_title(transfer)
    # The ##Test ObjectGroup## folder is the group of the unit whose folder holds it (Node 1).
    mail = units["CSIC Tech : points remarquables PMO"]
    assert mail.management.find("AccessRule").findtext("Rule") == "ACC-00002"
    assert [(o.version, o.filename) for o in mail.object_group.objects] == [
        ("BinaryMaster_1", "-79980C36BA239C449A957.eml"), ("TextContent_1", "-79980C36BA239C449A957.txt")]
    eml = mail.object_group.objects[0]
    assert eml.size == 108810 and eml.digest.startswith("aa5ffc20") and eml.format_id == "fmt/950"
    assert eml.last_modified == "2018-08-29T02:14:40.547276Z"  # from __BinaryMaster_1__BinaryDataObjectMetadata.xml
    ods = units["201609_TdB_suivi_des_activites_VITAM.ods"].object_group.objects
    physical = [o for o in ods if isinstance(o, PhysicalDataObject)]
    assert physical[0].version == "PhysicalMaster_1" and physical[0].elements[0].text == "940 W"
    many = units["Node 2.3 - Many"]
    assert [c.title for c in many.children] == ["OK-RULES-MDRULES.zip", "OK-RULES-MDRULES_DEUX_ORIGINES.zip",
                                                "OK-RULES-MDRULES_SEDA20.zip", "SmallContract.text",
                                                "referential_contracts_ok.text", "vitam-logbook-messages_fr.text"]
    assert all(c.level == "Item" for c in many.children) and units["Node 2"].level == "RecordGrp"
    assert [c.tag for c in transfer.header.children][:3] == ["Comment", "Date", "MessageIdentifier"]
    assert transfer.management_metadata.findtext("AcquisitionInformation") == "Test Acquisition Information"


def test_model_v1_reads_like_model_v2():
    v1, v2 = read_hierarchy(WITHOUT_LINKS_V1, "2.1"), read_hierarchy(WITHOUT_LINKS_V2, "2.1")
    assert (v1.model, v2.model) == (1, 2)
    assert sorted(_by_title(v1.transfer)) == sorted(_by_title(v2.transfer))
    pdf = _by_title(v1.transfer)["20160429_tuleap.pdf"].object_group.objects
    assert [(o.version, o.filename) for o in pdf] == [("BinaryMaster_1", "20160429-tuleap.pdf"),
                                                      ("TextContent_1", "20160429-tuleap.pdf.txt")]


@pytest.mark.parametrize("name, expected", [
    ("__BinaryMaster_1__a_b.pdf", ("BinaryMaster_1", "a_b.pdf")),
    ("__TextContent_12_x.txt", ("TextContent_12", "x.txt")),
    ("__Dissemination__y.pdf", ("Dissemination", "y.pdf")),
])
def test_object_file_names(name, expected):
    assert object_version(name) == expected


def test_links_and_shortcuts_add_parents_and_share_groups(linked_sample):
    transfer = read_hierarchy(linked_sample, "2.1").transfer
    units = _by_title(transfer)
    image = units["image001.jpg"]
    assert sorted(p.title for p in image.parents) == ["CSIC Tech : points remarquables PMO", "Root"]
    group = units["CSIC Tech : points remarquables PMO"].object_group
    assert units["Node 2.4 - OG Link"].object_group is group
    assert units["Node 2.5 - OG Shortcut"].object_group is group  # through the Windows .lnk
    assert transfer.count_units() == 22


def test_export_then_import_gives_the_same_transfer(linked_sample, tmp_path):
    original = read_hierarchy(linked_sample, "2.1").transfer
    out = tmp_path / "exported"
    assert write_hierarchy(original, out) == 22
    assert (out / "__GlobalMetadata.xml").is_file() and (out / "__ManagementMetadata.xml").is_file()
    shared = list(out.rglob("##DataObjectGroup-*##"))
    assert len(shared) == 1 and len([p for p in out.rglob("##DataObjectGroup##") if p.is_symlink()]) == 2
    again = read_hierarchy(out, "2.1").transfer
    assert [_signature(u) for u in again.roots] == [_signature(u) for u in original.roots]
    assert again.header == original.header and again.management_metadata == original.management_metadata
    assert len({id(u.object_group) for u in again.iter_units() if u.object_group}) == len(original.groups)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".exported")]  # no temporary folder left


def test_export_refuses_a_non_empty_folder(tmp_path):
    transfer = read_hierarchy(WITHOUT_LINKS_V2, "2.1").transfer
    out = tmp_path / "busy"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(HierarchyExportError, match="not an empty folder"):
        write_hierarchy(transfer, out)
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_links_outside_the_folder_and_cycles_are_refused(tmp_path):
    root = _copy(WITHOUT_LINKS_V2, tmp_path / "h")
    os.symlink(str(tmp_path), root / "Root" / "escape")
    with pytest.raises(ReadError, match="outside the imported folder"):
        read_hierarchy(root)
    os.unlink(root / "Root" / "escape")
    os.symlink("../..", root / "Root" / "Node 1" / "loop")
    with pytest.raises(ReadError, match="cycle"):
        read_hierarchy(root)


@pytest.mark.parametrize("text, expected", [
    ('<!DOCTYPE x [<!ENTITY e "boom">]><Content><Title>&e;</Title></Content>', "DOCTYPE"),
    ("<Content>\n  <Title>broken</Titel>\n</Content>", r"line 2, column \d+"),
])
def test_hostile_or_broken_metadata_is_refused_with_its_place(tmp_path, text, expected):
    unit = tmp_path / "h" / "Unit"
    unit.mkdir(parents=True)
    (unit / "__ArchiveUnitMetadata.xml").write_text(text, encoding="utf-8")
    with pytest.raises(ReadError, match=expected) as error:
        read_hierarchy(tmp_path / "h")
    assert "__ArchiveUnitMetadata.xml" in str(error.value)


def test_cli_build_detects_resips_root_files_and_exports_back(tmp_path, capsys):
    sip = tmp_path / "sip.zip"
    assert main(["build", str(WITH_LINKS), "-o", str(sip), "--seda", "2.2", "-q"]) in (0, 1)
    manifest = manifest_bytes(sip).decode("utf-8")
    assert manifest.count("<ArchiveUnit ") == 22 and "Test Acquisition Information" in manifest
    assert main(["export", str(sip), "--hierarchy", str(tmp_path / "back"), "-q"]) == 0
    assert _signature(read_hierarchy(tmp_path / "back", "2.2").transfer.roots[0]) == \
        _signature(read_hierarchy(WITH_LINKS, "2.2").transfer.roots[0])


def test_cli_build_offers_the_option_when_metadata_files_are_deeper(tmp_path, capsys):
    plain = tmp_path / "plain.zip"
    assert main(["build", str(WITHOUT_LINKS_V2), "-o", str(plain), "--seda", "2.2"]) in (0, 1)
    assert "--resip-hierarchy" in capsys.readouterr().err
    assert "__ArchiveUnitMetadata.xml" in manifest_bytes(plain).decode("utf-8")  # taken as a plain file
    resip = tmp_path / "resip.zip"
    assert main(["build", str(WITHOUT_LINKS_V2), "-o", str(resip), "--seda", "2.2", "--resip-hierarchy",
                 "-q"]) in (0, 1)
    manifest = manifest_bytes(resip).decode("utf-8")
    assert "__ArchiveUnitMetadata.xml" not in manifest and "CSIC Tech : points remarquables PMO" in manifest
