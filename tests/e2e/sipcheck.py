"""Independent checks of a written SIP, used by the end-to-end tests.

Deliberately separate from the engine: it opens the zip, validates the manifest with xmlschema
(a second validator, not the lxml path the engine uses) and recomputes every digest.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import xmlschema
from lxml import etree

VITAM_SEGMENT = re.compile(r"^[a-zA-Z0-9\-_@]+(\.[a-zA-Z0-9\-_@]+)*$")
_SCHEMAS: dict[str, xmlschema.XMLSchema10] = {}


def official_schema(xsd_root: Path, version: str) -> xmlschema.XMLSchema10:
    if version not in _SCHEMAS:
        mapper = {
            "http://www.w3.org/2001/xml.xsd": str(xsd_root / "w3c" / "xml.xsd"),
            "http://www.w3.org/1999/xlink.xsd": str(xsd_root / "w3c" / "xlink.xsd"),
        }
        _SCHEMAS[version] = xmlschema.XMLSchema10(
            str(xsd_root / f"seda-{version}" / f"seda-{version}-main.xsd"), uri_mapper=mapper, allow="local")
    return _SCHEMAS[version]


def check_sip(sip: Path, xsd_root: Path, version: str) -> etree._ElementTree:
    """Assert the SIP is valid, complete and Vitam-named; return the parsed manifest."""
    ns = {"s": f"fr:gouv:culture:archivesdefrance:seda:v{version}"}
    with zipfile.ZipFile(sip) as zf:
        names = zf.namelist()
        assert names[0] == "manifest.xml"
        for info in zf.infolist():
            assert not info.flag_bits & 0x08, f"{info.filename} uses a data descriptor"
            assert all(VITAM_SEGMENT.match(seg) for seg in info.filename.split("/")), info.filename
        manifest = zf.read("manifest.xml")
        tree = etree.ElementTree(etree.fromstring(manifest))
        errors = list(official_schema(xsd_root, version).iter_errors(tree))
        assert not errors, errors[:3]
        uris = set()
        for bdo in tree.iterfind(".//s:BinaryDataObject", ns):
            uri = bdo.findtext("s:Uri", namespaces=ns)
            digest = bdo.find("s:MessageDigest", ns)
            algorithm = digest.get("algorithm").replace("-", "").lower()
            data = zf.read(uri)
            assert hashlib.new(algorithm, data).hexdigest() == digest.text, uri
            assert int(bdo.findtext("s:Size", namespaces=ns) or 0) == len(data), uri
            assert bdo.findtext("s:FileInfo/s:Filename", namespaces=ns)
            assert bdo.findtext("s:FormatIdentification/s:MimeType", namespaces=ns)
            uris.add(uri)
        content = {n for n in names if n != "manifest.xml" and not n.endswith("/")}
        assert content == uris, content ^ uris
    return tree
