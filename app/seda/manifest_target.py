"""The manifest reader's element layer: libxml2 events in, model :class:`Element` nodes out.

:class:`_Builder` is the lxml parser target, the import's inner loop (two million elements for 100,000
units). It knows nothing of units or objects beyond recognising their tags: it hands each unit, group
and object over to the :class:`~app.seda.reader._Reader` at its end tag, and the reader turns them into
the model. With it are what the builder and the reader share: the tag constants, :data:`_SHELL`, the
table of interned names (:class:`_Names`, :func:`_new_name`, :func:`_local_attrib`); and the two
functions that fold the plain children of a FormatIdentification or FileInfo element into the typed
fields of a BinaryDataObject (:func:`_format`, :func:`_file_info`), which only look at model elements.

Kept apart from :mod:`app.seda.reader` (document-level work: units, links, the public functions) because
this is a self-contained piece tuned for speed (see :class:`_Builder`): closures over locals, module
globals looked up by name, ``Element.__new__`` and slot stores. It imports the reader for type checking
only; at run time the reader imports this module, never the reverse.
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from app.models.messages import QT_TRANSLATE_NOOP
from app.models.metadata import Element
from app.models.transfer import BinaryDataObject
from app.seda.read_errors import _error
from app.seda.xmlconv import local_tag

if TYPE_CHECKING:
    from app.seda.reader import _Reader

_UNIT, _GROUP, _BINARY, _PHYSICAL, _PACKAGE = (
    "ArchiveUnit", "DataObjectGroup", "BinaryDataObject", "PhysicalDataObject", "DataObjectPackage")
_CLAIMED = (_UNIT, _GROUP, _BINARY, _PHYSICAL)
"""Elements whose ``id`` attribute is recorded (and must be unique)."""
_FORMAT_FIELDS = ("FormatLitteral", "MimeType", "FormatId")


def _format(obj: BinaryDataObject, kept: Element) -> bool:
    """Move FormatLitteral, MimeType and FormatId of a FormatIdentification to typed fields when the writer
    would give them back as they are: each present once, without attributes or children, FormatLitteral and
    FormatId not empty, MimeType (optional) not empty. Return whether *kept* (what is left of it) must
    still be written."""
    children = kept.children
    if not children:
        return kept.text is None
    literal = mime = fmt_id = None
    fields = 0
    clean = True  # no field repeated, none with attributes or children
    for child in children:
        tag = child.tag
        if tag == "FormatLitteral":
            clean = clean and literal is None
            literal = child
        elif tag == "MimeType":
            clean = clean and mime is None
            mime = child
        elif tag == "FormatId":
            clean = clean and fmt_id is None
            fmt_id = child
        else:
            continue
        fields += 1
        if child.attrib or child.children:
            clean = False
    if (clean and literal is not None and fmt_id is not None and literal.text and fmt_id.text
            and (mime is None or mime.text)):
        obj.format_name, obj.format_id = literal.text, fmt_id.text
        obj.mime_type = mime.text if mime is not None else None
        kept.children = [c for c in children if c.tag not in _FORMAT_FIELDS] if fields < len(children) else None
    return bool(kept.children or kept.text is None and not children)


def _file_info(obj: BinaryDataObject, kept: Element) -> bool:
    """Move a single plain Filename and LastModified of a FileInfo to typed fields. Return whether *kept*
    (what is left of it) must still be written."""
    children = kept.children
    if not children:
        kept.children = None
        return True
    names = modified = 0
    for child in children:
        tag = child.tag
        if tag == "Filename":
            names += 1
        elif tag == "LastModified":
            modified += 1
    rest = []
    for child in children:
        tag = child.tag
        if tag == "Filename" and names == 1 and not child.attrib and not child.children and child.text:
            obj.filename = child.text
        elif tag == "LastModified" and modified == 1 and not child.attrib and not child.children and child.text:
            obj.last_modified = child.text
        else:
            rest.append(child)
    kept.children = rest or None
    return bool(rest)


_SHELL = Element(_UNIT)
"""Stands, in a unit's children, for child units already read (one per run of them): the unit only needs
to know whether its DataObjectReference came after child units (both orders are valid and kept)."""


def _new_name(table: dict[str, str], tag: str) -> str:
    """Map a tag or attribute name seen for the first time (:func:`~app.seda.xmlconv.local_tag`, interned)."""
    name = table[tag] = sys.intern(local_tag(tag))
    return name


def _local_attrib(table: dict[str, str], raw: dict[str, str]) -> dict[str, str]:
    """Attributes with the model's names as keys (shared strings: less memory than lxml's own)."""
    kept = {}
    for key, value in raw.items():
        name = table.get(key)
        kept[name if name is not None else _new_name(table, key)] = value
    return kept


class _Names:
    """``{namespace}tag`` (or attribute name) as lxml gives it -> the model's name, interned.

    ``table`` is a plain dict that the builder reads with a subscript, catching KeyError for a name not
    seen yet (then :func:`_new_name`): 15 ns less per element than ``dict.get`` or a dict subclass with
    ``__missing__``. Every node then shares one string per name.
    """

    __slots__ = ("table",)

    def __init__(self) -> None:
        self.table: dict[str, str] = {}

    def id_of(self, raw: dict[str, str] | None) -> str | None:
        """The ``id`` of attributes as lxml gave them: ``_local_attrib(raw).get("id")``, cheaper in the
        usual case of a lone ``id``."""
        if not raw:
            return None
        value = raw.get("id")
        if value is not None and len(raw) == 1:
            return value
        return _local_attrib(self.table, raw).get("id")


class _Builder:
    """The lxml parser target: builds model :class:`Element` nodes from start, data and end events.

    This is the import's inner loop (two million elements for 100,000 units), so it is written for speed
    (measured with ``bench/bench_import.py``): closures over local variables instead of methods; each
    distinct ``{namespace}tag`` string mapped once to the model's name (interned, so all nodes share one
    string) and then found with a subscript (:class:`_Names`); :class:`Element` nodes made with
    ``__new__`` and slot stores, half the cost of a call to ``__init__``
    (``tests/interop/test_reader_speed.py`` fails if ``Element`` gains a slot this would leave unset).
    Attribute dicts are rebuilt with the shared names as keys, except on units, groups and objects: the
    reader only takes their id (:meth:`_Names.id_of`), and they are rebuilt only if such an element
    turns out to be kept as an ordinary one. An element whose end needs more than being attached to its
    parent (units, groups, objects, the root) is recognised with one set lookup of its tag.
    No recursion, so nesting depth is only limited by libxml2.

    The elements built equal :func:`app.seda.xmlconv.from_lxml` of the same XML: comments and processing
    instructions dropped, tails dropped, whitespace-only text of an element with children dropped. Units,
    object groups and loose objects are handed to the :class:`_Reader` at their end tag and not attached
    to their parent, so memory stays bounded.
    """

    def __init__(self, reader: _Reader, root_name: str) -> None:
        names = reader.names.table
        document = Element("")  # below the root, so that every element has a parent
        # The open elements: the innermost one in *current*, its ancestors on *stack* (one closure variable
        # read instead of ``stack[-1]``, a slow subscript in Python 3.11, in each data and end event).
        current = document
        stack: list[Element] = []
        push = stack.append
        pop = stack.pop
        new = Element.__new__
        model = Element
        # The root is known by the name sniff_root read; an element of that name elsewhere is an ordinary one.
        special = frozenset((*_CLAIMED, root_name))
        shell = _SHELL
        end_unit, end_group, end_loose_object = reader.end_unit, reader.end_group, reader.end_loose_object
        # Each closure variable costs every call of the function using it (copied in, released on return), so
        # the three event handlers use as few as they can: rare cases go through module functions or
        # handled().

        def start(tag: str, attrib: dict[str, str]) -> None:
            nonlocal current
            element = new(model)
            try:
                element.tag = name = names[tag]
            except KeyError:
                element.tag = name = _new_name(names, tag)
            if attrib:
                if name in special:
                    element.attrib = attrib  # as lxml gave it, see the class docstring
                else:
                    # A loop, not a comprehension: no function frame (Python 3.11), 50 ns less per element.
                    kept = {}
                    try:
                        for key, value in attrib.items():
                            kept[names[key]] = value
                    except KeyError:
                        kept = _local_attrib(names, attrib)  # an attribute name seen for the first time
                    element.attrib = kept
            else:
                element.attrib = None
            element.text = None
            element.children = None
            push(current)
            current = element

        def data(text: str) -> None:
            element = current
            if element.children is None:  # text before the first child; later runs are tails, dropped
                previous = element.text
                element.text = text if previous is None else previous + text

        def end(_tag: str) -> None:
            nonlocal current
            element = current
            current = parent = pop()
            kids = element.children
            if kids is not None:
                if not kids:  # only units or objects, handed over: no children left
                    element.children = None
                else:
                    text = element.text
                    if text is not None and not text.strip():
                        element.text = None
            if element.tag in special and handled(element, parent):
                return
            kids = parent.children
            if kids is None:
                parent.children = [element]
            else:
                kids.append(element)

        def handled(element: Element, parent: Element) -> bool:
            """The end of a unit, group, object or of the root: whether it was handled (not to be attached)."""
            name = element.tag
            parent_name = parent.tag
            if name == _UNIT:
                end_unit(element, parent)
                siblings = parent.children
                if parent_name == _UNIT:
                    if siblings is None:
                        parent.children = [shell]
                    elif siblings[-1] is not shell:
                        siblings.append(shell)
                elif siblings is None:
                    parent.children = []  # so that the text after it is dropped as a tail
                return True
            if parent_name == _PACKAGE and name != root_name:
                if name == _GROUP:
                    end_group(element)
                else:
                    end_loose_object(element)
                if parent.children is None:
                    parent.children = []
                return True
            # Kept as an ordinary element (or the root's attributes, kept in the header): its attributes get
            # the model's names, unless it is an object of a group that end_group will read.
            if element.attrib is not None and not (parent_name == _GROUP and stack[-1].tag == _PACKAGE):
                element.attrib = _local_attrib(names, element.attrib)
            if parent is document:
                document.children = [element]
                reader.end_root(element)
                return True
            return False

        def doctype(*_args: object) -> None:
            # sniff_root refused any DOCTYPE already; this guards a stream that changed in between.
            raise _error(QT_TRANSLATE_NOOP(
                "import", "{name} declares a DOCTYPE (entities or DTD): refused for safety. A SEDA manifest "
                          "never needs one."), name=reader.name)

        def close() -> None:
            return None

        self.start = start
        self.data = data
        self.end = end
        self.doctype = doctype
        self.close = close
