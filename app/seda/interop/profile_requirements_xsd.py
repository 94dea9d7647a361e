"""What an XML Schema (XSD) archive profile requires, read into the same types as a RelaxNG one.

Older Vitam profiles are XSDs that declare the whole transfer from ``ArchiveTransfer`` down.
:func:`read_xsd_requirements` walks those declarations with xmlschema, which resolves named types,
element and group references, extensions and restrictions, and returns the
:class:`~app.seda.interop.profile_requirements.ProfileRequirements` the RelaxNG reader returns, with
the same paths and the same rules:

* occurrences are relative to the parent element and multiplied through the groups between: an
  element inside an optional sequence, or in a ``choice`` of several particles, is not mandatory;
* the value of an element (or attribute) is its ``fixed`` value, or the only value of its type's
  enumeration; several enumerated values are its choices; ``default`` is its default;
* attributes are ``@name`` (required when ``use="required"``), names in no namespace or a SEDA
  namespace are local, others in Clark notation (``{http://www.w3.org/XML/1998/namespace}lang``);
* an abstract element stands for its substitutes; wildcards (``xs:any``) are not read;
* a type that contains itself (an ArchiveUnit type whose units hold units of the same type) is read
  once more below itself, then not followed further: deeper levels have no unit pattern.

The profile is first loaded with :func:`app.seda.profiles.load_profile` (local files only, no DTD or
entity, must compile with libxml2), then read by xmlschema with local access only, entities refused,
and the W3C schemas mapped to the local copies.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.seda.interop.profile_requirements import (
    ProfileRequirements,
    Requirement,
    UnitRequirements,
    _merge,
)
from app.seda.ontology import NS_PREFIX
from app.seda.profiles import Profile, ProfileError
from app.seda.schemas import W3C, _w3c_fallback, default_store

_UNIT = "ArchiveUnit"


def read_xsd_requirements(profile: Profile) -> ProfileRequirements:
    """Read what an XSD profile (already loaded with :func:`~app.seda.profiles.load_profile`) requires."""
    schema = _load(profile.path)
    # Its own global elements first, then those of the schemas it imports.
    declared = [*schema.elements.items(), *schema.maps.elements.items()]
    transfer = next((element for name, element in declared if _local(name) == "ArchiveTransfer"), None)
    header: dict[str, Requirement] = {}
    metadata: dict[str, Requirement] = {}
    units: list[UnitRequirements] = []
    if transfer is not None:
        reader = _Reader()
        types = (transfer.type,)
        for component, lo, hi in reader.particles(transfer):
            name = _name(component.name)
            if name == "DataObjectPackage" and not _is_attribute(component):
                for part, _lo, _hi in reader.particles(component):
                    if _is_attribute(part):
                        continue
                    part_name = _name(part.name)
                    if part_name == "ManagementMetadata":
                        reader.collect(part, "", metadata, types + (component.type, part.type))
                    elif part_name == "DescriptiveMetadata":
                        units.extend(reader.units(part, "", types + (component.type, part.type)))
            elif name is not None:
                reader.add(component, _key(component, name), lo, hi, header, types)
    return ProfileRequirements(profile.path, profile.version, header, metadata, tuple(units))


def _load(path: Path) -> Any:
    """The profile as an xmlschema schema, read from local files only with entities refused."""
    import xmlschema  # only needed for XSD profiles

    def local_copy(url: str) -> str:
        name = W3C.get(url)
        if name is None:
            return url
        local = default_store() / "w3c" / name
        if not local.is_file():
            local = _w3c_fallback(name) or local
        return str(local)

    try:
        # "lax": libxml2 has already compiled the profile; xmlschema only has to describe it.
        return xmlschema.XMLSchema(str(path), validation="lax", allow="local", defuse="always",
                                   uri_mapper=local_copy)
    except Exception as exc:  # xmlschema raises many kinds (parse, resource, blocked access): all mean "unusable"
        detail = str(exc).strip().splitlines()
        raise ProfileError(Message("profiles", QT_TRANSLATE_NOOP(
            "profiles", "The profile {path} is not a valid RelaxNG or XSD grammar ({error}). Ask its author for a "
                        "corrected export."),
            {"path": str(path), "error": detail[0] if detail else type(exc).__name__})) from exc


def _local(name: str | None) -> str | None:
    return None if name is None else name.rpartition("}")[2]


def _name(name: str | None) -> str | None:
    """The model's name of a declaration: local in no namespace or a SEDA one, Clark notation otherwise."""
    if not name:
        return None
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return local if namespace.startswith(NS_PREFIX) else name
    return name


def _is_attribute(component: Any) -> bool:
    from xmlschema.validators import XsdAttribute

    return isinstance(component, XsdAttribute)


def _key(component: Any, name: str) -> str:
    return "@" + name if _is_attribute(component) else name


def _times(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a * b


def _normalise(text: str, white_space: str | None) -> str:
    """A schema value as a validator compares it (the type's whiteSpace facet applied)."""
    if white_space == "collapse":
        return " ".join(text.split())
    if white_space == "replace":
        return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    return text


def _simple_type(component: Any) -> Any:
    """The simple type of an attribute's or element's value (None for element-only or mixed content)."""
    xsd_type = component.type
    if xsd_type is None:
        return None
    if xsd_type.is_simple():
        return xsd_type
    return xsd_type.content if xsd_type.has_simple_content() else None


def _enumeration(simple: Any) -> list[str] | None:
    """The lexical values a simple type allows (None when not enumerated). A union is enumerated when
    all its members are."""
    if simple is None:
        return None
    members = getattr(simple, "member_types", None)
    if members:
        values: list[str] = []
        for member in members:
            found = _enumeration(member)
            if found is None:
                return None
            values.extend(found)
        return list(dict.fromkeys(values))
    from xmlschema.validators import XsdEnumerationFacets

    get_facet = getattr(simple, "get_facet", None)
    facet = get_facet("{http://www.w3.org/2001/XMLSchema}enumeration") if get_facet is not None else None
    if not isinstance(facet, XsdEnumerationFacets):
        return None
    white_space = getattr(simple, "white_space", None)
    return list(dict.fromkeys(_normalise(elem.get("value", ""), white_space) for elem in facet))


def _value(component: Any) -> tuple[str | None, tuple[str, ...], str | None]:
    """(fixed value, allowed values, default) of an element or attribute declaration."""
    simple = _simple_type(component)
    white_space = getattr(simple, "white_space", None) if simple is not None else None
    fixed = component.fixed
    default = component.default
    if fixed is not None:
        return _normalise(fixed, white_space), (), None
    default = _normalise(default, white_space) if default is not None else None
    values = _enumeration(simple) or []
    if len(values) == 1:
        return values[0], (), default
    return None, tuple(values), default


class _Reader:
    """Walks element declarations (xmlschema components) as the RelaxNG reader walks patterns."""

    def particles(self, element: Any) -> Iterator[tuple[Any, int, int | None]]:
        """The attributes and the child element declarations of *element*, each with the cardinality the
        groups between give it; abstract elements are replaced by their substitutes."""
        xsd_type = element.type
        if xsd_type is None or not xsd_type.is_complex():
            return
        for name, attribute in xsd_type.attributes.items():
            if name is None or attribute.use == "prohibited":
                continue  # anyAttribute
            yield attribute, 1 if attribute.use == "required" else 0, 1
        if not xsd_type.has_simple_content() and getattr(xsd_type.content, "model", None):
            yield from self._group(xsd_type.content, 1, 1, frozenset())

    def _group(self, group: Any, lo: int, hi: int | None,
               seen: frozenset[int]) -> Iterator[tuple[Any, int, int | None]]:
        from xmlschema.validators import XsdElement, XsdGroup

        if id(group) in seen:
            return
        seen = seen | {id(group)}
        lo, hi = lo * group.min_occurs, _times(hi, group.max_occurs)
        if hi == 0:
            return
        particles = list(group)
        if group.model == "choice" and len(particles) > 1:
            lo = 0
        for particle in particles:
            if isinstance(particle, XsdGroup):
                yield from self._group(particle, lo, hi, seen)
            elif isinstance(particle, XsdElement):
                p_lo, p_hi = lo * particle.min_occurs, _times(hi, particle.max_occurs)
                if p_hi == 0:
                    continue
                alternatives = [] if particle.abstract else [particle]
                alternatives.extend(s for s in particle.iter_substitutes() if not s.abstract)
                for alternative in alternatives:
                    yield alternative, p_lo if len(alternatives) == 1 else 0, p_hi

    def add(self, component: Any, path: str, lo: int, hi: int | None, into: dict[str, Requirement],
            types: tuple[Any, ...]) -> None:
        """Record one element or attribute declaration (and, for an element, everything below it)."""
        fixed, choices, default = _value(component)
        found = Requirement(path, lo, hi, fixed, choices, default)
        previous = into.get(path)
        into[path] = found if previous is None else _merge(previous, found, same_parent=True)
        if not _is_attribute(component) and component.type not in types:  # a type containing itself: stop
            self.collect(component, path + "/", into, types + (component.type,))

    def collect(self, element: Any, prefix: str, into: dict[str, Requirement], types: tuple[Any, ...]) -> None:
        """Record every declaration below *element*, with paths starting with *prefix*."""
        local: dict[str, Requirement] = {}
        for component, lo, hi in self.particles(element):
            name = _name(component.name)
            if name is not None:
                self.add(component, prefix + _key(component, name), lo, hi, local, types)
        for key, requirement in local.items():
            previous = into.get(key)
            into[key] = requirement if previous is None else _merge(previous, requirement, same_parent=False)

    def units(self, element: Any, parent_path: str, types: tuple[Any, ...],
              unit_types: tuple[Any, ...] = ()) -> list[UnitRequirements]:
        """The ArchiveUnit declarations directly under *element* (DescriptiveMetadata or a unit)."""
        found: list[UnitRequirements] = []
        for child, lo, hi in self.particles(element):
            if _is_attribute(child) or _name(child.name) != _UNIT:
                continue
            path = f"{parent_path}{_UNIT}[{len(found) + 1}]"
            below = types + (child.type,)
            requirements: dict[str, Requirement] = {}
            for part, part_lo, part_hi in self.particles(child):
                name = _name(part.name)
                if name is None or (name == _UNIT and not _is_attribute(part)):
                    continue
                self.add(part, _key(part, name), part_lo, part_hi, requirements, below)
            # A unit type met again below itself is recorded, not followed (it would never end).
            children = () if child.type in unit_types else tuple(
                self.units(child, path + "/", below, unit_types + (child.type,)))
            found.append(UnitRequirements(path, lo, hi, requirements, children))
        return found
