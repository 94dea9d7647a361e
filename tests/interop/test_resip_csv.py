"""Resip metadata CSV import and export, on Resip's own test files."""

from __future__ import annotations

import pytest

from app.cli import main
from app.seda.interop.resip_csv import read_csv, write_csv
from app.seda.interop.sip_import import import_package
from app.seda.reader import ReadError
from tests.conftest import CORPUS, RESIP_SAMPLES

RESOURCES = RESIP_SAMPLES.parent


@pytest.mark.parametrize("name, units, roots, files", [
    ("MetadataTestOK1col.csv", 8, 2, 2), ("MetadataTestOK3col.csv", 7, 1, 2),
    ("MetadataTestManagementOK3col.csv", 7, 1, 2),
])
def test_resip_csv_header_forms(name, units, roots, files):
    result = read_csv(RESIP_SAMPLES / name, "2.1")
    transfer = result.transfer
    assert result.encoding == "windows-1252" and result.delimiter == ";"
    counts = (transfer.count_units(), len(transfer.roots), sum(1 for _ in transfer.iter_binaries()))
    assert counts == (units, roots, files)
    assert all(o.digest and o.size for o in transfer.iter_binaries())


def test_rules_and_attributes_are_built_in_schema_order():
    transfer = read_csv(RESIP_SAMPLES / "MetadataTestManagementOK3col.csv", "2.1").transfer
    managed = [u for u in transfer.iter_units() if u.management is not None]
    access = managed[0].management.find("AccessRule")
    assert [(c.tag, c.text) for c in access.children] == [("Rule", "ACC-00001"), ("StartDate", "2015-01-01")] or \
        [c.tag for c in access.children] == ["Rule", "StartDate"]
    described = [u for u in transfer.iter_units() if u.content.find("Description") is not None]
    assert any((u.content.find("Description").attrib or {}) for u in described)


@pytest.mark.parametrize("name, expected", [
    ("MetadataTestLineKO.csv", "line 4"), ("MetadataTestTagKO.csv", "column 4"),
])
def test_bad_csv_names_line_and_column(name, expected):
    with pytest.raises(ReadError, match=expected):
        read_csv(RESIP_SAMPLES / name)


def test_libreoffice_resave_with_bom_and_commas(tmp_path):
    text = (RESIP_SAMPLES / "MetadataTestOK3col.csv").read_bytes().decode("cp1252")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    out = io.StringIO()
    csv.writer(out, delimiter=",", quoting=csv.QUOTE_MINIMAL).writerows(rows)
    resaved = tmp_path / "resaved.csv"
    resaved.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    (tmp_path / "SampleWithoutLinksModelV2").symlink_to(RESIP_SAMPLES / "SampleWithoutLinksModelV2")
    original = read_csv(RESIP_SAMPLES / "MetadataTestOK3col.csv", with_files=False).transfer
    result = read_csv(resaved, with_files=False)
    assert result.delimiter == "," and result.encoding == "utf-8-sig"
    assert [u.content for u in result.transfer.iter_units()] == [u.content for u in original.iter_units()]


def test_export_then_import_keeps_content_and_rules(tmp_path):
    sip = import_package(CORPUS / "seda" / "sip" / "valid" / "seda-2.1" / "OK_RULES_COMPLEXE_COMPLETE.zip").transfer
    dest = tmp_path / "metadata.csv"
    assert write_csv(sip, dest) == sip.count_units()
    header = dest.read_text().split("\r\n", 1)[0].split(";")
    assert header[:4] == ["Id", "ParentId", "File", "ObjectFiles"]
    assert "Management.AccessRule.Rule.1" in header and "Content.Title" in header
    back = read_csv(dest, "2.1", with_files=False).transfer
    for a, b in zip(sip.iter_units(), back.iter_units()):
        assert a.content == b.content and a.management == b.management
    assert back.count_units() == sip.count_units()


def test_cli_export_and_build_from_csv(tmp_path, capsys):
    sip = CORPUS / "seda" / "sip" / "valid" / "seda-2.1" / "OK_SIP_2RACINES_AVEC_MANAGEMENTMETADATA.zip"
    assert main(["export", str(sip), "--manifest", str(tmp_path / "m.xml")]) == 0
    assert main(["export", str(sip), "--csv", str(tmp_path / "m.csv")]) == 0
    assert main(["export", str(RESIP_SAMPLES / "TestSipCyclic.zip"), "--csv", str(tmp_path / "c.csv")]) == 1
    assert "cycle" in capsys.readouterr().err
    assert not (tmp_path / "c.csv").exists()
    assert main(["build", str(RESIP_SAMPLES / "MetadataTestOK3col.csv"), "-o", str(tmp_path / "s.zip")]) in (0, 1)
    assert (tmp_path / "s.zip").is_file()
