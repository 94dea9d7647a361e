"""What an archive profile requires, and filling a transfer's fixed values from it.

Profiles exported by SHERPA, PASTIS or AGAPE are RelaxNG grammars that spell out the whole transfer:
header, ManagementMetadata and a tree of ArchiveUnit patterns (one per level of the expected
arrangement, sometimes several alternatives per level). :func:`read_requirements` reads, for each
element under those, whether it is mandatory, how often it may occur, and its fixed value
(``rng:value``), allowed values (``rng:choice`` of values) and default (``a:defaultValue``), so that
editors can mark required fields and pre-fill fixed ones. :func:`requirements_for` gives what one unit
must have (the requirements of the unit patterns it matches), and :func:`apply_profile` writes the fixed
values of mandatory elements that a transfer lacks, in schema order, matching units the same way.

Cardinality is relative to the parent element: ``Content/Title`` with ``min=1`` means "every Content
has a Title". An element is mandatory when no ``rng:optional``, ``rng:zeroOrMore`` or multi-way
``rng:choice`` lies between it and its parent element. The profile is loaded with
:func:`app.seda.profiles.load_profile` (local files only, no entities, no DTD, must compile). XSD
profiles (older Vitam ones) are read into the same types by
:mod:`app.seda.interop.profile_requirements_xsd`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.models.metadata import Element
from app.models.transfer import ArchiveUnit, Transfer
from app.seda.ontology import (
    CONTENT_TYPE,
    MANAGEMENT_METADATA_TYPE,
    MANAGEMENT_TYPE,
    NS_PREFIX,
    TRANSFER_TYPE,
    XML_NS,
    child_type,
    insert_ordered,
)
from app.seda.profiles import RNG_NS, _parser, load_profile

CTX = "profiles"
ANNOTATIONS_NS = "http://relaxng.org/ns/compatibility/annotations/1.0"
_RNG = f"{{{RNG_NS}}}"
_DEFAULT = f"{{{ANNOTATIONS_NS}}}defaultValue"
_TRANSPARENT = {_RNG + "group", _RNG + "interleave", _RNG + "mixed", _RNG + "list"}
_UNIT = "ArchiveUnit"


@dataclass(frozen=True, slots=True)
class Requirement:
    """What the profile says of one element (or ``@attribute``), by path below its context.

    *min*/*max*: occurrences allowed in each parent (``max`` None: unbounded). *fixed*: the only value
    allowed; *choices*: the allowed values; *default*: the value the profile suggests.
    """

    path: str
    min: int = 1
    max: int | None = 1
    fixed: str | None = None
    choices: tuple[str, ...] = ()
    default: str | None = None

    @property
    def mandatory(self) -> bool:
        """Whether each parent must have it."""
        return self.min > 0


@dataclass(frozen=True)
class UnitRequirements:
    """One ArchiveUnit pattern of the profile: its own requirements and the unit patterns below it.

    *path* locates it in the profile's unit tree (``ArchiveUnit[1]/ArchiveUnit[2]``: the second unit
    pattern under the first top-level one); requirement paths are relative to the unit
    (``Content/Title``, ``Management/AccessRule/Rule``, ``ArchiveUnitProfile``).
    """

    path: str
    min: int
    max: int | None
    requirements: dict[str, Requirement] = field(default_factory=dict)
    children: tuple[UnitRequirements, ...] = ()

    def fixed(self) -> dict[str, str]:
        """Path -> fixed value, for every requirement that has one."""
        return {path: req.fixed for path, req in self.requirements.items() if req.fixed is not None}


@dataclass(frozen=True)
class ProfileRequirements:
    """Everything :func:`read_requirements` found in a profile.

    ``header`` paths are relative to ArchiveTransfer (``ArchivalAgreement``, ``CodeListVersions/...``),
    ``management_metadata`` paths to ManagementMetadata, and ``units`` are the top-level unit patterns.
    """

    path: Path
    version: str | None
    header: dict[str, Requirement]
    management_metadata: dict[str, Requirement]
    units: tuple[UnitRequirements, ...]

    def iter_units(self) -> Iterator[UnitRequirements]:
        """Every unit pattern, depth first."""
        stack = list(reversed(self.units))
        while stack:
            pattern = stack.pop()
            yield pattern
            stack.extend(reversed(pattern.children))


# -- reading ---------------------------------------------------------------------------------------
def read_requirements(path: str | Path) -> ProfileRequirements:
    """Read what a RelaxNG or XSD profile requires. Raises :class:`~app.seda.profiles.ProfileError`."""
    profile = load_profile(Path(path))  # refuses DTDs, remote references, grammars that do not compile
    if profile.kind == "xsd":
        from app.seda.interop.profile_requirements_xsd import read_xsd_requirements

        return read_xsd_requirements(profile)
    root = etree.parse(str(profile.path), _parser()).getroot()
    reader = _Grammar(root)
    transfer = next((node for node, _lo, _hi in reader.particles(reader.start()) if _name(node) == "ArchiveTransfer"),
                    None)
    header: dict[str, Requirement] = {}
    metadata: dict[str, Requirement] = {}
    units: list[UnitRequirements] = []
    if transfer is not None:
        for node, lo, hi in reader.particles(transfer):
            name = _name(node)
            if name == "DataObjectPackage":
                for part, _lo, _hi in reader.particles(node):
                    if _name(part) == "ManagementMetadata":
                        reader.collect(part, "", metadata)
                    elif _name(part) == "DescriptiveMetadata":
                        units.extend(reader.units(part, ""))
            elif name is not None:
                reader.add(node, _key(node, name), lo, hi, header)
    return ProfileRequirements(profile.path, profile.version, header, metadata, tuple(units))


def _name(node: etree._Element) -> str | None:
    """The model's name for an ``rng:element`` / ``rng:attribute`` pattern: the local name in the SEDA
    namespace (or none), Clark notation otherwise (``xml:lang`` -> ``{http://www.w3.org/XML/1998/namespace}lang``);
    None for a name class such as anyName."""
    name = node.get("name")
    if name is None:
        return None
    name = name.strip()
    if ":" not in name:
        return name
    prefix, local = name.split(":", 1)
    namespace = XML_NS if prefix == "xml" else node.nsmap.get(prefix)
    if namespace is None or namespace.startswith(NS_PREFIX):
        return local
    return f"{{{namespace}}}{local}"


def _key(node: etree._Element, name: str) -> str:
    """The path step of a pattern: ``@name`` for an attribute."""
    return "@" + name if node.tag == _RNG + "attribute" else name


class _Grammar:
    """Walks the patterns of a RelaxNG grammar (``ref`` followed into its ``define``)."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.defines: dict[str, list[etree._Element]] = {}
        for define in root.iter(_RNG + "define"):
            self.defines.setdefault(define.get("name", ""), []).append(define)

    def start(self) -> etree._Element:
        """The ``rng:start`` pattern (or the root, for a grammar-less element pattern)."""
        return next(self.root.iter(_RNG + "start"), self.root)

    def particles(self, node: etree._Element, lo: int = 1, hi: int | None = 1,
                  seen: frozenset[str] = frozenset()) -> Iterator[tuple[etree._Element, int, int | None]]:
        """The element and attribute patterns directly inside *node* (not inside a child element), each with
        the cardinality the wrappers between give it."""
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or not tag.startswith(_RNG):
                continue
            if tag in (_RNG + "element", _RNG + "attribute"):
                yield child, lo, hi
            elif tag == _RNG + "optional":
                yield from self.particles(child, 0, hi, seen)
            elif tag == _RNG + "zeroOrMore":
                yield from self.particles(child, 0, None, seen)
            elif tag == _RNG + "oneOrMore":
                yield from self.particles(child, lo, None, seen)
            elif tag == _RNG + "choice":
                alternatives = [c for c in child if isinstance(c.tag, str) and c.tag.startswith(_RNG)]
                yield from self.particles(child, lo if len(alternatives) == 1 else 0, hi, seen)
            elif tag in _TRANSPARENT:
                yield from self.particles(child, lo, hi, seen)
            elif tag == _RNG + "ref":
                name = child.get("name", "")
                if name not in seen:
                    for define in self.defines.get(name, ()):
                        yield from self.particles(define, lo, hi, seen | {name})

    def value(self, node: etree._Element) -> tuple[str | None, tuple[str, ...]]:
        """(fixed value, allowed values) of an element or attribute pattern's own content."""
        values: list[str] = []
        for child in node:
            if child.tag == _RNG + "value":
                return _value_text(child), ()
            if child.tag == _RNG + "choice":
                options = [c for c in child if isinstance(c.tag, str) and c.tag.startswith(_RNG)]
                if options and all(c.tag == _RNG + "value" for c in options):
                    values = [_value_text(c) for c in options]
        if len(values) == 1:
            return values[0], ()
        return None, tuple(values)

    def add(self, node: etree._Element, path: str, lo: int, hi: int | None, into: dict[str, Requirement]) -> None:
        """Record one element or attribute pattern (and, for an element, everything below it)."""
        fixed, choices = self.value(node)
        default = node.get(_DEFAULT)
        found = Requirement(path, lo, hi, fixed, choices, default)
        previous = into.get(path)
        into[path] = found if previous is None else _merge(previous, found, same_parent=True)
        if node.tag == _RNG + "element":
            self.collect(node, path + "/", into)

    def collect(self, node: etree._Element, prefix: str, into: dict[str, Requirement]) -> None:
        """Record every pattern below *node*, with paths starting with *prefix*."""
        local: dict[str, Requirement] = {}
        for child, lo, hi in self.particles(node):
            name = _name(child)
            if name is None:
                continue
            key = prefix + _key(child, name)
            self.add(child, key, lo, hi, local)
        for key, requirement in local.items():
            previous = into.get(key)
            into[key] = requirement if previous is None else _merge(previous, requirement, same_parent=False)

    def units(self, node: etree._Element, parent_path: str) -> list[UnitRequirements]:
        """The ArchiveUnit patterns directly under *node* (DescriptiveMetadata or a unit)."""
        found: list[UnitRequirements] = []
        for child, lo, hi in self.particles(node):
            if child.tag != _RNG + "element" or _name(child) != _UNIT:
                continue
            path = f"{parent_path}{_UNIT}[{len(found) + 1}]"
            requirements: dict[str, Requirement] = {}
            for part, part_lo, part_hi in self.particles(child):
                name = _name(part)
                if name is None or name == _UNIT:
                    continue
                self.add(part, _key(part, name), part_lo, part_hi, requirements)
            found.append(UnitRequirements(path, lo, hi, requirements, tuple(self.units(child, path + "/"))))
        return found


def _value_text(node: etree._Element) -> str:
    """An ``rng:value``'s text as an instance must hold it: whitespace collapsed unless typed ``string``
    (a pretty-printed profile indents long values; token comparison ignores that, string does not)."""
    text = node.text or ""
    if node.get("type", "token") == "string":
        return text
    return " ".join(text.split())


def _merge(first: Requirement, second: Requirement, *, same_parent: bool) -> Requirement:
    """Two patterns for the same path: siblings add up (two Keyword patterns = two Keywords); patterns
    under different parents (alternatives, repeated parents) give the loosest of both."""
    if same_parent:
        lo = first.min + second.min
        hi = None if first.max is None or second.max is None else first.max + second.max
    else:
        lo = min(first.min, second.min)
        hi = None if first.max is None or second.max is None else max(first.max, second.max)
    fixed = first.fixed if first.fixed == second.fixed else None
    choices: tuple[str, ...] = ()
    if fixed is None:
        values = [*first.choices, *second.choices,
                  *(v for v in (first.fixed, second.fixed) if v is not None)]
        choices = tuple(dict.fromkeys(values)) if (first.choices or first.fixed is not None) and (
            second.choices or second.fixed is not None) else ()
    default = first.default if first.default is not None else second.default
    return replace(first, min=lo, max=hi, fixed=fixed, choices=choices, default=default)


# -- applying --------------------------------------------------------------------------------------
@dataclass
class _Tally:
    filled: int = 0
    units: int = 0
    ambiguous: int = 0
    unmatched: int = 0
    conflicts: int = 0
    example_conflict: tuple[str, str, str, str] | None = None  # unit, path, value, fixed
    example_unmatched: str | None = None


def apply_profile(transfer: Transfer, requirements: ProfileRequirements) -> list[Message]:
    """Fill the fixed values of mandatory elements the transfer lacks (header, ManagementMetadata, units).

    Only mandatory elements are added (and their mandatory parents), in schema order; existing values
    are never overwritten: a value that differs from the profile's is reported, as are units that match
    no unit pattern of the profile. Each unit is matched as :func:`requirements_for` matches it (with the
    profile's unit patterns of its depth whose fixed values it does not contradict and that share most of
    its values: a unit titled as one pattern fixes it is that one); when several remain, only what they
    all fix is filled. Returns messages summarising what was done.
    """
    messages: list[Message] = []
    version = transfer.version
    if requirements.version is not None and requirements.version != version:
        messages.append(Message(CTX, QT_TRANSLATE_NOOP(
            "profiles", "The profile {path} is written for SEDA {profile_version}; the transfer is SEDA {version}. "
                        "Its requirements were applied by element name."),
            {"path": str(requirements.path), "profile_version": requirements.version, "version": version}))
    tally = _Tally()
    _fill(transfer.header, requirements.header, version, TRANSFER_TYPE, "ArchiveTransfer", tally)
    _fill(transfer.management_metadata, requirements.management_metadata, version, MANAGEMENT_METADATA_TYPE,
          "ManagementMetadata", tally)
    matched: dict[int, list[UnitRequirements]] = {}
    for unit in transfer.iter_units():
        tally.units += 1
        candidates = _match(unit, requirements.units, matched)  # before filling it: the GUI matches it alike
        if not candidates:
            tally.unmatched += 1
            tally.example_unmatched = tally.example_unmatched or unit.id
            continue
        if len(candidates) > 1:
            tally.ambiguous += 1
        _fill_unit(unit, _common(candidates), version, tally)
    messages.append(Message(CTX, QT_TRANSLATE_NOOP(
        "profiles", "Profile applied: {filled} filled in {units}, the header and ManagementMetadata."),
        {"filled": QT_TRANSLATE_NOOP("profiles", "%n fixed value(s)", "", tally.filled),
         "units": QT_TRANSLATE_NOOP("profiles", "%n unit(s)", "", tally.units)}))
    if tally.ambiguous:
        messages.append(Message(CTX, QT_TRANSLATE_NOOP(
            "profiles", "%n unit(s) match several unit patterns of the profile; only the values these "
                        "patterns share were filled.", "", tally.ambiguous)))
    if tally.unmatched:
        messages.append(Message(CTX, QT_TRANSLATE_NOOP(
            "profiles", "%n unit(s) (e.g. {unit}) match no unit of the profile at their level (too deep, "
                        "or a fixed value differs); nothing was filled in them or below them.", "", tally.unmatched),
            {"unit": tally.example_unmatched}))
    if tally.conflicts and tally.example_conflict is not None:
        unit, path, value, fixed = tally.example_conflict
        messages.append(Message(CTX, QT_TRANSLATE_NOOP(
            "profiles", "%n value(s) differ from the profile's fixed value and were kept (e.g. {path} of "
                        "{unit} is \"{value}\", the profile requires \"{fixed}\").", "", tally.conflicts),
            {"unit": unit, "path": path, "value": value, "fixed": fixed}))
    return messages


def requirements_for(requirements: ProfileRequirements, unit: ArchiveUnit) -> dict[str, Requirement]:
    """What the profile requires of *unit*: path relative to the unit (``Content/Title``,
    ``Content/Writer/FullName``, ``Management/AccessRule/Rule``, ``ArchiveUnitProfile``) -> Requirement.

    The unit is matched as :func:`apply_profile` matches it: level by level from its root (through each
    unit's first parent), with the unit patterns below the patterns its parent matched (the top-level ones
    for a root) whose fixed values it does not contradict and that share most of its values. When several
    patterns remain, only what they all require, with the same fixed value, is returned. A unit that
    matches no pattern of its level (a fixed value differs, it lies under such a unit, or deeper than the
    profile's tree) gets an empty dict.

    Cardinalities stay relative to the parent element: ``Content/Writer/FullName`` with ``min=1`` means
    "every Writer has a FullName", not that the unit must have a Writer.
    """
    candidates = _match(unit, requirements.units, {})
    return dict(_common(candidates)) if candidates else {}


def _match(unit: ArchiveUnit, top: tuple[UnitRequirements, ...],
           matched: dict[int, list[UnitRequirements]]) -> list[UnitRequirements]:
    """The unit patterns *unit* is matched with (empty: none), its ancestors through their first parent
    matched first; *matched* (id(unit) -> patterns) keeps what was matched already."""
    chain: list[ArchiveUnit] = []
    current: ArchiveUnit | None = unit
    while current is not None and id(current) not in matched:
        chain.append(current)
        current = current.parents[0] if current.parents else None
        if current is not None and any(current is level for level in chain):
            break  # a cycle (refused by the editor): the unit matches nothing
    for level in reversed(chain):
        parent = level.parents[0] if level.parents else None
        patterns = top if parent is None else tuple(
            child for pattern in matched.get(id(parent), ()) for child in pattern.children)
        matched[id(level)] = _candidates(level, patterns)
    return matched[id(unit)]


def _unit_value(unit: ArchiveUnit, path: str) -> str | None:
    """The current value at *path* of a unit (first match), or None when absent."""
    head, _, rest = path.partition("/")
    if head == "ArchiveUnitProfile":
        return unit.profile if not rest else None
    element = {"Content": unit.content, "Management": unit.management}.get(head)
    for part in rest.split("/") if rest else ():
        if element is None:
            return None
        if part.startswith("@"):
            return element.get(part[1:])
        element = element.find(part)
    return element.text if element is not None and rest else None


def _score(unit: ArchiveUnit, pattern: UnitRequirements) -> int:
    """How many fixed values of the pattern the unit has already; -1 if it contradicts one."""
    score = 0
    for path, fixed in pattern.fixed().items():
        value = _unit_value(unit, path)
        if value not in (None, ""):
            if not _same(value, fixed):
                return -1
            score += 1
    return score


def _candidates(unit: ArchiveUnit, patterns: tuple[UnitRequirements, ...]) -> list[UnitRequirements]:
    """The unit patterns a unit may be an instance of: those it does not contradict that match most of
    its values (a unit titled as one pattern fixes it is that pattern, not a sibling fixing only a level)."""
    scored = [(score, pattern) for pattern in patterns if (score := _score(unit, pattern)) >= 0]
    best = max((score for score, _pattern in scored), default=-1)
    return [pattern for score, pattern in scored if score == best]


def _same(value: str, fixed: str) -> bool:
    """Whether *value* satisfies a fixed value (token values compare with whitespace collapsed)."""
    return value == fixed or value.split() == fixed.split()


def _common(patterns: list[UnitRequirements]) -> dict[str, Requirement]:
    """The requirements every pattern has, with the same fixed value (all of them for a single pattern)."""
    first = patterns[0].requirements
    if len(patterns) == 1:
        return first
    return {path: req for path, req in first.items()
            if all(p.requirements.get(path) is not None and p.requirements[path].fixed == req.fixed
                   and p.requirements[path].min > 0 for p in patterns[1:])}


def _fill_unit(unit: ArchiveUnit, requirements: dict[str, Requirement], version: str, tally: _Tally) -> None:
    """Fill one unit: ArchiveUnitProfile, Content and Management."""
    profile = requirements.get("ArchiveUnitProfile")
    if profile is not None and profile.fixed and profile.min > 0:
        if not unit.profile:
            unit.profile = profile.fixed
            tally.filled += 1
        elif not _same(unit.profile, profile.fixed):
            _conflict(tally, unit.id, "ArchiveUnitProfile", unit.profile, profile.fixed)
    content = {p[len("Content/"):]: r for p, r in requirements.items() if p.startswith("Content/")}
    _fill(unit.content, content, version, CONTENT_TYPE, unit.id, tally, prefix="Content/")
    management = {p[len("Management/"):]: r for p, r in requirements.items() if p.startswith("Management/")}
    if unit.management is None:
        required = requirements.get("Management")
        if required is None or required.min == 0 or not _has_fixed(management):
            return
        unit.management = Element("Management")
    _fill(unit.management, management, version, MANAGEMENT_TYPE, unit.id, tally, prefix="Management/")


def _has_fixed(requirements: dict[str, Requirement]) -> bool:
    return any(r.fixed is not None and r.min > 0 for r in requirements.values())


def _fill(root: Element, requirements: dict[str, Requirement], version: str, type_name: str, owner: str,
          tally: _Tally, prefix: str = "") -> None:
    """Add the fixed values of mandatory paths below *root* (whose schema type is *type_name*)."""
    for path, requirement in requirements.items():
        if not requirement.fixed or requirement.min == 0:
            continue
        parts = path.split("/")
        # Every ancestor must be mandatory too, or exist already.
        element, element_type = root, type_name
        for depth, part in enumerate(parts):
            last = depth == len(parts) - 1
            if part.startswith("@"):
                if last and element.get(part[1:]) is None:
                    element.set(part[1:], requirement.fixed)
                    tally.filled += 1
                elif last and not _same(element.get(part[1:]) or "", requirement.fixed):
                    _conflict(tally, owner, prefix + path, element.get(part[1:]) or "", requirement.fixed)
                break
            child = element.find(part)
            if child is None:
                ancestor = requirements.get("/".join(parts[:depth + 1]))
                if ancestor is None or ancestor.min == 0:
                    break
                child = insert_ordered(element, Element(part), version, element_type)
            if last:
                if not child.text and not child.children:
                    child.text = requirement.fixed
                    tally.filled += 1
                elif not _same(child.text or "", requirement.fixed) and not child.children:
                    _conflict(tally, owner, prefix + path, child.text or "", requirement.fixed)
                break
            element = child
            element_type = child_type(version, element_type, part) or ""


def _conflict(tally: _Tally, owner: str, path: str, value: str, fixed: str) -> None:
    tally.conflicts += 1
    if tally.example_conflict is None:
        tally.example_conflict = (owner, path, value, fixed)
