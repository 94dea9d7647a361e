"""The schema store: the official SEDA XSDs, installed by the user, loaded offline.

The SIAF publishes the XSDs without a licence for redistribution, so they are not part of this
repository. ``liasse-cli schemas install SOURCE`` copies them from a folder or a zip (for example
a download of https://github.com/culturecommunication/seda, one branch per version) into the store;
packaged builds ship a filled store. Loading never touches the network: the W3C ``xml.xsd`` and
``xlink.xsd`` imported by URL are mapped to local copies.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.seda.ontology import VERSIONS, check_version

PARTS = ("main", "types", "management", "ontology", "technical", "descriptive")
W3C = {
    "http://www.w3.org/2001/xml.xsd": "xml.xsd",
    "http://www.w3.org/1999/xlink.xsd": "xlink.xsd",
}
GITHUB_ARCHIVE = "https://github.com/culturecommunication/seda/archive/refs/heads/seda-{version}.zip"
_XSD_NAME = re.compile(r"(?:^|/)seda-(2\.[123])-(" + "|".join(PARTS) + r")\.xsd$")
_MAX_XSD_BYTES = 4 * 1024 * 1024

CTX = "schemas"


class SchemaError(Exception):
    """The schema store is missing a version, or a source holds no usable schema."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render())
        self.message = message


def default_store() -> Path:
    """Where schemas are looked up: $LIASSE_SCHEMA_DIR, a bundled store, or the user data dir."""
    env = os.environ.get("LIASSE_SCHEMA_DIR")
    if env:
        return Path(env)
    bundled = Path(__file__).resolve().parent.parent.parent / "resources" / "schemas"
    if (bundled / "seda-2.1" / "seda-2.1-main.xsd").exists():
        return bundled
    return user_data_dir() / "schemas"


def user_data_dir() -> Path:
    """The per-user data folder of Liasse on this platform."""
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / "Liasse"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Liasse"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "liasse"


def installed_versions(store: Path | None = None) -> list[str]:
    """The SEDA versions whose six XSDs are all present in the store."""
    store = store or default_store()
    return [v for v in VERSIONS if all((store / f"seda-{v}" / f"seda-{v}-{p}.xsd").is_file() for p in PARTS)]


def _w3c_fallback(name: str) -> Path | None:
    """xmlschema ships pristine copies of the W3C xml.xsd and xlink.xsd."""
    try:
        import xmlschema
    except ImportError:  # pragma: no cover - xmlschema is a dependency
        return None
    folder = Path(xmlschema.__file__).parent / "schemas"
    candidate = folder / ("XML" if name == "xml.xsd" else "XLINK") / name
    return candidate if candidate.is_file() else None


def _collect_from_folder(source: Path) -> tuple[dict[tuple[str, str], Path], dict[str, Path]]:
    found: dict[tuple[str, str], Path] = {}
    w3c: dict[str, Path] = {}
    for path in source.rglob("*.xsd"):
        if "vitam" in path.as_posix().lower():
            continue  # Vitam's modified copies are not the official schemas
        match = _XSD_NAME.search(path.as_posix())
        if match:
            found.setdefault((match.group(1), match.group(2)), path)
        elif path.name in W3C.values():
            w3c.setdefault(path.name, path)
    return found, w3c


def install(source: Path, store: Path | None = None) -> list[str]:
    """Copy the official XSDs found in *source* (folder or zip) into the store.

    Returns the versions installed. The store is replaced atomically per version: a failed
    install leaves what was there before.
    """
    store = store or default_store()
    source = Path(source)
    with tempfile.TemporaryDirectory(prefix="liasse-schemas-") as tmp:
        if source.is_file():
            folder = Path(tmp) / "src"
            _extract_xsds(source, folder)
        elif source.is_dir():
            folder = source
        else:
            raise SchemaError(Message(CTX, QT_TRANSLATE_NOOP("schemas", "Schema source not found: {path}"),
                                      {"path": str(source)}))
        found, w3c = _collect_from_folder(folder)
        versions = [v for v in VERSIONS if all((v, p) in found for p in PARTS)]
        if not versions:
            raise SchemaError(Message(CTX, QT_TRANSLATE_NOOP(
                "schemas", "No complete set of official SEDA 2.1, 2.2 or 2.3 schemas (seda-2.x-main.xsd and "
                     "its five companions) was found in {path}."), {"path": str(source)}))
        store.mkdir(parents=True, exist_ok=True)
        for version in versions:
            staging = Path(tempfile.mkdtemp(prefix=f".seda-{version}-", dir=store))
            for part in PARTS:
                shutil.copyfile(found[(version, part)], staging / f"seda-{version}-{part}.xsd")
            _etree_check(staging / f"seda-{version}-main.xsd")
            target = store / f"seda-{version}"
            old = None
            if target.exists():
                old = store / f".old-seda-{version}"
                shutil.rmtree(old, ignore_errors=True)
                target.rename(old)
            staging.rename(target)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        w3c_dir = store / "w3c"
        w3c_dir.mkdir(exist_ok=True)
        for name in W3C.values():
            origin = w3c.get(name) or _w3c_fallback(name)
            if origin is not None and not (w3c_dir / name).exists():
                shutil.copyfile(origin, w3c_dir / name)
    load_schema.cache_clear()
    return versions


def _extract_xsds(archive: Path, dest: Path) -> None:
    """Extract only the XSD files of a zip, under names we choose (no path from the archive)."""
    try:
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                name = info.filename.replace("\\", "/")
                base = name.rsplit("/", 1)[-1]
                if not base.endswith(".xsd") or info.file_size > _MAX_XSD_BYTES or "vitam" in name.lower():
                    continue
                match = _XSD_NAME.search(name)
                if match:
                    out = dest / f"seda-{match.group(1)}" / base
                elif base in W3C.values():
                    out = dest / "w3c" / base
                else:
                    continue
                out.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as src, open(out, "wb") as dst:
                    shutil.copyfileobj(src, dst)
    except (zipfile.BadZipFile, OSError) as exc:
        raise SchemaError(Message(CTX, QT_TRANSLATE_NOOP("schemas", "Cannot read the archive {path}: {error}"),
                                  {"path": str(archive), "error": str(exc)})) from exc


def _etree_check(main: Path) -> None:
    try:
        _compile(main)
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        raise SchemaError(Message(CTX, QT_TRANSLATE_NOOP("schemas", "The schema {path} does not compile: {error}"),
                                  {"path": str(main), "error": str(exc)})) from exc


def download(versions: list[str] | None = None, store: Path | None = None, *, timeout: float = 60) -> list[str]:
    """Fetch the official XSDs from the SEDA repository on GitHub (only when the user asks)."""
    import requests  # imported here: nothing else in the store needs the network

    installed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="liasse-dl-") as tmp:
        for version in versions or list(VERSIONS):
            check_version(version)
            target = Path(tmp) / f"seda-{version}.zip"
            with requests.get(GITHUB_ARCHIVE.format(version=version), stream=True, timeout=timeout) as resp:
                resp.raise_for_status()
                with open(target, "wb") as out:
                    for chunk in resp.iter_content(1 << 16):
                        out.write(chunk)
            installed += install(target, store)
    return sorted(set(installed))


class _LocalResolver(etree.Resolver):
    """Resolve the W3C schema URLs to the store's copies; refuse anything remote."""

    def __init__(self, w3c_dir: Path) -> None:
        super().__init__()
        self.w3c_dir = w3c_dir

    def resolve(self, system_url, public_id, context):  # noqa: D102 - lxml API
        name = W3C.get(system_url)
        if name is not None:
            local = self.w3c_dir / name
            if not local.is_file():
                fallback = _w3c_fallback(name)
                local = fallback if fallback is not None else local
            return self.resolve_filename(str(local), context)
        return None


def _compile(main: Path) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    parser.resolvers.add(_LocalResolver(main.parent.parent / "w3c"))
    return etree.XMLSchema(etree.parse(str(main), parser))


def main_xsd(version: str, store: Path | None = None) -> Path:
    """The path of ``seda-X-main.xsd`` for *version*, or SchemaError when not installed."""
    check_version(version)
    store = store or default_store()
    path = store / f"seda-{version}" / f"seda-{version}-main.xsd"
    if not path.is_file():
        raise SchemaError(Message(CTX, QT_TRANSLATE_NOOP(
            "schemas", "The official SEDA {version} schema is not installed (looked in {store}). Install it with: "
                 "liasse-cli schemas install FOLDER_OR_ZIP"), {"version": version, "store": str(store)}))
    return path


@cache
def load_schema(version: str, store: str | None = None) -> etree.XMLSchema:
    """The compiled official schema of *version* (cached per process)."""
    return _compile(main_xsd(version, Path(store) if store else None))
