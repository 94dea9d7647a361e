"""Archive profiles (RelaxNG from SHERPA, PASTIS or AGAPE, or XSD) loaded from local files only.

A profile is a grammar a transfer must also satisfy. It is read with entity expansion, DTDs and
network access off; any ``include``/``import`` must resolve to a local file. The SEDA version the
profile was written for is read from its namespaces, so a mismatch with the manifest's version is
reported as such instead of as hundreds of "element not expected" errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from app.models.messages import QT_TRANSLATE_NOOP, Message
from app.seda.ontology import NS_PREFIX, version_of_namespace
from app.seda.schemas import W3C, _w3c_fallback, default_store

CTX = "profiles"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
_SEDA_NS = re.compile(re.escape(NS_PREFIX) + r"(\d+\.\d+)")
_MAX_PROFILE_BYTES = 32 * 1024 * 1024


class ProfileError(Exception):
    """The profile cannot be used (missing, not XML, not RNG/XSD, does not compile)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render())
        self.message = message


@dataclass(frozen=True, slots=True)
class ProfileViolation:
    """One message of the profile validator, at a line of the manifest."""

    line: int
    message: str
    path: str | None = None
    """The position of the element in the manifest (``/*/*[3]/*[2]``), which names it even when the
    manifest is written on one line."""


@dataclass
class Profile:
    """A compiled archive profile."""

    path: Path
    kind: str  # "rng" or "xsd"
    version: str | None
    """The SEDA version the profile targets (None when it names no SEDA namespace)."""
    declared_namespace: str | None
    validator: etree.RelaxNG | etree.XMLSchema

    def validate(self, document: etree._ElementTree) -> list[ProfileViolation]:
        """Validate a parsed manifest; an empty list means it satisfies the profile."""
        if self.validator.validate(document):
            return []
        return _violations(self.validator.error_log)


def _violations(log: etree._ListErrorLog) -> list[ProfileViolation]:
    """Readable errors first: libxml2's RelaxNG prefixes the real message with low-level ones."""
    entries = list(log)
    noise = ("failed to compare type", "Error validating value", "Type ", "Internal error")
    useful = [e for e in entries if not e.message.startswith(noise)] or entries
    result: list[ProfileViolation] = []
    seen: set[tuple[int, str]] = set()
    for entry in useful:
        key = (entry.line, entry.message)
        if key not in seen:
            seen.add(key)
            result.append(ProfileViolation(entry.line, entry.message, entry.path or None))
    return result


class _LocalOnly(etree.Resolver):
    """Map the W3C schema URLs to local copies; refuse every other remote reference."""

    def __init__(self) -> None:
        super().__init__()
        self.refused: str | None = None
        """The first remote URL refused: libxml2 reports it as a resource it failed to parse."""

    def resolve(self, system_url, public_id, context):  # noqa: D102 - lxml API
        name = W3C.get(system_url)
        if name is not None:
            local = default_store() / "w3c" / name
            if not local.is_file():
                local = _w3c_fallback(name) or local
            return self.resolve_filename(str(local), context)
        if system_url and re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", system_url) and not system_url.startswith("file:"):
            self.refused = self.refused or system_url
            raise _remote(system_url)
        return None


def _remote(url: str) -> ProfileError:
    return ProfileError(Message(CTX, QT_TRANSLATE_NOOP(
        "profiles", "The profile refers to the remote resource {url}; profiles are only read from local "
                    "files."),
        {"url": url}))


def _parser(resolver: _LocalOnly | None = None) -> etree.XMLParser:
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
    parser.resolvers.add(resolver or _LocalOnly())
    return parser


def profile_version(root: etree._Element) -> tuple[str | None, str | None]:
    """The SEDA namespace a profile targets, and its version (None when unsupported or absent)."""
    candidates = [root.get("ns"), root.get("targetNamespace"), *root.nsmap.values()]
    for element in root.iter(f"{{{RNG_NS}}}element", f"{{{RNG_NS}}}grammar"):
        candidates.append(element.get("ns"))
        if len(candidates) > 64:
            break
    for value in candidates:
        if value and _SEDA_NS.fullmatch(value):
            return value, version_of_namespace(value)
    return None, None


def load_profile(path: Path) -> Profile:
    """Read and compile an RNG or XSD profile from a local file."""
    path = Path(path)
    try:
        if path.stat().st_size > _MAX_PROFILE_BYTES:
            raise ProfileError(Message(CTX, QT_TRANSLATE_NOOP("profiles", "The profile {path} is too large."),
                                       {"path": str(path)}))
        resolver = _LocalOnly()
        tree = etree.parse(str(path), _parser(resolver))
    except OSError as exc:
        raise ProfileError(Message(CTX, QT_TRANSLATE_NOOP("profiles", "Cannot read the profile {path}: {error}"),
                                   {"path": str(path), "error": exc.strerror or str(exc)})) from exc
    except etree.XMLSyntaxError as exc:
        raise ProfileError(Message(CTX, QT_TRANSLATE_NOOP(
            "profiles", "The profile {path} is not well-formed XML (line {line}: {error})."),
            {"path": str(path), "line": exc.lineno or 0, "error": exc.msg})) from exc
    if tree.docinfo.internalDTD is not None:
        raise ProfileError(Message(CTX, QT_TRANSLATE_NOOP(
            "profiles", "The profile {path} declares a DTD; profiles with DTDs or entities are refused."),
            {"path": str(path)}))
    root = tree.getroot()
    namespace, version = profile_version(root)
    try:
        if root.tag == f"{{{RNG_NS}}}grammar" or root.tag.startswith(f"{{{RNG_NS}}}"):
            return Profile(path, "rng", version, namespace, etree.RelaxNG(tree))
        if root.tag == f"{{{XSD_NS}}}schema":
            return Profile(path, "xsd", version, namespace, etree.XMLSchema(tree))
    except (etree.RelaxNGParseError, etree.XMLSchemaParseError) as exc:
        if resolver.refused:  # an import or include of a remote file: say so rather than "does not parse"
            raise _remote(resolver.refused) from exc
        first = exc.error_log[0] if exc.error_log else None
        detail = f"line {first.line}: {first.message}" if first is not None else str(exc)
        raise ProfileError(Message(CTX, QT_TRANSLATE_NOOP(
            "profiles", "The profile {path} is not a valid RelaxNG or XSD grammar ({error}). Ask its author for a "
                        "corrected "
                 "export."), {"path": str(path), "error": detail})) from exc
    raise ProfileError(Message(CTX, QT_TRANSLATE_NOOP(
        "profiles", "{path} is not an archive profile: expected a RelaxNG (.rng) or XML Schema (.xsd) file."),
        {"path": str(path)}))
