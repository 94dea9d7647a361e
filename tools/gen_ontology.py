"""Derive the SEDA ontology table (child order, cardinality, enumerations, leaf types) from the official XSDs.

Run once per schema release: ``python tools/gen_ontology.py ../shared/corpus/seda/xsd``.
It writes ``app/seda/data/ontology.json``: element and type *names* only, so the engine knows the
order and cardinality of every SEDA element without shipping or loading the schemas at run time.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import xmlschema

VERSIONS = ("2.1", "2.2", "2.3")
XS = "{http://www.w3.org/2001/XMLSchema}"


def _local(name: str | None) -> str | None:
    if name is None:
        return None
    if name.startswith(XS):
        return "xs:" + name[len(XS):]
    return name.rsplit("}", 1)[-1]


def _children(xsd_type):
    """Yield (element, min, max) for every concrete child, substitution groups expanded, in order."""
    for child in xsd_type.content.iter_elements():
        if getattr(child, "type", None) is None:  # xs:any wildcard
            continue
        if getattr(child, "abstract", False):
            for sub in child.schema.substitution_groups.get(child.name, []):
                yield sub, child.min_occurs, child.max_occurs
        else:
            yield child, child.min_occurs, child.max_occurs


def _type_key(parent_key: str, element) -> str:
    return _local(element.type.name) if element.type.name else f"{parent_key}/{_local(element.name)}"


def _is_complex(xsd_type) -> bool:
    return not xsd_type.is_simple() and not xsd_type.has_simple_content()


def _type_entry(key: str, xsd_type) -> dict:
    entry: dict = {}
    if not _is_complex(xsd_type):
        base = xsd_type if xsd_type.is_simple() else xsd_type.content
        prim = getattr(base, "primitive_type", None)
        entry["simple"] = _local(prim.name) if prim is not None else "xs:string"
        if getattr(base, "member_types", None):
            entry["simple"] = "union"
            # The primitive types of the members (xs:date, xs:gYear...), to check values without the XSDs.
            members = [_local(m.primitive_type.name) if getattr(m, "primitive_type", None) is not None
                       else "xs:string" for m in base.member_types]
            entry["members"] = list(dict.fromkeys(members))
        enums = getattr(base, "enumeration", None)
        if enums:
            entry["enum"] = [str(v) for v in enums]
    attrs = []
    for name, attr in (getattr(xsd_type, "attributes", None) or {}).items():
        if name is None:
            continue
        local = _local(name)
        if name.startswith("{http://www.w3.org/XML/1998/namespace}"):
            local = "xml:" + local
        attrs.append([local, attr.use == "required"])
    if attrs:
        entry["attributes"] = attrs
    if _is_complex(xsd_type) and xsd_type.content is not None:
        children, seen = [], set()
        for el, lo, hi in _children(xsd_type):
            name = _local(el.name)
            if name in seen:
                continue
            seen.add(name)
            children.append([name, _type_key(key, el), lo, hi])
        entry["children"] = children
        if any(w.__class__.__name__ == "XsdAnyElement" for w in xsd_type.content.iter_model()):
            entry["any"] = True
    return entry


def build(xsd_root: Path) -> dict:
    result = {}
    mapper = {
        "http://www.w3.org/2001/xml.xsd": str(xsd_root / "w3c" / "xml.xsd"),
        "http://www.w3.org/1999/xlink.xsd": str(xsd_root / "w3c" / "xlink.xsd"),
    }
    for version in VERSIONS:
        schema = xmlschema.XMLSchema10(
            str(xsd_root / f"seda-{version}" / f"seda-{version}-main.xsd"), uri_mapper=mapper, allow="local"
        )
        types: dict[str, dict] = {}
        root = schema.elements["ArchiveTransfer"].type
        stack = [(_local(root.name), root)]
        while stack:
            key, xsd_type = stack.pop()
            if key in types:
                continue
            types[key] = _type_entry(key, xsd_type)
            if _is_complex(xsd_type) and xsd_type.content is not None:
                for el, _lo, _hi in _children(xsd_type):
                    stack.append((_type_key(key, el), el.type))
        result[version] = {"root": _local(root.name), "types": dict(sorted(types.items()))}
    return result


def main() -> None:
    xsd_root = Path(sys.argv[1])
    out = Path(__file__).resolve().parent.parent / "app" / "seda" / "data" / "ontology.json"
    data = build(xsd_root)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    out.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
