"""The transfer being prepared: header, ManagementMetadata, archive units and data objects.

Archive units form a graph: a unit may have several parents (SEDA's ArchiveUnitRefId), and a
DataObjectGroup may hold several binary and physical objects. Anything the model has no field for
is kept as :class:`~app.models.metadata.Element` trees, so nothing read from a manifest is lost.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from app.models.metadata import Element


class BinaryDataObject:
    """A file of the transfer: where it is on disk, and its technical metadata.

    ``extra`` keeps every other child of the manifest's BinaryDataObject (Relationship,
    Compressed, Metadata, OtherMetadata, DataObjectUse...). Extra children of FileInfo and
    FormatIdentification are kept in an ``Element("FileInfo")`` / ``Element("FormatIdentification")``
    of ``extra`` and merged with the typed fields when the manifest is written.
    """

    __slots__ = (
        "id", "version", "uri", "digest", "digest_algorithm", "size",
        "format_id", "format_name", "mime_type", "filename", "last_modified",
        "source_path", "source_member", "source_mtime_ns", "extra",
    )

    def __init__(
        self,
        id: str,
        version: str | None = "BinaryMaster_1",
        *,
        source_path: str | None = None,
        filename: str | None = None,
    ) -> None:
        self.id = id
        self.version = version
        self.uri: str | None = None
        self.digest: str | None = None
        self.digest_algorithm: str | None = None
        self.size: int | None = None
        self.format_id: str | None = None
        self.format_name: str | None = None
        self.mime_type: str | None = None
        self.filename = filename
        self.last_modified: str | None = None
        # Where the bytes are: a file on disk, or (with source_member) an entry of the zip at source_path.
        self.source_path = source_path
        self.source_member: str | None = None
        self.source_mtime_ns: int | None = None
        self.extra: list[Element] | None = None

    def __repr__(self) -> str:
        return f"<BinaryDataObject {self.id} {self.version} {self.filename!r}>"


class PhysicalDataObject:
    """A physical item (box, register...) described by its PhysicalId, dimensions and notes."""

    __slots__ = ("id", "version", "elements")

    def __init__(self, id: str, version: str | None = "PhysicalMaster_1", elements: list[Element] | None = None):
        self.id = id
        self.version = version
        # Every child of the manifest's PhysicalDataObject except DataObjectVersion, in order.
        self.elements: list[Element] = elements or []

    def __repr__(self) -> str:
        return f"<PhysicalDataObject {self.id} {self.version}>"


DataObject = BinaryDataObject | PhysicalDataObject


class DataObjectGroup:
    """The versions of one intellectual object (original, dissemination copy, text, paper...)."""

    __slots__ = ("id", "objects", "logbook", "implicit")

    def __init__(self, id: str, objects: list[DataObject] | None = None) -> None:
        self.id = id
        self.objects: list[DataObject] = objects or []
        self.logbook: Element | None = None
        # True when the manifest declared the objects without a DataObjectGroup wrapper.
        self.implicit = False

    def __repr__(self) -> str:
        return f"<DataObjectGroup {self.id} {len(self.objects)} object(s)>"

    @property
    def binaries(self) -> list[BinaryDataObject]:
        """The binary objects of the group."""
        return [o for o in self.objects if isinstance(o, BinaryDataObject)]


class ArchiveUnit:
    """An archive unit: descriptive Content, Management rules, children and objects."""

    __slots__ = ("id", "content", "management", "profile", "children", "parents", "object_group",
                 "extra", "source", "links", "object_ref_last")

    def __init__(self, id: str, content: Element | None = None) -> None:
        self.id = id
        self.content = content if content is not None else Element("Content")
        self.management: Element | None = None
        self.profile: str | None = None  # ArchiveUnitProfile
        self.children: list[ArchiveUnit] = []
        self.parents: list[ArchiveUnit] = []
        self.object_group: DataObjectGroup | None = None
        # Children of ArchiveUnit the model has no field for (other references...), kept as they are.
        self.extra: list[Element] | None = None
        # The file or folder this unit was made from, if any.
        self.source: str | None = None
        # Read from a manifest: child id -> (wrapper id, ArchiveUnitRefId) of the reference that linked
        # that child here, so that it is written back with the same ids.
        self.links: dict[str, tuple[str, str]] | None = None
        # Read from a manifest that put DataObjectReference after the child units (both orders are valid).
        self.object_ref_last = False

    def __repr__(self) -> str:
        return f"<ArchiveUnit {self.id} {self.title!r}>"

    @property
    def title(self) -> str:
        """The first Title, or an empty string."""
        return self.content.findtext("Title", "") or ""

    @property
    def level(self) -> str | None:
        """The DescriptionLevel."""
        return self.content.findtext("DescriptionLevel")

    def add_child(self, child: ArchiveUnit) -> None:
        """Attach *child* under this unit (a unit may have several parents)."""
        self.children.append(child)
        child.parents.append(self)


class IdFactory:
    """Hands out XML ids (``ID1``, ``ID2``...) never used before in this transfer."""

    __slots__ = ("_counter", "_used", "prefix")

    def __init__(self, prefix: str = "ID") -> None:
        self.prefix = prefix
        self._counter = itertools.count(1)
        self._used: set[str] = set()

    def reserve(self, identifier: str) -> None:
        """Record an id that exists already (read from a manifest)."""
        self._used.add(identifier)

    def reserve_all(self, identifiers: Iterable[str]) -> None:
        """Record many existing ids at once (a manifest's: one C call instead of one call per id)."""
        self._used.update(identifiers)

    def new(self) -> str:
        """A fresh id. Counter ids never repeat, so only reserved ids need remembering."""
        while True:
            candidate = f"{self.prefix}{next(self._counter)}"
            if candidate not in self._used:
                return candidate


class Transfer:
    """A transfer (ArchiveTransfer message) in preparation.

    ``header`` holds the message's own children (Comment, Date, MessageIdentifier,
    ArchivalAgreement, CodeListVersions, ArchivalAgency, TransferringAgency...) and
    ``management_metadata`` the ManagementMetadata block, both as element trees in any order:
    the writer puts them in schema order.
    """

    def __init__(self, version: str = "2.2") -> None:
        self.version = version
        self.header = Element("ArchiveTransfer")
        self.management_metadata = Element("ManagementMetadata")
        self.roots: list[ArchiveUnit] = []
        self.groups: list[DataObjectGroup] = []
        self.ids = IdFactory()
        # Read from a manifest, kept so that it is written back the same (None: nothing to keep).
        # ``layout``: the units written directly under DescriptiveMetadata, in order, when the manifest
        # was flat (children linked with ArchiveUnitRefId); None writes every unit nested under its parent.
        # A (wrapper id, ArchiveUnitRefId, unit) entry is a reference written at the top level.
        self.layout: list[ArchiveUnit | tuple[str, str, ArchiveUnit]] | None = None
        self.package_attrib: dict[str, str] | None = None  # attributes of DataObjectPackage (xml:id)

    def new_unit(self, title: str, level: str, parent: ArchiveUnit | None = None) -> ArchiveUnit:
        """Create a unit with a Title and DescriptionLevel, under *parent* or as a root."""
        unit = ArchiveUnit(self.ids.new())
        unit.content.children = [Element("DescriptionLevel", level), Element("Title", title)]
        if parent is None:
            self.roots.append(unit)
        else:
            parent.add_child(unit)
        return unit

    def new_group(self) -> DataObjectGroup:
        """Create an empty DataObjectGroup registered in the transfer."""
        group = DataObjectGroup(self.ids.new())
        self.groups.append(group)
        return group

    def iter_units(self) -> Iterator[ArchiveUnit]:
        """Every unit once, depth first from the roots (units with several parents too)."""
        seen: set[int] = set()
        stack = list(reversed(self.roots))
        while stack:
            unit = stack.pop()
            if id(unit) in seen:
                continue
            seen.add(id(unit))
            yield unit
            stack.extend(reversed(unit.children))

    def iter_binaries(self) -> Iterator[BinaryDataObject]:
        """Every binary object of every group."""
        for group in self.groups:
            for obj in group.objects:
                if isinstance(obj, BinaryDataObject):
                    yield obj

    def count_units(self) -> int:
        """How many distinct units the transfer holds."""
        return sum(1 for _ in self.iter_units())
