"""Shared fixtures: the corpus beside the checkout, an isolated schema store, cache and language."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LIASSE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
XSD_SOURCE = CORPUS / "seda" / "xsd"
RESIP_SAMPLES = CORPUS / "resip" / "sedalib" / "src" / "test" / "resources" / "PacketSamples"

if not XSD_SOURCE.is_dir():  # the corpus is required: fail loudly instead of skipping everything
    raise RuntimeError(f"The shared corpus is missing: {CORPUS} (set LIASSE_SHARED)")


@pytest.fixture(scope="session")
def schema_store(tmp_path_factory) -> Path:
    """A schema store filled from the corpus's official XSDs, as `liasse-cli schemas install` does."""
    from app.seda import schemas

    store = tmp_path_factory.mktemp("schemas")
    schemas.install(XSD_SOURCE, store)
    return store


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path_factory, schema_store):
    """Each test sees the test schema store, a private scan cache and English messages."""
    monkeypatch.setenv("LIASSE_SCHEMA_DIR", str(schema_store))
    monkeypatch.setenv("LIASSE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("LIASSE_LANG", "en")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
