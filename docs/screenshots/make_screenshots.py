"""Regenerate the README screenshots: a demo project from the corpus, then ``liasse --screenshot`` per view.

Run from the checkout: ``.venv/bin/python docs/screenshots/make_screenshots.py`` (French interface,
offscreen, the corpus beside the checkout; the user's own settings are not touched).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("LIASSE_SHARED", ROOT.parent / "shared")) / "corpus"
OUT = Path(__file__).resolve().parent
SIP = CORPUS / "seda" / "sip" / "valid" / "seda-2.1" / "OK_RULES_COMPLEXE_COMPLETE.zip"
RULES = CORPUS / "seda" / "referentials" / "rules" / "jeu_donnees_OK_regles_CSV_regles.csv"
AGENCIES = CORPUS / "seda" / "referentials" / "agencies" / "agencies.csv"
SHOTS = {"main": "description", "rules": "rules", "xml": "xml", "export": "export", "validation": "validation",
         "history": "history"}
ATR = CORPUS / "vitam-api" / "atr"


def demo_project(folder: Path) -> Path:
    """A corpus SIP (Paris metro stations, rules at several levels) in SEDA 2.2 with the demonstration
    context and a few more rules, saved as a project."""
    sys.path.insert(0, str(ROOT))
    from app.models import edits
    from app.models.project import Project, save_project
    from app.seda.context import demo_context
    from app.seda.interop.sip_import import import_package

    transfer = import_package(SIP).transfer
    transfer.version = "2.2"  # its metadata is valid SEDA 2.2 too; 2.2 brings HoldRule
    context = demo_context(transfer.version)
    edits.SetHeader(context.header, context.management_metadata).apply(transfer)
    units = {u.title: u for u in transfer.iter_units()}
    unit = units["Saint-Lazare"]
    edits.SetRule((unit,), "AppraisalRule", "APP-00001", "2015-03-01", (("FinalAction", "Keep"),),
                  version=transfer.version).apply(transfer)
    hold = (("HoldOwner", "Service des affaires juridiques"), ("HoldReason", "Contentieux en cours"),
            ("PreventRearrangement", "true"))
    edits.SetRule((unit,), "HoldRule", "HOL-00003", "2022-09-01", hold, version=transfer.version).apply(transfer)
    # A fuller description for the main view.
    from app.models.metadata import Element
    from app.seda import ontology

    basilique = units["Saint Denis Basilique"]
    content = basilique.content.copy()
    for tag, value in (("OriginatingAgencyArchiveUnitIdentifier", "2017-BAS-0042"), ("Language", "fra"),
                       ("Status", "Original")):
        ontology.set_child(content, transfer.version, ontology.CONTENT_TYPE, tag, value)
    for word in ("Basilique", "Nécropole royale"):
        ontology.insert_ordered(content, Element("Keyword", children=[Element("KeywordContent", word)]),
                                transfer.version, ontology.CONTENT_TYPE)
    ontology.insert_ordered(content, Element("Writer", children=[Element("FullName", "Archives municipales de "
                                                                                     "Saint-Denis")]),
                            transfer.version, ontology.CONTENT_TYPE)
    edits.ReplaceMetadata((basilique,), (content,)).apply(transfer)
    # Findings for the validation panel: a unit left without its title, a level that is not SEDA's.
    edits.SetField((units["Gambetta"],), "DescriptionLevel", "Dossier", transfer.version).apply(transfer)
    broken = units["Marx Dormoy"]
    content = broken.content.copy()
    content.remove_all("Title")
    edits.ReplaceMetadata((broken,), (content,)).apply(transfer)
    path = folder / "Versement mails.liasse"
    save_project(Project(transfer, path), path)
    return path


def demo_history(data_home: Path) -> None:
    """A few transfers in the history of the screenshots' private data folder, the newest archived."""
    os.environ["XDG_DATA_HOME"] = str(data_home)
    import shutil

    from app.sae.history import History, TransferRecord

    history = History()
    history.atr_dir.mkdir(parents=True, exist_ok=True)
    shown = [("2026-11-02T09:14:05+01:00", "Versement mails.zip", 48_200_000, "vitam-prod", "OK",
              "atr-ok-seda21-doc-example.xml"),
             ("2026-10-28T16:22:10+01:00", "Délibérations 2019.zip", 125_000_000, "vitam-recette", "KO",
              "atr-ko-check-header-doc-example.xml"),
             ("2026-10-27T11:02:00+01:00", "Travaux voirie.zip", 980_000_000, "vitam-prod", "timeout", None),
             ("2026-10-20T08:40:00+01:00", "État civil.zip", 2_100_000, "vitam-prod", "failed", None)]
    for number, (date, name, size, target, status, atr) in enumerate(shown):
        operation = f"aeeaaaaaacgkqpbuaazxwamzwkxhm{number}qaaaaq" if status != "failed" else ""
        record = TransferRecord(date=date, sip=f"/home/archiviste/SIP/{name}", sip_size=size, target=target,
                                operation_id=operation, status=status)
        if atr:
            record.atr = str(history.atr_dir / f"{operation}.xml")
            shutil.copyfile(ATR / atr, record.atr)
        if status == "failed":
            record.error = {"context": "sae", "text": "Cannot connect to {url}: connection refused. Is the server "
                                                      "running, and is the address right?",
                            "params": {"url": "https://vitam.example.fr:8443"}}
        history.save(record)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "config" / "Liasse").mkdir(parents=True)
        (tmp_path / "config" / "Liasse" / "liasse.ini").write_text(
            f"[prefs]\nrules_referential={RULES}\nagencies_referential={AGENCIES}\n", encoding="utf-8")
        sys.path.insert(0, str(ROOT))
        from app.seda import schemas

        schemas.install(CORPUS / "seda" / "xsd", tmp_path / "schemas")
        project = demo_project(tmp_path)
        demo_history(tmp_path / "data")
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
        env.update(LIASSE_LANG="fr", XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
                   LIASSE_SCHEMA_DIR=str(tmp_path / "schemas"))
        for name, view in SHOTS.items():
            select = {"main": "Saint Denis Basilique", "validation": "Gambetta"}.get(name, "Saint-Lazare")
            subprocess.run([sys.executable, "-m", "app", "--open", str(project),
                            "--screenshot", str(OUT / f"{name}.png"), "--view", view,
                            "--select", select], cwd=ROOT, env=env, check=True, timeout=180)
            print("written", OUT / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
