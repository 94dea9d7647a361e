"""The compiled row plans of the Resip CSV import give exactly the elements the shape walk gives."""

from __future__ import annotations

import pytest

from app.seda.interop import resip_csv
from app.seda.interop.resip_csv import read_csv
from tests.conftest import RESIP_SAMPLES

RESOURCES = RESIP_SAMPLES.parent


def _units(path, version="2.1"):
    transfer = read_csv(path, version, with_files=False).transfer
    return [(u.content, u.management, u.source, [c.id for c in u.children]) for u in transfer.iter_units()]


@pytest.mark.parametrize("path", [
    RESIP_SAMPLES / "MetadataTestOK1col.csv", RESIP_SAMPLES / "MetadataTestOK3col.csv",
    RESIP_SAMPLES / "MetadataTestManagementOK3col.csv", RESOURCES / "ExpectedResults" / "ExportedMetadata.csv",
    RESOURCES / "ExpectedResults" / "ExportedMetadataWithExtendedFormat.csv",
], ids=lambda p: p.name)
def test_compiled_plans_equal_the_shape_walk(path, monkeypatch):
    compiled = _units(path)
    monkeypatch.setattr(resip_csv._Plan, "MAX_PATTERNS", 0)  # every row walks its shape instead
    assert _units(path) == compiled


def test_rows_filling_different_cells_and_shared_attributes(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text(
        "ID;ParentID;File;Content.Title;Content.Title.attr;Content.Writer.1.FullName;Content.Writer.0.FullName;"
        "attr;Management.AccessRule.StartDate.1;Management.AccessRule.Rule.1;Management.AccessRule.Rule.0\n"
        '1;;;T1;xml:lang="fr";B;A;xml:lang="en";;R2;R1\n'
        '2;1;;T2;xml:lang="fr";;A;;2020-01-01;R2;\n'
        '3;1;;"T3 ""quoted""";;;;;;;\n', encoding="utf-8")
    units = {u.content.findtext("Title"): u for u in read_csv(path, "2.2", with_files=False).transfer.iter_units()}
    first = units["T1"]
    assert [(e.tag, e.text, e.attrib) for e in first.content.children] == [
        ("Title", "T1", {"{http://www.w3.org/XML/1998/namespace}lang": "fr"}), ("Writer", None, None),
        ("Writer", None, None)]
    assert [w.find("FullName").text for w in first.content.findall("Writer")] == ["A", "B"]
    assert first.content.findall("Writer")[0].find("FullName").attrib == {
        "{http://www.w3.org/XML/1998/namespace}lang": "en"}
    assert [(e.tag, e.text) for e in first.management.find("AccessRule").children] == [("Rule", "R1"), ("Rule", "R2")]
    assert [(e.tag, e.text) for e in units["T2"].management.find("AccessRule").children] == [
        ("Rule", "R2"), ("StartDate", "2020-01-01")]
    # Attribute dicts are never shared between elements (they may be edited one by one).
    assert units["T1"].content.children[0].attrib is not units["T2"].content.children[0].attrib
    quoted = units['T3 "quoted"']
    assert quoted.management is None and quoted.content.children[0].text == 'T3 "quoted"'
