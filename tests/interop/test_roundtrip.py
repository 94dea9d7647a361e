"""Import then export every valid SIP and manifest of the corpus: the manifest must not change."""

from __future__ import annotations

import io
import zipfile

import pytest

from app.seda.interop.sip_import import import_package
from app.seda.manifest import write_manifest
from app.seda.sip import ExportOptions, export_sip
from tests.conftest import CORPUS, XSD_SOURCE
from tests.e2e.sipcheck import check_sip
from tests.interop.canonical import canonical, first_difference, manifest_bytes

VALID = CORPUS / "seda" / "sip" / "valid"
SAMPLES = sorted(p for p in VALID.rglob("*") if p.suffix in (".zip", ".xml") and "perf" not in p.parts)
PERF = sorted((VALID / "seda-2.1" / "perf").glob("*.zip"))


def _roundtrip(path) -> None:
    result = import_package(path)
    out = io.BytesIO()
    write_manifest(result.transfer, out)
    original, written = canonical(manifest_bytes(path)), canonical(out.getvalue())
    assert original == written, first_difference(original, written)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_manifest_round_trip_is_lossless(path):
    _roundtrip(path)


@pytest.mark.parametrize("path", PERF, ids=lambda p: p.name)
def test_perf_sips_round_trip(path):
    _roundtrip(path)


@pytest.mark.parametrize("name", ["OK_SIP_2RACINES_AVEC_MANAGEMENTMETADATA.zip", "Photo-Objet-physique.zip",
                                  "OK_SIP_MANIFESTE-OBJET-SANS-GOT.zip"])
def test_sip_export_copies_members_and_is_valid(tmp_path, name):
    source = VALID / "seda-2.1" / name
    result = import_package(source)
    dest = tmp_path / "out.zip"
    export_sip(result.transfer, dest, ExportOptions())
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(dest) as b:
        for obj in result.transfer.iter_binaries():
            assert b.read(obj.uri) == a.read(obj.source_member)
    check_sip(dest, XSD_SOURCE, "2.1")
    assert first_difference(canonical(manifest_bytes(source)), canonical(manifest_bytes(dest))) is None


def test_tar_and_tar_gz_sips_are_staged_and_round_trip(tmp_path):
    source = VALID / "seda-2.1" / "OK_SIP_2RACINES_AVEC_MANAGEMENTMETADATA.zip"
    with zipfile.ZipFile(source) as zf:
        zf.extractall(tmp_path / "x")
    import tarfile

    for mode, suffix in (("w", ".tar"), ("w:gz", ".tar.gz")):
        archive = tmp_path / f"sip{suffix}"
        with tarfile.open(archive, mode) as tar:
            for path in sorted((tmp_path / "x").rglob("*")):
                tar.add(path, arcname=str(path.relative_to(tmp_path / "x")), recursive=False)
        result = import_package(archive)
        assert not result.report
        for obj in result.transfer.iter_binaries():
            assert obj.source_member is None and open(obj.source_path, "rb").read()
        dest = tmp_path / f"out{suffix}.zip"
        export_sip(result.transfer, dest, ExportOptions())
        assert first_difference(canonical(manifest_bytes(source)), canonical(manifest_bytes(dest))) is None
