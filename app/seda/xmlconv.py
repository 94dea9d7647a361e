"""Safe XML parsing and conversion between lxml trees and the model's metadata elements."""

from __future__ import annotations

from lxml import etree

from app.models.metadata import Element
from app.seda.ontology import NS_PREFIX


def safe_parser(**kwargs) -> etree.XMLParser:
    """A parser that never expands entities, loads DTDs or touches the network."""
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, dtd_validation=False,
                           huge_tree=False, **kwargs)


def parse_fragment(text: str, wrapper: str = "fragment") -> etree._Element:
    """Parse an XML fragment (one or several sibling elements) under a wrapper element."""
    return etree.fromstring(f"<{wrapper}>{text}</{wrapper}>".encode(), safe_parser())


def local_tag(tag: str) -> str:
    """SEDA (any version) or un-namespaced tags become local names; foreign tags stay in Clark notation."""
    if tag.startswith("{"):
        ns, local = tag[1:].split("}", 1)
        if ns.startswith(NS_PREFIX):
            return local
        return tag
    return tag


def from_lxml(node: etree._Element) -> Element:
    """Convert an lxml element (comments and processing instructions dropped) to a metadata element."""
    text = node.text
    children = [from_lxml(child) for child in node if isinstance(child.tag, str)]
    if children and text is not None and not text.strip():
        text = None
    attrib = {local_tag(k) if not k.startswith("{http://www.w3.org/XML/1998") else k: v
              for k, v in node.attrib.items()} or None
    return Element(local_tag(node.tag), text, attrib, children or None)
