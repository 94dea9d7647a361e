"""The schema store: install from a folder or a zip, download on request, refuse what is not SEDA."""

from __future__ import annotations

import io
import zipfile

import pytest

from app.seda import schemas
from tests.conftest import XSD_SOURCE


def official_zip(version: str) -> bytes:
    """A zip shaped like GitHub's archive of the official repository's branch."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for part in schemas.PARTS:
            name = f"seda-{version}-{part}.xsd"
            zf.write(XSD_SOURCE / f"seda-{version}" / name, f"seda-seda-{version}/schema/{name}")
        zf.writestr("seda-x/../../evil.xsd", "<x/>")  # never written outside the store
    return buffer.getvalue()


def test_install_from_folder_skips_vitam_copies(tmp_path):
    versions = schemas.install(XSD_SOURCE, tmp_path)
    assert versions == ["2.1", "2.2", "2.3"]
    assert schemas.installed_versions(tmp_path) == versions
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seda-2.1", "seda-2.2", "seda-2.3", "w3c"]
    assert schemas.load_schema("2.3", str(tmp_path)) is not None


def test_install_from_zip_without_w3c_files_uses_bundled_copies(tmp_path):
    archive = tmp_path / "seda-2.2.zip"
    archive.write_bytes(official_zip("2.2"))
    store = tmp_path / "store"
    assert schemas.install(archive, store) == ["2.2"]
    assert (store / "w3c" / "xml.xsd").is_file()
    assert not (tmp_path / "evil.xsd").exists()
    schemas.load_schema.cache_clear()
    assert schemas.load_schema("2.2", str(store)) is not None


def test_missing_version_says_how_to_install(tmp_path):
    with pytest.raises(schemas.SchemaError) as error:
        schemas.main_xsd("2.1", tmp_path)
    assert "liasse-cli schemas install" in str(error.value)


def test_source_without_schemas_is_refused(tmp_path):
    (tmp_path / "readme.txt").write_text("nothing here", encoding="utf-8")
    with pytest.raises(schemas.SchemaError):
        schemas.install(tmp_path, tmp_path / "store")
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    with pytest.raises(schemas.SchemaError):
        schemas.install(bad, tmp_path / "store")


def test_download_fetches_the_official_branches(tmp_path, monkeypatch):
    requested = []

    class Response:
        def __init__(self, url: str) -> None:
            requested.append(url)
            self.body = official_zip(url.rsplit("seda-", 1)[1].removesuffix(".zip"))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def raise_for_status(self) -> None:
            pass

        def iter_content(self, size: int):
            yield self.body

    import requests

    monkeypatch.setattr(requests, "get", lambda url, **kwargs: Response(url))
    assert schemas.download(["2.1", "2.3"], tmp_path) == ["2.1", "2.3"]
    assert requested == [schemas.GITHUB_ARCHIVE.format(version=v) for v in ("2.1", "2.3")]
