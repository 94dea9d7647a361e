"""A compact, ordered XML element tree for SEDA metadata (Content, Management, header...).

SEDA metadata is open-ended: a unit's Content may hold any of ~150 elements, extensions in other
namespaces, repeated and nested elements. Keeping it as a small generic tree (instead of one Python
attribute per SEDA element) keeps every element the model does not know, in its order, so that an
imported manifest is written back unchanged. Elements of the SEDA namespace are stored with their
local name (``"Title"``), so the same tree serves SEDA 2.1, 2.2 and 2.3; foreign elements and
attributes keep their Clark name (``"{urn:x}Extra"``, ``"{http://www.w3.org/XML/1998/namespace}lang"``).

Nodes use ``__slots__``: a transfer of 100,000 units holds a few hundred thousand of them.
"""

from __future__ import annotations

from collections.abc import Iterator

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class Element:
    """One metadata element: a tag, an optional text, attributes and child elements."""

    __slots__ = ("tag", "text", "attrib", "children")

    def __init__(
        self,
        tag: str,
        text: str | None = None,
        attrib: dict[str, str] | None = None,
        children: list[Element] | None = None,
    ) -> None:
        self.tag = tag
        self.text = text
        self.attrib = attrib
        self.children = children

    def __repr__(self) -> str:
        inner = f" {self.text!r}" if self.text is not None else ""
        count = f" [{len(self.children)}]" if self.children else ""
        return f"<Element {self.tag}{inner}{count}>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Element):
            return NotImplemented
        return (
            self.tag == other.tag
            and (self.text or None) == (other.text or None)
            and (self.attrib or {}) == (other.attrib or {})
            and (self.children or []) == (other.children or [])
        )

    __hash__ = None  # type: ignore[assignment]  # mutable

    # -- reading -------------------------------------------------------------------------------
    def __iter__(self) -> Iterator[Element]:
        return iter(self.children or ())

    def __len__(self) -> int:
        return len(self.children) if self.children else 0

    def find(self, tag: str) -> Element | None:
        """The first child with this tag, or None."""
        for child in self.children or ():
            if child.tag == tag:
                return child
        return None

    def findall(self, tag: str) -> list[Element]:
        """Every child with this tag, in order."""
        return [child for child in self.children or () if child.tag == tag]

    def findtext(self, tag: str, default: str | None = None) -> str | None:
        """The text of the first child with this tag, or *default*."""
        child = self.find(tag)
        if child is None or child.text is None:
            return default
        return child.text

    def get(self, name: str, default: str | None = None) -> str | None:
        """An attribute value."""
        return (self.attrib or {}).get(name, default)

    def iter(self) -> Iterator[Element]:
        """This element and all its descendants, depth first."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            if node.children:
                stack.extend(reversed(node.children))

    # -- changing ------------------------------------------------------------------------------
    def set(self, name: str, value: str) -> None:
        """Set an attribute."""
        if self.attrib is None:
            self.attrib = {}
        self.attrib[name] = value

    def append(self, child: Element) -> Element:
        """Add *child* last and return it."""
        if self.children is None:
            self.children = []
        self.children.append(child)
        return child

    def insert(self, index: int, child: Element) -> Element:
        """Insert *child* at *index* and return it."""
        if self.children is None:
            self.children = []
        self.children.insert(index, child)
        return child

    def remove(self, child: Element) -> None:
        """Remove *child* (compared by identity)."""
        if self.children:
            for index, existing in enumerate(self.children):
                if existing is child:
                    del self.children[index]
                    return
        raise ValueError(f"{child!r} is not a child of {self!r}")

    def remove_all(self, tag: str) -> list[Element]:
        """Remove every child with this tag and return them."""
        if not self.children:
            return []
        removed = [c for c in self.children if c.tag == tag]
        self.children = [c for c in self.children if c.tag != tag] or None
        return removed

    def copy(self) -> Element:
        """A deep copy."""
        return Element(
            self.tag,
            self.text,
            dict(self.attrib) if self.attrib else None,
            [child.copy() for child in self.children] if self.children else None,
        )


def leaf(tag: str, text: str, **attrib: str) -> Element:
    """Shorthand for an element with text and no children."""
    return Element(tag, text, attrib or None)
