"""Scanning a folder: units, objects, exclusions, links, bad names, unreadable files, cache."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from app.models.tasks import Cancelled, CancelToken
from app.models.transfer import BinaryDataObject
from app.seda import scanner
from app.seda.cache import ScanCache
from app.seda.scanner import ScanOptions, natural_key, scan_folder


def make_tree(root: Path) -> Path:
    (root / "Courriers").mkdir(parents=True)
    (root / "Courriers" / "lettre 2.txt").write_text("deux", encoding="utf-8")
    (root / "Courriers" / "lettre 10.txt").write_text("dix", encoding="utf-8")
    (root / "Vide").mkdir()
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    (root / "rapport été (final).pdf").write_bytes(pdf)
    (root / "vide.txt").write_bytes(b"")
    (root / "Thumbs.db").write_bytes(b"x")
    (root / "~$brouillon.docx").write_bytes(b"x")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    os.utime(root / "Courriers" / "lettre 2.txt", (1_600_000_000, 1_600_000_000))
    os.utime(root / "Courriers" / "lettre 10.txt", (1_700_000_000, 1_700_000_000))
    return root


def titles(units) -> list[str]:
    return [u.title for u in units]


def test_folders_become_record_groups_and_files_items(tmp_path):
    root = make_tree(tmp_path / "Fonds Dupont")
    result = scan_folder(root)
    transfer = result.transfer
    assert titles(transfer.roots) == ["Fonds Dupont"]
    top = transfer.roots[0]
    assert top.level == "RecordGrp"
    # Folders first, then files, in natural order; excluded names are absent.
    assert titles(top.children) == ["Courriers", "Vide", "rapport été (final).pdf", "vide.txt"]
    courriers = top.children[0]
    assert titles(courriers.children) == ["lettre 2.txt", "lettre 10.txt"]
    item = courriers.children[0]
    assert item.level == "Item"
    obj = item.object_group.objects[0]
    assert isinstance(obj, BinaryDataObject)
    assert obj.version == "BinaryMaster_1"
    assert obj.filename == "lettre 2.txt"
    assert obj.digest == hashlib.sha512(b"deux").hexdigest()
    assert obj.digest_algorithm == "SHA-512"
    assert obj.size == 4
    assert obj.mime_type == "text/plain"
    assert result.files == 4 and result.folders == 3
    assert sorted(Path(p).name for p in result.ignored) == [".git", "Thumbs.db", "~$brouillon.docx"]
    assert not result.report


def test_folder_dates_span_the_files_below(tmp_path):
    root = make_tree(tmp_path / "f")
    transfer = scan_folder(root).transfer
    courriers = transfer.roots[0].children[0]
    assert courriers.content.findtext("StartDate") == scanner.local_datetime(1_600_000_000 * 10**9)
    assert courriers.content.findtext("EndDate") == scanner.local_datetime(1_700_000_000 * 10**9)
    assert transfer.roots[0].content.findtext("StartDate") == courriers.content.findtext("StartDate")
    vide = transfer.roots[0].children[1]
    assert vide.content.findtext("StartDate") is None
    assert [c.tag for c in courriers.content] == ["DescriptionLevel", "Title", "StartDate", "EndDate"]


def test_pdf_identified_by_siegfried(tmp_path):
    root = make_tree(tmp_path / "f")
    transfer = scan_folder(root).transfer
    pdf = next(o for o in transfer.iter_binaries() if o.filename.endswith(".pdf"))
    assert pdf.format_id and pdf.format_id.startswith("fmt/")
    assert "PDF" in (pdf.format_name or "")
    assert pdf.mime_type == "application/pdf"


def test_children_as_roots_like_resip(tmp_path):
    root = make_tree(tmp_path / "f")
    transfer = scan_folder(root, ScanOptions(root_is_unit=False)).transfer
    assert titles(transfer.roots) == ["Courriers", "Vide", "rapport été (final).pdf", "vide.txt"]


def test_digest_algorithm_option(tmp_path):
    root = make_tree(tmp_path / "f")
    transfer = scan_folder(root, ScanOptions(algorithm="md5")).transfer
    obj = next(o for o in transfer.iter_binaries() if o.filename == "lettre 2.txt")
    assert obj.digest == hashlib.md5(b"deux").hexdigest()
    assert obj.digest_algorithm == "MD5"


def test_custom_and_regex_exclusions(tmp_path):
    root = make_tree(tmp_path / "f")
    options = ScanOptions(excludes=("*.txt", "Vide/"), exclude_regexes=(r"rapport.*",))
    transfer = scan_folder(root, options).transfer
    # Default excludes were replaced: Thumbs.db and .git are back; the rest matches the patterns.
    assert sorted(titles(transfer.roots[0].children)) == [".git", "Courriers", "Thumbs.db", "~$brouillon.docx"]
    assert transfer.roots[0].children[1].children == []  # Courriers' .txt files are excluded


def test_symlinks_are_not_followed_outside_and_loops_are_impossible(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret", encoding="utf-8")
    root = tmp_path / "root"
    (root / "a").mkdir(parents=True)
    (root / "a" / "doc.txt").write_text("doc", encoding="utf-8")
    os.symlink(outside, root / "to-outside")
    os.symlink(outside / "secret.txt", root / "secret-link.txt")
    os.symlink(root, root / "a" / "loop")
    os.symlink(root / "a" / "doc.txt", root / "inside-link.txt")
    os.symlink(tmp_path / "nothing", root / "broken")
    result = scan_folder(root)
    names = {o.filename for o in result.transfer.iter_binaries()}
    assert names == {"doc.txt", "inside-link.txt"}
    codes = sorted(p.code for p in result.report.problems)
    assert codes == ["link-broken", "link-loop", "link-outside", "link-outside"]


def test_undecodable_name_is_repaired_and_reported(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    raw = os.path.join(os.fsencode(root), b"caf\xe9.txt")
    with open(raw, "wb") as f:
        f.write(b"latin-1 name")
    result = scan_folder(root)
    (obj,) = list(result.transfer.iter_binaries())
    assert obj.filename == "café.txt"
    assert obj.digest == hashlib.sha512(b"latin-1 name").hexdigest()
    (problem,) = result.report.problems
    assert problem.code == "name-undecodable"
    assert "café.txt" in problem.render()


def test_undecodable_name_goes_through_the_scan_cache(tmp_path):
    # The CLI always scans with the cache: a name that is not UTF-8 must not crash SQLite.
    root = tmp_path / "root"
    root.mkdir()
    raw = os.path.join(os.fsencode(root), b"bad\xff.txt")
    with open(raw, "wb") as f:
        f.write(b"bytes")
    cache_file = tmp_path / "cache.sqlite"
    for expected_cached in (0, 1):
        with ScanCache(cache_file) as cache:
            result = scan_folder(root, cache=cache)
        (obj,) = list(result.transfer.iter_binaries())
        assert obj.digest == hashlib.sha512(b"bytes").hexdigest()
        assert result.cached == expected_cached


def test_unreadable_file_is_left_out_and_reported(tmp_path, monkeypatch):
    root = make_tree(tmp_path / "f")
    real = scanner.hash_file

    def failing(path, algorithm, identifier):
        if path.endswith("lettre 10.txt"):
            raise PermissionError(13, "Permission denied", path)
        return real(path, algorithm, identifier)

    monkeypatch.setattr(scanner, "hash_file", failing)
    result = scan_folder(root)
    assert "lettre 10.txt" not in {o.filename for o in result.transfer.iter_binaries()}
    assert titles(result.transfer.roots[0].children[0].children) == ["lettre 2.txt"]
    assert len(result.transfer.groups) == 3
    (problem,) = result.report.problems
    assert problem.code == "file-unreadable" and "Permission denied" in problem.render()
    assert result.files == 3


def test_special_files_are_reported(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    os.mkfifo(root / "pipe")
    result = scan_folder(root)
    assert [p.code for p in result.report.problems] == ["file-special"]
    assert result.files == 0


def test_cache_reuses_unchanged_files_and_rehashes_changed_ones(tmp_path):
    root = make_tree(tmp_path / "f")
    cache_file = tmp_path / "cache.sqlite"
    with ScanCache(cache_file) as cache:
        first = scan_folder(root, cache=cache)
    assert first.cached == 0
    target = root / "vide.txt"
    target.write_bytes(b"now with content")
    with ScanCache(cache_file) as cache:
        second = scan_folder(root, cache=cache)
    assert second.cached == 3
    obj = next(o for o in second.transfer.iter_binaries() if o.filename == "vide.txt")
    assert obj.digest == hashlib.sha512(b"now with content").hexdigest()


def test_damaged_cache_is_rebuilt(tmp_path):
    cache_file = tmp_path / "cache.sqlite"
    cache_file.write_bytes(b"this is not sqlite" * 100)
    root = make_tree(tmp_path / "f")
    with ScanCache(cache_file) as cache:
        result = scan_folder(root, cache=cache)
    assert result.files == 4


def test_progress_reaches_total_and_cancel_stops(tmp_path):
    root = make_tree(tmp_path / "f")
    seen = []
    scan_folder(root, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] > 0
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        scan_folder(root, cancel=token)


def test_natural_order():
    assert sorted(["Dossier 10", "dossier 2", "Dossier 1"], key=natural_key) == ["Dossier 1", "dossier 2",
                                                                                   "Dossier 10"]
