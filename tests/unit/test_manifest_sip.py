"""The manifest writer and the SIP writer on hand-built and scanned transfers."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app.models.metadata import Element, leaf
from app.models.tasks import Cancelled, CancelToken
from app.models.transfer import Transfer
from app.seda import sip as sip_module
from app.seda.context import context_from_dict
from app.seda.manifest import write_manifest
from app.seda.report import Report, Severity
from app.seda.scanner import scan_folder
from app.seda.sip import ExportError, ExportOptions, export_sip, is_compressible
from app.seda.xsd import validate_manifest
from tests.conftest import XSD_SOURCE
from tests.e2e.sipcheck import check_sip

NS = {"s": "fr:gouv:culture:archivesdefrance:seda:v2.2"}


def manifest_of(transfer: Transfer) -> etree._Element:
    buffer = io.BytesIO()
    write_manifest(transfer, buffer)
    return etree.fromstring(buffer.getvalue())


def minimal_transfer(version: str = "2.2") -> Transfer:
    transfer = Transfer(version)
    context_from_dict({"MessageIdentifier": "T1", "ArchivalAgency": "AA", "TransferringAgency": "TA",
                       "ArchivalAgreement": "IC-1", "Date": "2024-01-01T00:00:00"}, version).apply(transfer)
    return transfer


def test_unit_with_two_parents_is_written_once_and_referenced(tmp_path):
    transfer = minimal_transfer()
    a = transfer.new_unit("A", "Series")
    b = transfer.new_unit("B", "Series")
    shared = transfer.new_unit("Shared", "File", a)
    b.add_child(shared)
    root = manifest_of(transfer)
    units = root.findall(".//s:ArchiveUnit", NS)
    full = [u for u in units if u.find("s:Content", NS) is not None]
    refs = [u for u in units if u.find("s:ArchiveUnitRefId", NS) is not None]
    assert [u.findtext("s:Content/s:Title", namespaces=NS) for u in full] == ["A", "Shared", "B"]
    assert len(refs) == 1 and refs[0].findtext("s:ArchiveUnitRefId", namespaces=NS) == shared.id
    path = tmp_path / "m.xml"
    path.write_bytes(etree.tostring(root))
    assert validate_manifest(path, "2.2") == []


def test_deep_nesting_does_not_recurse(tmp_path):
    transfer = minimal_transfer()
    parent = None
    for depth in range(1500):  # deeper than Python's recursion limit; libxml2 stops at 2048
        parent = transfer.new_unit(f"Level {depth}", "RecordGrp", parent)
    path = tmp_path / "deep.xml"
    write_manifest(transfer, str(path))
    assert validate_manifest(path, "2.2") == []


def test_content_order_rules_and_foreign_elements_survive(tmp_path):
    transfer = minimal_transfer()
    unit = transfer.new_unit("Dossier", "File")
    unit.content.append(leaf("Description", "Résumé", **{"{http://www.w3.org/XML/1998/namespace}lang": "fr"}))
    unit.content.insert(0, leaf("EndDate", "2020-12-31"))
    unit.management = Element("Management", children=[
        Element("AppraisalRule", children=[leaf("Rule", "APP-1"), leaf("StartDate", "2020-01-01"),
                                           leaf("Rule", "APP-2"), leaf("FinalAction", "Keep")]),
        Element("AccessRule", children=[leaf("Rule", "ACC-1"), leaf("StartDate", "2020-01-01")]),
    ])
    root = manifest_of(transfer)
    content = root.find(".//s:Content", NS)
    assert [etree.QName(c).localname for c in content] == ["DescriptionLevel", "Title", "Description", "EndDate"]
    assert content.find("s:Description", NS).get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    management = root.find(".//s:Management", NS)
    assert [etree.QName(c).localname for c in management] == ["AppraisalRule", "AccessRule"]
    appraisal = [(etree.QName(c).localname, c.text) for c in management[0]]
    assert appraisal == [("Rule", "APP-1"), ("StartDate", "2020-01-01"), ("Rule", "APP-2"), ("FinalAction", "Keep")]
    path = tmp_path / "m.xml"
    path.write_bytes(etree.tostring(root))
    assert validate_manifest(path, "2.2") == []
    assert unit.content.children[0].tag == "EndDate"  # writing never reorders the user's model


def test_control_characters_in_names_do_not_break_the_xml(tmp_path):
    transfer = minimal_transfer()
    transfer.new_unit("bad\x01name\x1f", "Item")
    root = manifest_of(transfer)
    assert root.findtext(".//s:Title", namespaces=NS) == "bad\ufffdname\ufffd"


def test_2_3_manifest_of_a_scan_is_valid(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text("a", encoding="utf-8")
    transfer = scan_folder(folder, version="2.3").transfer
    minimal = minimal_transfer("2.3")
    transfer.header, transfer.management_metadata = minimal.header, minimal.management_metadata
    path = tmp_path / "m.xml"
    write_manifest(transfer, str(path))
    assert validate_manifest(path, "2.3") == []


def scanned(tmp_path: Path, files: dict[str, bytes]) -> Transfer:
    folder = tmp_path / "src"
    for name, data in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    transfer = scan_folder(folder).transfer
    minimal = minimal_transfer()
    transfer.header, transfer.management_metadata = minimal.header, minimal.management_metadata
    return transfer


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_export_writes_a_complete_valid_sip(tmp_path):
    transfer = scanned(tmp_path, {"a/b.txt": b"hello", "c.csv": b"x;y\n1;2\n", "empty.bin": b""})
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = export_sip(transfer, out_dir / "sip.zip")
    assert result.units == 5 and result.objects == 3 and result.bytes == 13
    check_sip(out_dir / "sip.zip", XSD_SOURCE, "2.2")
    assert leftovers(out_dir) == ["sip.zip"]
    with zipfile.ZipFile(out_dir / "sip.zip") as zf:
        assert all(i.compress_type == zipfile.ZIP_STORED for i in zf.infolist())
    # The user's transfer keeps its header as it was (the export completes a copy).
    assert transfer.header.findtext("Date") == "2024-01-01T00:00:00"


def test_compress_deflates_only_compressible_formats(tmp_path):
    transfer = scanned(tmp_path, {"notes.txt": b"text " * 1000, "photo.jpg": b"\xff\xd8\xff\xe0" + bytes(500)})
    dest = tmp_path / "sip.zip"
    export_sip(transfer, dest, ExportOptions(compress=True))
    with zipfile.ZipFile(dest) as zf:
        kinds = {i.filename.rsplit(".", 1)[-1]: i.compress_type for i in zf.infolist()}
    assert kinds == {"xml": zipfile.ZIP_DEFLATED, "txt": zipfile.ZIP_DEFLATED, "jpg": zipfile.ZIP_STORED}
    check_sip(dest, XSD_SOURCE, "2.2")
    assert is_compressible("text/plain; charset=utf-8") and not is_compressible("application/pdf")


def test_changed_file_is_rehashed_and_reported(tmp_path):
    transfer = scanned(tmp_path, {"a.txt": b"before"})
    (tmp_path / "src" / "a.txt").write_bytes(b"after, longer")
    result = export_sip(transfer, tmp_path / "sip.zip")
    assert [p.code for p in result.report.problems] == ["file-changed"]
    check_sip(tmp_path / "sip.zip", XSD_SOURCE, "2.2")
    obj = next(transfer.iter_binaries())
    assert obj.digest == hashlib.sha512(b"after, longer").hexdigest()


def test_vanished_file_refuses_the_export_and_leaves_nothing(tmp_path):
    transfer = scanned(tmp_path, {"a.txt": b"a", "b.txt": b"b"})
    (tmp_path / "src" / "b.txt").unlink()
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportError) as error:
        export_sip(transfer, out / "sip.zip")
    assert "b.txt" in str(error.value)
    assert leftovers(out) == []


def test_object_without_file_refuses_the_export_unless_forced(tmp_path):
    # A manifest imported without its files keeps objects with no content; a SIP whose Uri points
    # to nothing is refused by Vitam (and by `liasse-cli validate`), so it must not be written.
    transfer = scanned(tmp_path, {"a.txt": b"a", "b.txt": b"b"})
    lost = next(o for o in transfer.iter_binaries() if o.filename == "b.txt")
    lost.source_path = None
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportError) as error:
        export_sip(transfer, out / "sip.zip")
    assert [p.code for p in error.value.report.errors] == ["object-no-file"]
    assert lost.id in error.value.report.errors[0].render()
    assert leftovers(out) == []
    result = export_sip(transfer, out / "sip.zip", ExportOptions(force=True))
    assert [p.code for p in result.report.errors] == ["object-no-file"] and leftovers(out) == ["sip.zip"]


def test_validator_errors_refuse_unless_forced(tmp_path):
    transfer = scanned(tmp_path, {"a.txt": b"a"})

    def refuse(manifest: Path, transfer: Transfer) -> Report:
        assert manifest.read_bytes().startswith(b"<?xml")
        report = Report()
        report.add(Severity.ERROR, "test", "x", sip_module._message("refused"))
        return report

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportError) as error:
        export_sip(transfer, out / "sip.zip", ExportOptions(validator=refuse))
    assert error.value.report.errors
    assert leftovers(out) == []
    result = export_sip(transfer, out / "sip.zip", ExportOptions(validator=refuse, force=True))
    assert result.report.errors and leftovers(out) == ["sip.zip"]


def test_cancel_during_copy_leaves_nothing(tmp_path):
    transfer = scanned(tmp_path, {f"f{i}.bin": os.urandom(2048) for i in range(5)})
    token = CancelToken()
    out = tmp_path / "out"
    out.mkdir()

    def progress(done: int, total: int) -> None:
        if done > 4096:
            token.cancel()

    with pytest.raises(Cancelled):
        export_sip(transfer, out / "sip.zip", progress=progress, cancel=token)
    assert leftovers(out) == []


def test_full_disk_gives_a_clear_error_and_leaves_nothing(tmp_path, monkeypatch):
    transfer = scanned(tmp_path, {"a.txt": b"a" * 10})
    out = tmp_path / "out"
    out.mkdir()
    real = sip_module._write_entry

    def full(zf, name, *args, **kwargs):
        if name != "manifest.xml":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(zf, name, *args, **kwargs)

    monkeypatch.setattr(sip_module, "_write_entry", full)
    with pytest.raises(ExportError) as error:
        export_sip(transfer, out / "sip.zip")
    assert "full" in str(error.value)
    assert leftovers(out) == []


def test_existing_destination_is_replaced_only_when_complete(tmp_path):
    transfer = scanned(tmp_path, {"a.txt": b"a"})
    dest = tmp_path / "sip.zip"
    dest.write_bytes(b"previous export")
    (tmp_path / "src" / "a.txt").unlink()
    with pytest.raises(ExportError):
        export_sip(transfer, dest)
    assert dest.read_bytes() == b"previous export"


def test_schema_check_lists_only_the_errors_of_the_file_it_checks(tmp_path):
    # lxml's validating iterparse reports through the thread's error log, which kept earlier files' errors.
    corpus = XSD_SOURCE.parent / "sip" / "invalid" / "xsd" / "KO_SEDA_2.3_Signature.zip"
    manifest = tmp_path / "manifest.xml"
    manifest.write_bytes(zipfile.ZipFile(corpus).read("manifest.xml"))
    first = validate_manifest(manifest, "2.3")
    assert len(first) == 1 and "Signature" in first[0].message
    assert validate_manifest(manifest, "2.3") == first
