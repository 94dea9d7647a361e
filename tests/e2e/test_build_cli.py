"""End-to-end: `liasse-cli build` on real and generated trees, checked independently of the engine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import CORPUS, RESIP_SAMPLES, XSD_SOURCE
from tests.e2e.sipcheck import check_sip

NS = "fr:gouv:culture:archivesdefrance:seda:v{}"
RESIP_CONTEXT = CORPUS / "resip" / "resip" / "src" / "test" / "resources" / "PacketSamples" / "ExportContext.config"


def generated_tree(root: Path) -> Path:
    """Accents, spaces, parentheses, deep nesting, empty folders and files, 1,200 files."""
    (root / "Été 2023 (copie)" / "Réunion n°1").mkdir(parents=True)
    (root / "Été 2023 (copie)" / "Réunion n°1" / "compte-rendu définitif.txt").write_text("Œuvre à faire ✓",
                                                                                          encoding="utf-8")
    (root / "Dossier vide").mkdir()
    (root / "vide.dat").write_bytes(b"")
    deep = root
    for level in range(40):
        deep = deep / f"niveau {level}"
    deep.mkdir(parents=True)
    (deep / "au fond.txt").write_text("profond", encoding="utf-8")
    bulk = root / "Lot de 1200"
    bulk.mkdir()
    for i in range(1200):
        (bulk / f"pièce {i:04d}.csv").write_text(f"n;valeur\n{i};{i * i}\n", encoding="utf-8")
    (root / "Thumbs.db").write_bytes(b"ignored")
    return root


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    return generated_tree(tmp_path_factory.mktemp("tree") / "Fonds à verser")


@pytest.mark.parametrize("version", ["2.1", "2.2", "2.3"])
def test_generated_tree_becomes_a_valid_complete_sip(tree, tmp_path, version):
    out = tmp_path / "versement.zip"
    context = tmp_path / "context.json"
    rules = {"AppraisalRule": {"Rules": [{"Rule": "APP-00001", "StartDate": "2020-01-01"}], "FinalAction": "Keep"}}
    if version != "2.1":
        rules["HoldRule"] = {"Rules": [{"Rule": "HOL-00001", "StartDate": "2020-01-01", "HoldReason": "Litige"}]}
    context.write_text(json.dumps({
        "MessageIdentifier": "VERS-2026-001", "Comment": ["Versement test", "Deuxième commentaire"],
        "ArchivalAgreement": "IC-000001", "ArchivalAgency": "Service_archives", "TransferringAgency": "Service_versant",
        "OriginatingAgencyIdentifier": "Service_producteur", "SubmissionAgencyIdentifier": "Service_versant",
        "AcquisitionInformation": "Versement", "LegalStatus": "Public Archive",
        "CodeListVersions": {"ReplyCodeListVersion": "v1"}, "Rules": rules,
    }), encoding="utf-8")
    code = main(["build", str(tree), "-o", str(out), "--seda", version, "--context", str(context), "-q"])
    assert code == 0
    manifest = check_sip(out, XSD_SOURCE, version)
    ns = {"s": NS.format(version)}
    titles = manifest.xpath("//s:ArchiveUnit/s:Content/s:Title/text()", namespaces=ns)
    assert len(titles) == 1 + 1 + 2 + 1 + 1 + 40 + 1 + 1 + 1200  # root, Été, Réunion, file, vide, deep, bulk...
    assert "compte-rendu définitif.txt" in titles and "Thumbs.db" not in titles
    filenames = manifest.xpath("//s:FileInfo/s:Filename/text()", namespaces=ns)
    assert "pièce 0042.csv" in filenames
    assert manifest.findtext("s:MessageIdentifier", namespaces=ns) == "VERS-2026-001"
    mm = manifest.find(".//s:ManagementMetadata", ns)
    assert mm.findtext("s:AppraisalRule/s:Rule", namespaces=ns) == "APP-00001"
    assert (mm.find("s:HoldRule", ns) is not None) == (version != "2.1")


@pytest.mark.parametrize("version", ["2.1", "2.2", "2.3"])
def test_resip_sample_folder_with_resip_context(tmp_path, version):
    out = tmp_path / "sip.zip"
    code = main(["build", str(RESIP_SAMPLES / "SampleWithoutLinksModelV2"), "-o", str(out), "--seda", version,
                 "--context", str(RESIP_CONTEXT), "--digest", "sha256", "--children-as-roots", "-q"])
    assert code == 0
    manifest = check_sip(out, XSD_SOURCE, version)
    ns = {"s": NS.format(version)}
    assert manifest.xpath("/s:ArchiveTransfer/s:DataObjectPackage/s:DescriptiveMetadata/s:ArchiveUnit/s:Content/"
                          "s:Title/text()", namespaces=ns) == ["Root"]
    assert set(manifest.xpath("//s:MessageDigest/@algorithm", namespaces=ns)) == {"SHA-256"}
    assert manifest.findtext(".//s:ManagementMetadata/s:OriginatingAgencyIdentifier", namespaces=ns) == \
        "Service_producteur"
    assert manifest.findtext("s:ArchivalAgreement", namespaces=ns) == "ArchivalAgreement0"


def test_hold_rule_in_2_1_context_is_refused_with_a_clear_message(tmp_path, capsys):
    context = tmp_path / "c.json"
    context.write_text(json.dumps({"Rules": {"HoldRule": {"Rules": ["HOL-1"]}}}), encoding="utf-8")
    folder = tmp_path / "f"
    folder.mkdir()
    code = main(["build", str(folder), "-o", str(tmp_path / "x.zip"), "--seda", "2.1", "--context", str(context)])
    assert code == 2
    assert "HoldRule does not exist in SEDA 2.1" in capsys.readouterr().err
    assert not (tmp_path / "x.zip").exists()


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["build", str(tmp_path / "missing"), "-o", str(tmp_path / "x.zip")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "x.zip"), "--seda", "3.0"]) == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "x.zip"), "--context", str(bad)]) == 2
    assert "line:column 1:2" in capsys.readouterr().err


def test_problems_give_exit_1_and_a_report_in_french(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "ok.txt").write_text("ok", encoding="utf-8")
    os.symlink(tmp_path, folder / "dehors")
    env = dict(os.environ, LIASSE_LANG="fr")
    proc = subprocess.run([sys.executable, "-m", "app.cli", "build", str(folder), "-o", str(tmp_path / "s.zip")],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "n'est pas suivi" in proc.stdout  # the link leading outside the folder
    assert "SIP écrit" in proc.stdout
    with zipfile.ZipFile(tmp_path / "s.zip") as zf:
        assert len(zf.namelist()) == 2


def test_schema_store_install_and_list(tmp_path, capsys):
    store = tmp_path / "store"
    assert main(["schemas", "--store", str(store), "list"]) == 1
    assert main(["schemas", "--store", str(store), "install", str(XSD_SOURCE)]) == 0
    assert main(["schemas", "--store", str(store), "list"]) == 0
    out = capsys.readouterr().out
    assert "SEDA 2.3: installed" in out
    assert main(["schemas", "--store", str(store), "install", str(tmp_path / "nowhere")]) == 2


def test_apply_profile_fills_then_checks(tmp_path, capsys):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text("a", encoding="utf-8")
    profile = CORPUS / "seda" / "profiles" / "vitam_Profil20.rng"
    code = main(["build", str(folder), "-o", str(tmp_path / "s.zip"), "--seda", "2.1", "--apply-profile",
                 str(profile)])
    out = capsys.readouterr().out
    assert "Profile applied:" in out
    # This folder is not shaped as the profile wants: the profile is checked too, and the SIP refused.
    assert code == 1 and "profile" in out.lower()
    assert not (tmp_path / "s.zip").exists()
    broken = CORPUS / "seda" / "profiles" / "pastis_profile_nok_BROKEN.rng"
    assert main(["build", str(folder), "-o", str(tmp_path / "s.zip"), "--apply-profile", str(broken)]) == 2


def test_import_and_export_errors_of_files_are_in_french(tmp_path, capfd):
    # build/export from a file go through app/cli_interop.py: its engine messages must be translated too.
    not_sip = tmp_path / "notes.bin"
    not_sip.write_bytes(b"not an archive")
    assert main(["--lang", "fr", "build", str(not_sip), "-o", str(tmp_path / "x.zip")]) == 1
    err = capfd.readouterr().err
    assert "n'est pas une archive zip ou tar lisible" in err and "readable" not in err
    manifest = tmp_path / "manifest.xml"
    with zipfile.ZipFile(CORPUS / "seda" / "sip" / "valid" / "seda-2.1" / "OK_468.zip") as zf:
        manifest.write_bytes(zf.read("manifest.xml"))  # its files are not beside it
    assert main(["--lang", "fr", "build", str(manifest), "-o", str(tmp_path / "x.zip")]) == 1
    out, err = capfd.readouterr()
    assert "le SIP n'a pas été écrit" in err and "was not written" not in err
    assert "n'a pas de fichier" in out and not (tmp_path / "x.zip").exists()
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "x.txt").write_text("x", encoding="utf-8")
    assert main(["--lang", "fr", "export", str(manifest), "--hierarchy", str(busy)]) == 1
    err = capfd.readouterr().err
    assert "n'est pas un dossier vide" in err and "is not an empty folder" not in err
    assert "est absent de" in err  # the import's own warnings


def test_unwritable_destination_is_an_io_error_exit_2(tmp_path, monkeypatch, capfd):
    # README: 2 = usage or I/O error; 1 is for a transfer with problems or refused as invalid.
    import tempfile

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system", str(tmp_path / "ro"))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text("a", encoding="utf-8")
    assert main(["--lang", "fr", "build", str(folder), "-o", str(tmp_path / "x.zip"), "-q"]) == 2
    assert "Impossible d'écrire le SIP" in capfd.readouterr().err
    sip = CORPUS / "seda" / "sip" / "valid" / "seda-2.1" / "OK_468.zip"
    assert main(["build", str(sip), "-o", str(tmp_path / "x.zip"), "-q"]) == 2
    assert main(["export", str(folder), "--csv", str(tmp_path / "x.csv"), "-q"]) == 2


def test_written_files_are_readable_like_any_other_file(tmp_path):
    # The atomic writes go through mkstemp, which makes files private (0600): a SIP put on a shared
    # folder for the archive service could not be read by it. The simplified export already fixed this.
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text("a", encoding="utf-8")
    assert main(["build", str(folder), "-o", str(tmp_path / "s.zip"), "-q"]) in (0, 1)
    for option, name in (("--csv", "t.csv"), ("--xlsx", "t.xlsx"), ("--manifest", "m.xml")):
        assert main(["export", str(folder), option, str(tmp_path / name), "-q"]) == 0
    for name in ("s.zip", "t.csv", "t.xlsx", "m.xml"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o644, name
