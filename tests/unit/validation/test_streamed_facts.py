"""The fast streamed pass (collect_streamed) agrees with the general one, stays bounded, and is used."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app.seda.schemas import default_store, load_schema
from app.seda.validation import facts as facts_module
from app.seda.validation import validate
from app.seda.validation.checks import find_cycle
from app.seda.validation.facts import Facts, collect, collect_streamed, read_root
from tests.conftest import CORPUS

SEDA = CORPUS / "seda"
SAMPLES = [
    "sip/valid/manifests/seda-2.1_Mercier.xml",
    "sip/valid/manifests/seda-2.1_refnonruleid_multiple_and_preventinheritence.xml",
    "sip/valid/manifests/seda-2.2_sip2_2.xml",
    "sip/valid/manifests/seda-2.3_sip2_3.xml",
    "sip/valid/seda-2.1/OK_ARBO_desunitsdeclare_1unitfilsavantpere.zip",
    "sip/valid/seda-2.1/OK_RULES_COMPLEXE_COMPLETE.zip",
    "sip/valid/seda-2.1/OK_SIP_1000_AU.zip",
    "sip/invalid/package/KO_CYCLE.zip",
    "sip/invalid/package/KO_OBJT_orphelins.zip",
    "sip/invalid/business/KO_Endate_anterieur_Started.zip",
    "sip/invalid/business/KO_1791_SIP_TITLE_VIDE.zip",
]


def _manifest(dest: str) -> bytes:
    path = SEDA / dest
    if path.suffix == ".xml":
        return path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith("manifest.xml") and "/" not in n)
        return archive.read(name)


def _both(data: bytes) -> tuple[Facts, Facts]:
    namespace = read_root(io.BytesIO(data))
    schema = load_schema(namespace.rsplit("v", 1)[1], str(default_store()))
    return collect_streamed(io.BytesIO(data), schema, namespace), collect(io.BytesIO(data), schema)


@pytest.mark.parametrize("dest", SAMPLES, ids=lambda d: d.split("/")[-1])
@pytest.mark.parametrize("batch", [1 << 20, 600], ids=["one-batch", "many-batches"])
def test_streamed_facts_agree_with_the_general_pass(dest: str, batch: int, monkeypatch) -> None:
    monkeypatch.setattr(facts_module, "BATCH_BYTES", batch)  # small batches: parser read-ahead, pruning
    fast, full = _both(_manifest(dest))
    assert fast.unit_ids == full.unit_ids and fast.unit_ids
    assert fast.header == full.header
    assert fast.objects == full.objects and fast.groups == full.groups and fast.group_decls == full.group_decls
    assert sorted(fast.refs, key=repr) == sorted(full.refs, key=repr)
    assert sorted(fast.rules, key=repr) == sorted(full.rules, key=repr)
    for unit in full.units.values():  # every unit the checks could flag is in the fast facts, alike
        flagged = (unit.title is None or not unit.level or unit.start_date or unit.end_date or unit.group_ref
                   or unit.object_refs or not unit.has_content)
        fast_unit = fast.units.get(unit.id)
        if flagged:
            assert fast_unit is not None, unit.id
        if fast_unit is not None and fast_unit.has_content:
            got = (fast_unit.title, fast_unit.level, fast_unit.start_date, fast_unit.end_date,
                   fast_unit.group_ref, fast_unit.object_refs, fast_unit.line)
            assert got == (unit.title, unit.level, unit.start_date, unit.end_date, unit.group_ref,
                           unit.object_refs, unit.line), unit.id
    assert (find_cycle(fast) is None) == (find_cycle(full) is None)


def test_streamed_pass_finds_the_cycle() -> None:
    fast, _full = _both(_manifest("sip/invalid/package/KO_CYCLE.zip"))
    cycle = find_cycle(fast)
    assert cycle is not None and cycle[0] == cycle[-1]


def _generated(tmp_path: Path, units: int) -> Path:
    from bench.bench_validate import build

    path = tmp_path / "manifest.xml"
    build(units, path)
    return path


def test_streamed_pass_keeps_the_tree_small(tmp_path: Path, monkeypatch) -> None:
    path = _generated(tmp_path, 3000)
    monkeypatch.setattr(facts_module, "BATCH_BYTES", 8192)
    sizes: list[int] = []
    flush = facts_module._StreamedCollector.flush

    def spy(self, root: etree._Element, *, final: bool = False) -> None:
        flush(self, root, final=final)
        sizes.append(sum(1 for _ in root.iter("{*}ArchiveUnit")))

    monkeypatch.setattr(facts_module._StreamedCollector, "flush", spy)
    schema = load_schema("2.2", str(default_store()))
    with open(path, "rb") as f:
        facts = collect_streamed(f, schema, "fr:gouv:culture:archivesdefrance:seda:v2.2")
    # 2,999 items, 30 folders and the fonds; lxml reads 32 KiB at a time, so a flush every read at most
    assert len(facts.unit_ids) == 3030 and len(sizes) >= 10
    assert max(sizes) <= 3  # only the open ancestors (Fonds, Dossier) and the unit being read remain


def test_validation_of_a_regular_manifest_takes_the_fast_path(tmp_path: Path, monkeypatch) -> None:
    path = _generated(tmp_path, 2000)
    import app.seda.validation as validation

    def refuse(*_args, **_kwargs):
        raise AssertionError("the general (slow) pass was used")

    monkeypatch.setattr(validation, "collect", refuse)
    report = validate(path)
    assert report.valid, [f.render() for f in report.errors]


def test_a_finding_on_a_unit_names_it_from_the_fast_pass(tmp_path: Path) -> None:
    path = _generated(tmp_path, 300)
    text = path.read_text(encoding="utf-8").replace("<Title>Pièce 150</Title>", "<Title> </Title>", 1)
    path.write_text(text, encoding="utf-8")
    report = validate(path)
    [finding] = report.errors
    assert finding.check == "vitam.empty-title" and finding.unit_id
    assert finding.line and "<Title> </Title>" in text.splitlines()[finding.line + 2]
