"""A canonical form of a manifest for round-trip comparisons.

Two manifests are equal when they have the same elements in the same order, with the same
attributes and texts. Ignored: namespace prefixes, comments, processing instructions, whitespace-only
text (indentation), and the ids' spelling: ids are renumbered in order of first appearance, and
the references to them (ArchiveUnitRefId, DataObject*Id...) follow.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
REF_TAGS = {"ArchiveUnitRefId", "DataObjectGroupReferenceId", "DataObjectReferenceId", "DataObjectGroupId"}


def manifest_bytes(path: Path) -> bytes:
    """The manifest of a SIP zip, or the file itself."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            name = next(n for n in zf.namelist() if "/" not in n and n.lower().endswith(".xml"))
            return zf.read(name)
    return path.read_bytes()


def canonical(data: bytes) -> tuple:
    """The canonical tree of a manifest."""
    parser = etree.XMLParser(remove_comments=True, remove_pis=True, resolve_entities=False, no_network=True)
    root = etree.parse(io.BytesIO(data), parser).getroot()
    ids: dict[str, str] = {}
    for element in root.iter():
        for name in ("id", XML_ID):
            value = element.get(name)
            if value is not None and value not in ids:
                ids[value] = f"#{len(ids)}"

    def convert(element) -> tuple:
        local = etree.QName(element).localname
        attrs = tuple(sorted((k, ids.get(v, v) if k in ("id", XML_ID) else v) for k, v in element.attrib.items()))
        text = element.text
        if text is not None and not text.strip():
            text = None
        if local in REF_TAGS and text is not None:
            text = ids.get(text.strip(), text)
        return (element.tag, attrs, text, tuple(convert(c) for c in element))

    return convert(root)


def first_difference(a: tuple, b: tuple, path: str = "") -> str | None:
    """Where two canonical trees first differ (None when equal), for a readable assertion."""
    here = f"{path}/{a[0].split('}')[-1]}"
    if a[0] != b[0]:
        return f"{here}: tag {a[0]} != {b[0]}"
    if a[1] != b[1]:
        return f"{here}: attributes {a[1]} != {b[1]}"
    if (a[2] or None) != (b[2] or None):
        return f"{here}: text {a[2]!r} != {b[2]!r}"
    for index, (x, y) in enumerate(zip(a[3], b[3])):
        found = first_difference(x, y, f"{here}[{index}]")
        if found:
            return found
    if len(a[3]) != len(b[3]):
        return f"{here}: {len(a[3])} children != {len(b[3])}: {[c[0] for c in a[3]]} vs {[c[0] for c in b[3]]}"
    return None
