"""What the manifest reader raises, and how an error it raises finds the line it is about.

:class:`ReadError` (made with :func:`_error`, in the ``import`` translation context) is what every
importer raises, here rather than in :mod:`app.seda.reader` so that the reader and its parser target
(:mod:`app.seda.manifest_target`, which refuses a DOCTYPE) both import it and neither imports the other.
:mod:`app.seda.reader` re-exports it with ``CTX``, the names the importers use.

The rest is the reader's error reporting, kept apart from the reading it interrupts. A parser target has
no line numbers, so a structural error met while parsing is raised as a :class:`_Failure` naming the
element at fault (:class:`_Where`), and :func:`_locate` finds that element's line afterwards with a
second pass of :func:`_iterparse` (the one safe ``iterparse`` setup, shared with ``sniff_root``).
:func:`_syntax_error` words libxml2's own errors. The unit-graph cycle check (:func:`_check_cycles`)
runs once every link is known and only ever reports: a graph without references costs it nothing.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from lxml import etree

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.transfer import ArchiveUnit
from app.seda.xmlconv import local_tag

CTX = "import"


class ReadError(Exception):
    """The manifest or archive cannot be imported; *message* says why and where."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render())
        self.message = message


def _error(text: str, **params) -> ReadError:
    return ReadError(Message(CTX, text, params))


def _iterparse(source: BinaryIO, huge_tree: bool = False, **kwargs) -> etree.iterparse:
    # No entity expansion, no DTD, no network: a DOCTYPE is refused outright by sniff_root.
    return etree.iterparse(source, resolve_entities=False, load_dtd=False, no_network=True, huge_tree=huge_tree,
                           remove_comments=True, remove_pis=True, **kwargs)


def _syntax_error(exc: etree.XMLSyntaxError, name: str) -> ReadError:
    line, column = exc.position if exc.position else (0, 0)
    return _error(QT_TRANSLATE_NOOP(
        "import", "{name} is not well-formed XML (line {line}, column {column}): {error}. Fix the file and import "
                  "it again."), name=name, line=line, column=column, error=exc.msg)


@dataclass(frozen=True, slots=True)
class _Where:
    """Which element an error is about, so that :func:`_locate` can find its line after the parse.

    The *nth* element (in end-tag order, the order the reader handles them) whose local name is one of
    *kinds* and whose ``id`` is *id* (None: has no id); or, with *child*, the *child_nth* child named
    *child* of the first such element.
    """

    kinds: tuple[str, ...]
    id: str | None
    nth: int = 1
    child: str | None = None
    child_nth: int = 1


class _Failure(Exception):
    """An import error raised while parsing; :func:`read_manifest` adds its line and raises a ReadError."""

    def __init__(self, text: str, where: _Where, **params: object) -> None:
        super().__init__(text)
        self.text = text
        self.where = where
        self.params = params

    def resolve(self, opener: Callable[[], BinaryIO], name: str) -> ReadError:
        """The ReadError to raise, its ``line`` found by a second pass over the manifest."""
        return _error(self.text, name=name, line=_locate(opener, self.where), **self.params)


def _locate(opener: Callable[[], BinaryIO], where: _Where) -> int:
    """The line of the element *where* names, 0 if it cannot be found (only called when reporting an error).

    A parser target has no line numbers, so the document is parsed again with ``iterparse``, dropping each
    element once ended (bounded memory) and stopping at the element sought.
    """
    kinds = set(where.kinds)
    matched: etree._Element | None = None
    found = children = 0
    try:
        with opener() as stream:
            for event, element in _iterparse(stream, events=("start", "end"), huge_tree=True):
                name = local_tag(element.tag)
                if event == "start":
                    if where.child is None:
                        continue
                    if matched is None:
                        if name in kinds and (element.get("id") or None) == where.id:
                            matched = element
                    elif name == where.child and element.getparent() is matched:
                        children += 1
                        if children == where.child_nth:
                            return element.sourceline or 0
                    continue
                if element is matched:  # the child was not found: point at the element itself
                    return element.sourceline or 0
                if where.child is None and name in kinds and (element.get("id") or None) == where.id:
                    found += 1
                    if found == where.nth:
                        return element.sourceline or 0
                element.clear()
                parent = element.getparent()
                if parent is not None:
                    parent.remove(element)
    except (etree.XMLSyntaxError, OSError):
        pass
    return 0


def _find_cycle(starts) -> tuple[ArchiveUnit, ArchiveUnit] | None:
    """A (parent, child) link closing a cycle in the unit graph, searched from *starts* in order, or None.

    Iterative colouring (no recursion on deep trees); units without children cannot be on a cycle.
    Nesting alone cannot make a cycle (nested children are XML descendants), so searching from the targets
    of ArchiveUnitRefId links finds any cycle, at no cost for a manifest without references.
    """
    state: dict[int, int] = {}  # 1 = on the current path, 2 = done
    for start in starts:
        if not start.children or id(start) in state:
            continue
        stack = [(start, iter(start.children))]
        state[id(start)] = 1
        while stack:
            unit, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[id(unit)] = 2
                stack.pop()
                continue
            seen = state.get(id(child))
            if seen == 1:
                return unit, child
            if seen is None and child.children:
                state[id(child)] = 1
                stack.append((child, iter(child.children)))
    return None


def _check_cycles(referenced: list[ArchiveUnit], units, name: str) -> None:
    """Refuse a unit graph with a cycle; the message names the first cycle met in document order."""
    if _find_cycle(referenced) is None:
        return
    parent, child = _find_cycle(units)  # type: ignore[misc]  # the same graph: a cycle is there
    raise _error(QT_TRANSLATE_NOOP(
        "import", "{name}: the archive units form a cycle ({unit} is its own ancestor through "
                  "{parent}). Remove one of the ArchiveUnitRefId links."), name=name, unit=child.id,
        parent=parent.id)
