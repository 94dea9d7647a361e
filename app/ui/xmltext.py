"""Metadata trees as highlighted XML text: serialisation, parsing back, and a QSyntaxHighlighter."""

from __future__ import annotations

import re

from lxml import etree
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat

from app.models.metadata import Element
from app.seda import ontology
from app.seda.xmlconv import from_lxml, safe_parser


def to_lxml(element: Element, ns: str, version: str, type_name: str | None) -> etree._Element:
    """An lxml tree of *element* in the SEDA namespace, children in schema order."""
    tag = element.tag if element.tag.startswith("{") else f"{{{ns}}}{element.tag}"
    node = etree.Element(tag, element.attrib or {}, nsmap={None: ns})
    node.text = element.text
    children = element.children or []
    if type_name:
        children = sorted(children, key=ontology.sort_key(version, type_name))
    for child in children:
        sub = ontology.child_type(version, type_name, child.tag) if type_name else None
        node.append(to_lxml(child, ns, version, sub))
    return node


def element_xml(element: Element, version: str, type_name: str | None) -> str:
    """Indented XML of *element* (default SEDA namespace declared on it)."""
    node = to_lxml(element, ontology.namespace(version), version, type_name)
    etree.indent(node, space="  ")
    return etree.tostring(node, encoding="unicode")


class XmlTextError(ValueError):
    """The text is not well-formed XML, or not the expected element."""

    def __init__(self, line: int, text: str) -> None:
        super().__init__(text)
        self.line = line


def parse_element(text: str, expected: str) -> Element:
    """Parse XML typed by the user into a metadata tree; the root must be *expected*."""
    try:
        root = etree.fromstring(text.encode("utf-8"), safe_parser())
    except etree.XMLSyntaxError as exc:
        raise XmlTextError(exc.lineno or 0, exc.msg or str(exc)) from exc
    element = from_lxml(root)
    if element.tag != expected:
        raise XmlTextError(1, f"<{expected}> expected, found <{element.tag}>")
    return element


class XmlHighlighter(QSyntaxHighlighter):
    """Colours tags, attributes, values and comments of XML text."""

    _RULES = (
        (re.compile(r"</?[\w:.-]+|/?>"), "#1f4fa8", True),
        (re.compile(r"\s[\w:.-]+(?==)"), "#8a4b08", False),
        (re.compile(r"\"[^\"]*\"|'[^']*'"), "#2a7d2a", False),
        (re.compile(r"<!--.*?-->|<\?.*?\?>"), "#808080", False),
    )

    def __init__(self, document) -> None:
        super().__init__(document)
        self._formats = []
        for pattern, colour, bold in self._RULES:
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(colour))
            if bold:
                fmt.setFontWeight(QFont.Weight.DemiBold)
            self._formats.append((pattern, fmt))

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt API
        if len(text) > 4000:  # a huge single line: colouring it would stall the UI
            return
        for pattern, fmt in self._formats:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)
