"""The .liasse project file: round trip, atomic save, recovery copies, moved sources."""

from __future__ import annotations

import time
import zipfile

import pytest

from app.models import project as proj
from app.models.metadata import Element
from app.models.transfer import BinaryDataObject, PhysicalDataObject, Transfer


def _transfer(folder) -> Transfer:
    transfer = Transfer("2.3")
    transfer.header.append(Element("Comment", "héllo"))
    transfer.management_metadata.append(Element("OriginatingAgencyIdentifier", "FRAD"))
    root = transfer.new_unit("Root", "Fonds")
    a = transfer.new_unit("A", "File", root)
    b = transfer.new_unit("B", "File", root)
    shared = transfer.new_unit("Shared", "Item", a)
    b.add_child(shared)
    shared.content.append(Element("Description", "d", {"{http://www.w3.org/XML/1998/namespace}lang": "fr"}))
    shared.management = Element("Management", children=[Element("AccessRule", children=[Element("Rule", "ACC-1")])])
    group = transfer.new_group()
    obj = BinaryDataObject(transfer.ids.new(), source_path=str(folder / "data" / "f.txt"), filename="f.txt")
    obj.size, obj.digest, obj.digest_algorithm = 3, "abc", "SHA-512"
    group.objects = [obj, PhysicalDataObject(transfer.ids.new(), elements=[Element("PhysicalId", "box 1")])]
    shared.object_group = group
    return transfer


def test_round_trip_keeps_everything(tmp_path):
    transfer = _transfer(tmp_path)
    project = proj.Project(transfer, source_root=str(tmp_path / "data"), settings={"compress": True},
                           scan={"files": 1})
    path = tmp_path / "p.liasse"
    proj.save_project(project, path)
    loaded = proj.load_project(path)
    t2 = loaded.transfer
    assert t2.version == "2.3" and t2.header == transfer.header
    assert t2.management_metadata == transfer.management_metadata
    assert [u.id for u in t2.iter_units()] == [u.id for u in transfer.iter_units()]
    shared = t2.roots[0].children[0].children[0]
    assert shared is t2.roots[0].children[1].children[0]  # one unit, two parents
    assert [p.title for p in shared.parents] == ["A", "B"]
    assert shared.content == transfer.roots[0].children[0].children[0].content
    assert shared.management.find("AccessRule").findtext("Rule") == "ACC-1"
    objects = shared.object_group.objects
    assert objects[0].digest == "abc" and objects[0].size == 3 and objects[1].elements[0].text == "box 1"
    assert loaded.settings == {"compress": True} and loaded.scan == {"files": 1}
    assert loaded.source_root == str(tmp_path / "data")
    # New ids never collide with loaded ones.
    assert t2.ids.new() not in {u.id for u in t2.iter_units()} | {g.id for g in t2.groups}


def test_failed_save_leaves_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "p.liasse"
    project = proj.Project(_transfer(tmp_path))
    proj.save_project(project, path)
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(proj, "_unit_records", boom)
    with pytest.raises(OSError):
        proj.save_project(project, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []


def test_not_a_project(tmp_path):
    bad = tmp_path / "bad.liasse"
    bad.write_text("nope")
    with pytest.raises(proj.ProjectError):
        proj.load_project(bad)
    other = tmp_path / "other.liasse"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("project.json", '{"format": "x"}')
    with pytest.raises(proj.ProjectError):
        proj.load_project(other)


def test_recovery_copy_found_and_discarded(tmp_path):
    project = proj.Project(_transfer(tmp_path), path=tmp_path / "mine.liasse")
    copy = proj.autosave(project, "s1")
    assert copy.parent == proj.recovery_dir()
    found = proj.find_recoveries()
    assert [r.original for r in found] == [tmp_path / "mine.liasse"]
    restored = proj.load_project(found[0].path)
    assert restored.transfer.count_units() == 4
    untitled = proj.autosave(proj.Project(Transfer()), "s2")
    assert untitled != copy and len(proj.find_recoveries()) == 2
    proj.discard_recovery(tmp_path / "mine.liasse", "s1")
    proj.discard_recovery(None, "s2")
    assert proj.find_recoveries() == []


def test_missing_sources_and_relocation(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "f.txt").write_text("abc")
    project = proj.Project(_transfer(tmp_path), source_root=str(data))
    assert proj.missing_sources(project.transfer) == []
    moved = tmp_path / "moved"
    data.rename(moved)
    assert len(proj.missing_sources(project.transfer)) == 1
    assert proj.relocate(project, str(moved)) == 1
    assert proj.missing_sources(project.transfer) == []
    assert project.source_root == str(moved)


def test_export_view_drops_orphan_groups(tmp_path):
    transfer = _transfer(tmp_path)
    orphan = transfer.new_group()
    view = proj.export_view(transfer)
    assert orphan not in view.groups and len(view.groups) == 1 and view.roots is transfer.roots


def test_large_project_is_fast(tmp_path):
    transfer = Transfer("2.2")
    for i in range(100):
        folder = transfer.new_unit(f"Folder {i}", "RecordGrp")
        for j in range(200):
            transfer.new_unit(f"Item {i}-{j}", "Item", folder)
    path = tmp_path / "big.liasse"
    started = time.perf_counter()
    proj.save_project(proj.Project(transfer), path)
    loaded = proj.load_project(path)
    assert loaded.transfer.count_units() == 20100
    assert time.perf_counter() - started < 10


def test_snapshot_is_detached_from_structural_edits(tmp_path):
    from app.models import edits

    transfer = _transfer(tmp_path)
    root = transfer.roots[0]
    a, b = root.children
    shared = a.children[0]
    live_obj = shared.object_group.objects[0]
    snap = proj.snapshot(transfer)
    units = list(snap.iter_units())
    assert [u.id for u in units] == [u.id for u in transfer.iter_units()]
    assert all(u is not v for u, v in zip(units, transfer.iter_units(), strict=True))
    copy_shared = next(u for u in units if u.id == shared.id)
    assert [p.id for p in copy_shared.parents] == [a.id, b.id]
    assert copy_shared.content is shared.content  # metadata trees are shared (edits are copy-on-write)
    # Edits of the live transfer do not reach the snapshot...
    edits.RemoveUnit(a, shared).apply(transfer)
    edits.SetObjects(shared, []).apply(transfer)
    assert [c.id for c in copy_shared.parents[0].children] == [shared.id]
    assert copy_shared.object_group is not None and len(copy_shared.object_group.objects) == 2
    # ...and what a writer fills in on the snapshot does not reach the live transfer.
    copy_obj = snap.groups[0].objects[0]
    copy_obj.uri = "Content/x.txt"
    assert copy_obj.id == live_obj.id and live_obj.uri != "Content/x.txt"
    # New ids drawn from the snapshot never repeat one in use.
    used = {u.id for u in transfer.iter_units()} | {g.id for g in snap.groups} | {o.id for o in snap.groups[0].objects}
    assert not {snap.ids.new() for _ in range(20)} & used
