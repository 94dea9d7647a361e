"""The metadata tree and the schema-order rules derived from the official XSDs."""

from __future__ import annotations

from app.models.metadata import Element, leaf
from app.seda import ontology


def test_element_find_and_copy_are_independent():
    content = Element("Content", children=[leaf("DescriptionLevel", "Item"), leaf("Title", "A"), leaf("Title", "B")])
    assert content.findtext("Title") == "A"
    assert [t.text for t in content.findall("Title")] == ["A", "B"]
    clone = content.copy()
    clone.find("Title").text = "changed"
    assert content.findtext("Title") == "A"
    assert clone != content


def test_content_children_written_in_schema_order_whatever_the_insertion_order():
    content = Element("Content")
    for tag, text in [("EndDate", "2020"), ("Title", "T"), ("Description", "D"), ("DescriptionLevel", "File")]:
        ontology.insert_ordered(content, Element(tag, text), "2.2", ontology.CONTENT_TYPE)
    assert [c.tag for c in content] == ["DescriptionLevel", "Title", "Description", "EndDate"]


def test_normalize_keeps_each_rule_with_its_start_date():
    rule = Element("AccessRule", children=[
        leaf("Rule", "ACC-1"), leaf("StartDate", "2020-01-01"),
        leaf("Rule", "ACC-2"), leaf("StartDate", "2021-01-01"),
        leaf("PreventInheritance", "true"),
    ])
    management = Element("Management", children=[rule, leaf("NeedAuthorization", "false")])
    management.children.reverse()
    ontology.normalize(management, "2.2", ontology.MANAGEMENT_TYPE)
    assert [c.tag for c in management] == ["AccessRule", "NeedAuthorization"]
    assert [(c.tag, c.text) for c in rule] == [
        ("Rule", "ACC-1"), ("StartDate", "2020-01-01"), ("Rule", "ACC-2"), ("StartDate", "2021-01-01"),
        ("PreventInheritance", "true")]


def test_version_differences_come_from_the_schemas():
    assert not ontology.allows("2.1", ontology.MANAGEMENT_TYPE, "HoldRule")
    assert ontology.allows("2.2", ontology.MANAGEMENT_TYPE, "HoldRule")
    assert ontology.allows("2.2", ontology.CONTENT_TYPE, "Signature")
    assert not ontology.allows("2.3", ontology.CONTENT_TYPE, "Signature")
    assert ontology.allows("2.3", ontology.CONTENT_TYPE, "SigningInformation")
    assert ontology.allows("2.3", ontology.CONTENT_TYPE, "PersistentIdentifier")
    assert "RecordGrp" in ontology.enumeration("2.1", "LevelType")


def test_namespaces():
    assert ontology.namespace("2.3") == "fr:gouv:culture:archivesdefrance:seda:v2.3"
    assert ontology.version_of_namespace("fr:gouv:culture:archivesdefrance:seda:v2.1") == "2.1"
    assert ontology.version_of_namespace("fr:gouv:culture:archivesdefrance:seda:v9.99") is None
