"""Resip's simplified hierarchy + metadata.csv export (folder or zip), read back as a CSV, and zipped hierarchies."""

from __future__ import annotations

import os
import zipfile

import pytest

from app.cli import main
from app.models.transfer import ArchiveUnit, BinaryDataObject, Transfer
from app.seda.interop.archive import staging_root
from app.seda.interop.resip_csv import read_csv
from app.seda.interop.resip_disk import read_hierarchy
from app.seda.interop.resip_disk_export import HierarchyExportError
from app.seda.interop.resip_zip import extract_zip, read_zip_csv, read_zip_hierarchy, zip_layout
from app.seda.interop.simplified import select_objects, write_simplified
from app.seda.reader import ReadError
from tests.conftest import RESIP_SAMPLES
from tests.interop.test_resip_disk import TEST_IMPORT_ZIP, WITHOUT_LINKS_V2


def _signature(unit: ArchiveUnit, files: bool = True) -> tuple:
    """A unit, ids aside: metadata, object files (digest, size, usage) and children, sorted."""
    objects = ()
    if files and unit.object_group is not None:
        objects = tuple(sorted((o.version, o.digest, o.size) for o in unit.object_group.binaries))
    return (repr(unit.content.children), repr(unit.management and unit.management.children), objects,
            tuple(sorted(_signature(c, files) for c in unit.children)))


def _tree(transfer: Transfer, files: bool = True) -> list[tuple]:
    return sorted(_signature(u, files) for u in transfer.roots)


def test_folder_export_reads_back_as_the_same_tree(tmp_path):
    original = read_hierarchy(WITHOUT_LINKS_V2, "2.1").transfer
    result = write_simplified(original, tmp_path / "out", selection="all")
    assert result.units == original.count_units() == 22 and not result.report.problems
    out = tmp_path / "out"
    header = (out / "metadata.csv").read_text(encoding="utf-8").split("\r\n", 1)[0].split(";")
    assert header[:5] == ["Id", "ParentId", "File", "ObjectFiles", "Content.DescriptionLevel"]
    # Names: titles cut to 32 characters, Resip's forbidden characters replaced, trailing spaces removed.
    cases = out / "Root" / "Node 2" / "Node 2.2 - Title cases"
    assert sorted(os.listdir(cases)) == ["Node 2.2.1-^@]_êë^$£ê_ùµ_§.__;_!", "Node 2.2.2-1234567890-a",
                                         "Node 2.2.3-ENMAJUSCULE", "Node 2.2.4-Un"]
    # A leaf unit with one object is that file, in its parent's folder; several objects get __Usage_Version__.
    assert (out / "Root" / "CSIC Tech _ points remarquables" / "image001.jpg").is_file()
    assert sorted(os.listdir(out / "Root" / "Node 2" / "20160429_tuleap.pdf")) == [
        "__BinaryMaster_1__20160429-tuleap.pdf", "__TextContent_1__20160429-tuleap.pdf.txt"]
    back = read_csv(out / "metadata.csv", "2.1")
    assert not back.report.problems
    assert _tree(back.transfer) == _tree(original)
    mail = next(u for u in back.transfer.iter_units() if u.title.startswith("CSIC Tech"))
    assert sorted((o.version, o.filename) for o in mail.object_group.objects) == [
        ("BinaryMaster_1", "-79980C36BA239C449A957.eml"), ("TextContent_1", "-79980C36BA239C449A957.txt")]


def test_zip_export_is_a_real_zip_and_reads_back(tmp_path):
    original = read_hierarchy(WITHOUT_LINKS_V2, "2.1").transfer
    dest = tmp_path / "FilesCsv.zip"
    write_simplified(original, dest)  # Resip's default: the last version of the best usage only
    with zipfile.ZipFile(dest) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
    assert "metadata.csv" in names and "Root/Node 2/20160429-tuleap.pdf" in names
    assert not any("TextContent" in n for n in names)
    assert zip_layout(dest) == "csv"
    back = read_zip_csv(dest, "2.1").transfer
    assert _tree(back, files=False) == _tree(original, files=False)
    tuleap = next(u for u in back.iter_units() if u.title == "20160429_tuleap.pdf")
    pdf = next(u for u in original.iter_units() if u.title == "20160429_tuleap.pdf").object_group.objects[0]
    assert [(o.version, o.filename, o.digest) for o in tuleap.object_group.objects] == [
        ("BinaryMaster_1", "20160429-tuleap.pdf", pdf.digest)]


def _unit(transfer: Transfer, title: str, parent: ArchiveUnit | None = None, files: list[tuple[str, str]] = ()):
    unit = transfer.new_unit(title, "Item", parent)
    if files:
        group = unit.object_group = transfer.new_group()
        for version, path in files:
            group.objects.append(BinaryDataObject(transfer.ids.new(), version, source_path=str(path),
                                                  filename=os.path.basename(path)))
    return unit


def test_naming_rules_collisions_and_links(tmp_path):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    transfer = Transfer("2.2")
    top = _unit(transfer, "Same: title", None)
    first = _unit(transfer, "Dossier " + "x" * 40, top)
    second = _unit(transfer, "Dossier " + "x" * 40, top)
    _unit(transfer, "leaf", first, [("BinaryMaster_1", pdf)])
    twice = _unit(transfer, "leaf twice", first, [("BinaryMaster_1", pdf)])
    shared = _unit(transfer, "shared", first)
    second.add_child(shared)
    at_root = _unit(transfer, "csv at the root", None, [("BinaryMaster_1", _file(tmp_path, "metadata.csv"))])
    result = write_simplified(transfer, tmp_path / "out", max_name_size=12)
    out = tmp_path / "out"
    assert sorted(os.listdir(out)) == ["Same_ title", f"metadata-{at_root.object_group.objects[0].id}.csv",
                                     "metadata.csv"]
    folders = sorted(os.listdir(out / "Same_ title"))
    assert folders == [f"Dossier -{second.id}", "Dossier xxxx"]  # cut to 12 with its id, as Resip
    assert set(os.listdir(out / "Same_ title" / "Dossier xxxx")) == {
        "a.pdf", f"a-{twice.object_group.objects[0].id}.pdf", "shared"}
    link = out / "Same_ title" / f"Dossier -{second.id}" / "shared.link"
    assert link.is_symlink() and os.readlink(link) == "../Dossier xxxx/shared"
    assert result.units == 7 and result.links == 1 and result.files == 3
    back = read_csv(out / "metadata.csv", "2.2").transfer
    assert back.count_units() == 7 and sorted(u.title for u in back.iter_units()) == sorted(
        u.title for u in transfer.iter_units())


def _file(folder, name: str, data: bytes = b"x"):
    path = folder / "src" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def test_object_selection_as_resip():
    transfer = Transfer("2.2")
    unit = _unit(transfer, "u", None, [("TextContent_1", "t1"), ("BinaryMaster_2", "b2"), ("BinaryMaster_1", "b1"),
                                       ("Dissemination_1", "d1")])
    assert [o.source_path for o in select_objects(unit, "first")] == ["b1"]
    assert [o.source_path for o in select_objects(unit, "last")] == ["b2"]
    assert len(select_objects(unit, "all")) == 4


def test_failed_export_leaves_nothing(tmp_path):
    transfer = Transfer("2.2")
    _unit(transfer, "gone", None, [("BinaryMaster_1", tmp_path / "missing.pdf")])
    dest = tmp_path / "out.zip"
    dest.write_bytes(b"previous")
    with pytest.raises(HierarchyExportError, match="missing.pdf"):
        write_simplified(transfer, dest)
    with pytest.raises(HierarchyExportError, match="missing.pdf"):
        write_simplified(transfer, tmp_path / "out")
    assert dest.read_bytes() == b"previous"
    assert sorted(os.listdir(tmp_path)) == ["out.zip"]
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    with pytest.raises(HierarchyExportError, match="not an empty folder"):
        write_simplified(transfer, tmp_path / "full")


def test_objects_without_file_are_left_out_with_a_warning(tmp_path):
    transfer = Transfer("2.2")
    unit = _unit(transfer, "manifest only", None)
    unit.object_group = transfer.new_group()
    unit.object_group.objects.append(BinaryDataObject("O1", "BinaryMaster_1", filename="a.pdf"))
    result = write_simplified(transfer, tmp_path / "out")
    assert result.units == 1 and result.files == 0 and len(result.report.problems) == 1
    assert (tmp_path / "out" / "manifest only").is_dir()


def test_cli_simplified_export_then_build(tmp_path, capsys):
    assert main(["export", str(TEST_IMPORT_ZIP), "--simplified", str(tmp_path / "out"), "--objects", "all"]) == 0
    assert main(["export", str(TEST_IMPORT_ZIP), "--simplified", str(tmp_path / "out.zip")]) == 0
    assert "22 archive units" in capsys.readouterr().out
    for source in (tmp_path / "out" / "metadata.csv", tmp_path / "out.zip"):
        assert main(["build", str(source), "-o", str(tmp_path / "sip.zip")]) in (0, 1)  # 1: no --context
        assert "22 archive units" in capsys.readouterr().out
    # The folder itself is scanned as plain files, and the CLI says where the metadata is.
    assert main(["build", str(tmp_path / "out"), "-o", str(tmp_path / "plain.zip"), "--force"]) in (0, 1)
    assert f"give the CSV instead: {tmp_path / 'out' / 'metadata.csv'}" in capsys.readouterr().err


# -- zipped Resip hierarchies ----------------------------------------------------------------------------
def test_resips_test_import_zip():
    assert zip_layout(TEST_IMPORT_ZIP) == "hierarchy"
    result = read_zip_hierarchy(TEST_IMPORT_ZIP, "2.1")
    transfer = result.transfer
    assert result.model == 2 and not result.report.problems
    assert transfer.count_units() == 22 and [u.title for u in transfer.roots] == ["Root"]
    assert [c.tag for c in transfer.header.children][:3] == ["Comment", "Date", "MessageIdentifier"]
    units = {u.title: u for u in transfer.iter_units()}
    # Resip's Windows shortcuts: a second parent for a unit, a shared object group.
    assert len(units["OK-RULES-MDRULES.zip"].parents) == 2 and len(units["Node 2.4 - OG Link"].parents) == 2
    mail = units["CSIC Tech : points remarquables PMO"].object_group
    assert units["Node 2.5 - OG Shortcut"].object_group is mail
    eml = mail.objects[0]
    assert eml.size == 108810 and eml.source_path.startswith(str(staging_root()))
    assert "Node 2.2.1-^@]}êë^$£ê%ùµ_§._,;_!œŒÊ" in units  # names decoded


def test_zipped_hierarchy_equals_the_folder(tmp_path):
    dest = tmp_path / "h.zip"
    with zipfile.ZipFile(dest, "w") as archive:
        for folder, _dirs, files in os.walk(WITHOUT_LINKS_V2):
            for name in files:
                path = os.path.join(folder, name)
                archive.write(path, os.path.relpath(path, WITHOUT_LINKS_V2))
    assert zip_layout(dest) == ""  # no root metadata: only on request
    assert _tree(read_zip_hierarchy(dest, "2.1").transfer) == _tree(read_hierarchy(WITHOUT_LINKS_V2, "2.1").transfer)
    assert main(["build", str(dest), "-o", str(tmp_path / "sip.zip")]) == 1
    assert main(["build", str(dest), "--resip-hierarchy", "-o", str(tmp_path / "sip.zip")]) in (0, 1)
    assert (tmp_path / "sip.zip").is_file()


def _symlink_entry(archive: zipfile.ZipFile, name: str, target: str) -> None:
    info = zipfile.ZipInfo(name)
    info.external_attr = 0o120777 << 16
    archive.writestr(info, target)


def test_zip_symbolic_links_inside_are_kept(tmp_path):
    dest = tmp_path / "links.zip"
    with zipfile.ZipFile(dest, "w") as archive:
        archive.writestr("__ManagementMetadata.xml", "<ManagementMetadata/>")
        archive.writestr("A/__ArchiveUnitMetadata.xml", "<Content><DescriptionLevel>File</DescriptionLevel>"
                                                          "<Title>A</Title></Content>")
        archive.writestr("B/x.txt", "x")
        _symlink_entry(archive, "B/link to A", "../A")
    transfer = read_zip_hierarchy(dest).transfer
    assert sorted(u.title for u in transfer.roots) == ["B"]
    a = next(u for u in transfer.iter_units() if u.title == "A")
    assert [p.title for p in a.parents] == ["B"]


@pytest.mark.parametrize("entries, expected", [
    ([("../evil.txt", "x")], "points outside the archive"),
    ([("/abs.txt", "x")], "points outside the archive"),
    ([("a\\b.txt", "x")], "backslashes"),
    ([("A/x.txt", "x"), ("A/link", "../../etc", "link")], "outside the archive"),
    ([("A/link", "/etc/passwd", "link")], "outside the archive"),
    ([("big.bin", b"\0" * (64 << 20))], "zip bomb"),
])
def test_hostile_zips_are_refused_and_nothing_stays(tmp_path, entries, expected):
    dest = tmp_path / "bad.zip"
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data, *kind in entries:
            if kind:
                _symlink_entry(archive, name, data)
            else:
                archive.writestr(name, data)
    with pytest.raises(ReadError, match=expected):
        read_zip_hierarchy(dest)
    assert not staging_root().exists() or not os.listdir(staging_root())


def test_truncated_zip_and_cp850_names(tmp_path):
    with pytest.raises(ReadError, match="not a readable zip"):
        extract_zip(RESIP_SAMPLES / "TestSipV2.zip")
    dest = tmp_path / "dos.zip"
    with zipfile.ZipFile(dest, "w") as archive:
        archive.writestr("Dossier/caf_.txt", "x")
    dest.write_bytes(dest.read_bytes().replace(b"caf_.txt", "café.txt".encode("cp850")))  # no UTF-8 flag
    staged = extract_zip(dest)
    assert os.listdir(staged / "Dossier") == ["café.txt"]



def test_cancelled_export_leaves_nothing(tmp_path):
    from app.models.tasks import Cancelled, CancelToken

    token = CancelToken()
    token.cancel()
    original = read_hierarchy(WITHOUT_LINKS_V2, "2.1").transfer
    for dest in (tmp_path / "out", tmp_path / "out.zip"):
        with pytest.raises(Cancelled):
            write_simplified(original, dest, cancel=token)
    assert os.listdir(tmp_path) == []
