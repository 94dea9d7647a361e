"""libxml2's schema diagnostics, said in words an archivist can read, in the user's language.

libxml2 words its XML Schema (``xmlschemas.c``) and RelaxNG (``relaxng.c``) errors in English, for
programmers: ``Element 'StartDate': '31/12/2020' is not a valid value of the union type 'DateType'.``
:func:`explain` recognises the common forms and returns a translatable :class:`Message` (context
``xsd``) that carries the pieces as parameters: element names as ``<Name>``, values, expected lists.
A form it does not know is returned unchanged, so no diagnostic is ever lost or altered.

The XSD forms are whole sentences ending with a period, as libxml2's are; the RelaxNG forms have no
final period, as libxml2's have none; :func:`without_period` quotes one inside another sentence. The
patterns were written against the text libxml2 2.14 produces (tests/unit/validation/test_xsd_messages.py
validates small documents to get it). This module runs only on errors: a valid manifest never reaches it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.models.messages import QT_TRANSLATE_NOOP, Message, Translate, identity_translate

CTX = "xsd"
_SEDA_NS = re.compile(r"\{fr:gouv:culture:archivesdefrance:seda:v2\.\d\}")
_XML_NS = "{http://www.w3.org/XML/1998/namespace}"
EXPECTED_LIMIT = 10
"""libxml2 lists at most this many expected elements (xmlschemas.c keeps 10): a full list may be cut."""
_NCNAME = re.compile(r"[^\W\d][\w.\-]*")
_ID_TYPES = {"xs:ID", "ID", "ArchiveUnitIdType", "DataObjectIdType"}
"""Types derived from xs:ID: a well-formed value libxml2 refuses is one already used (duplicate id)."""
_WILDCARD = re.compile(r"(?:##other)?(?:\{[^}]*\})?\*")

# -- hints: what a value of a well-known type looks like ----------------------------------------
_DATE = QT_TRANSLATE_NOOP("xsd", "a date such as 2020-12-31")
_DATETIME = QT_TRANSLATE_NOOP("xsd", "a date and time such as 2020-12-31T10:00:00")
_SEDA_DATE = QT_TRANSLATE_NOOP("xsd", "a date (2020-12-31), a month (2020-12), a year (2020) or a date and time "
                                      "(2020-12-31T10:00:00)")
_BOOLEAN = QT_TRANSLATE_NOOP("xsd", "true or false")
_INTEGER = QT_TRANSLATE_NOOP("xsd", "a whole number")
_POSITIVE = QT_TRANSLATE_NOOP("xsd", "a whole number greater than 0")
_NON_NEGATIVE = QT_TRANSLATE_NOOP("xsd", "a whole number, 0 or more")
_DECIMAL = QT_TRANSLATE_NOOP("xsd", "a number such as 12.5 (with a decimal point, without unit)")
_LANGUAGE = QT_TRANSLATE_NOOP("xsd", "a language code such as fr or fr-FR")
_IDENTIFIER = QT_TRANSLATE_NOOP("xsd", "an identifier that starts with a letter or \u201c_\u201d and has no space "
                                       "or \u201c:\u201d (for example ID12)")
_BINARY = QT_TRANSLATE_NOOP("xsd", "a value in hexadecimal or base64")
_HINTS = {
    "xs:date": _DATE, "date": _DATE,
    "xs:dateTime": _DATETIME, "dateTime": _DATETIME,
    "DateType": _SEDA_DATE,
    "xs:boolean": _BOOLEAN, "boolean": _BOOLEAN,
    **dict.fromkeys(("xs:int", "xs:integer", "xs:long", "xs:short", "int", "integer", "long", "short"), _INTEGER),
    **dict.fromkeys(("xs:positiveInteger", "positiveInteger", "SizeInBytesType"), _POSITIVE),
    **dict.fromkeys(("xs:nonNegativeInteger", "nonNegativeInteger"), _NON_NEGATIVE),
    **dict.fromkeys(("xs:decimal", "decimal", "MeasurementType", "MeasurementWeightType"), _DECIMAL),
    "xs:language": _LANGUAGE, "language": _LANGUAGE,
    **dict.fromkeys(("xs:ID", "ID", "xs:IDREF", "IDREF", "xs:NCName", "NCName", "ArchiveUnitIdType",
                     "DataObjectIdType", "GroupIdType", "GroupRefIdType", "ArchiveUnitRefIdType",
                     "DataObjectRefIdType"), _IDENTIFIER),
    **dict.fromkeys(("BinaryType", "MessageDigestBinaryObjectType", "xs:base64Binary", "xs:hexBinary",
                     "base64Binary", "hexBinary"), _BINARY),
}
_ATTRIBUTE_HINTS = {"xml:lang": _LANGUAGE}


def _msg(text: str, **params: object) -> Message:
    return Message(CTX, text, params)


def _name(raw: str) -> str:
    """An element or attribute name as a reader knows it: no SEDA namespace, ``xml:`` for the XML one."""
    if raw.startswith(_XML_NS):
        return "xml:" + raw[len(_XML_NS):]
    return _SEDA_NS.sub("", raw)


def _subject(element: str, attribute: str | None) -> str | Message:
    """What the value belongs to: ``<Element>``, or the attribute of an element."""
    if attribute is None:
        return f"<{element}>"
    return _msg(QT_TRANSLATE_NOOP("xsd", "the attribute {attribute} of <{element}>"),
                attribute=attribute, element=element)


def _expected(listing: str) -> tuple[list[str], str]:
    """The names of libxml2's "( A, B, C )" list, and the same joined for display (cut lists end with …)."""
    names = [_name(item.strip()) for item in listing.split(", ") if item.strip()]
    shown = ", ".join(names)
    if len(names) >= EXPECTED_LIMIT:
        shown += ", \u2026"
    return names, shown


# -- XML Schema (xmlschemas.c) ------------------------------------------------------------------
_XSD_PREFIX = re.compile(r"Element '(?P<element>[^']+)'(?:, attribute '(?P<attribute>[^']+)')?: (?P<rest>.*)",
                         re.DOTALL)
_EXPECTATION = r"(?: Expected is (?:one of )?\( (?P<expected>.*) \)\.)?"
XsdHandler = Callable[[re.Match[str], str, str | None, str | None], Message | None]
"""(match, element, attribute or None, namespace of the element as libxml2 gave it or None)."""
_XSD: list[tuple[re.Pattern[str], XsdHandler]] = []


def _xsd(pattern: str) -> Callable[[XsdHandler], XsdHandler]:
    def register(handler: XsdHandler) -> XsdHandler:
        _XSD.append((re.compile(pattern, re.DOTALL), handler))
        return handler
    return register


@_xsd(r"This element is not expected\." + _EXPECTATION)
def _not_expected(m: re.Match[str], element: str, attribute: str | None, namespace: str | None) -> Message:
    if m["expected"] is None:
        return _msg(QT_TRANSLATE_NOOP("xsd", "The element <{element}> is not expected here."), element=element)
    names, shown = _expected(m["expected"])
    if all(_WILDCARD.fullmatch(name) and name.startswith("##other") for name in names):
        return _msg(QT_TRANSLATE_NOOP("xsd", "The element <{element}> is not expected here: only elements of "
                                             "another namespace (extensions) are allowed at this place."),
                    element=element)
    if len(names) == 1:
        return _msg(QT_TRANSLATE_NOOP("xsd", "The element <{element}> is not expected here; the element expected "
                                             "at this place is <{expected}>."), element=element, expected=names[0])
    return _msg(QT_TRANSLATE_NOOP("xsd", "The element <{element}> is not expected here; possible elements: "
                                         "{expected}."), element=element, expected=shown)


@_xsd(r"Missing child element\(s\)\." + _EXPECTATION)
def _missing_child(m: re.Match[str], element: str, attribute: str | None, namespace: str | None) -> Message:
    if m["expected"] is None:
        return _msg(QT_TRANSLATE_NOOP("xsd", "A required element is missing in <{element}>."), element=element)
    names, shown = _expected(m["expected"])
    if len(names) == 1:
        return _msg(QT_TRANSLATE_NOOP("xsd", "The element <{expected}> is missing in <{element}>."),
                    element=element, expected=names[0])
    return _msg(QT_TRANSLATE_NOOP("xsd", "An element is missing in <{element}>; possible elements: {expected}."),
                element=element, expected=shown)


@_xsd(r"'(?P<value>.*)' is not a valid value of the (?P<local>local )?(?:atomic|list|union) type"
      r"(?: '(?P<type>[^']+)')?\.")
def _invalid_value(m: re.Match[str], element: str, attribute: str | None, namespace: str | None) -> Message:
    value, type_name = m["value"], _name(m["type"]) if m["type"] else None
    subject = _subject(element, attribute)
    kind: str | Message = type_name or _msg(QT_TRANSLATE_NOOP("xsd", "defined in the schema"))
    if not value.strip():
        return _msg(QT_TRANSLATE_NOOP("xsd", "Empty value for {subject}; a value of type {type} is expected."),
                    subject=subject, type=kind)
    if type_name in _ID_TYPES and _NCNAME.fullmatch(value):
        return _msg(QT_TRANSLATE_NOOP("xsd", "The identifier \u201c{value}\u201d of <{element}> is already used by "
                                             "another element of the manifest; each identifier must be unique."),
                    value=value, element=element)
    hint = _HINTS.get(type_name or "") or _ATTRIBUTE_HINTS.get(_name(attribute or ""))
    if hint is None:
        return _msg(QT_TRANSLATE_NOOP("xsd", "\u201c{value}\u201d is not a valid value of {subject} (type {type})."),
                    value=value, subject=subject, type=kind)
    return _msg(QT_TRANSLATE_NOOP("xsd", "\u201c{value}\u201d is not a valid value of {subject} (type {type}); "
                                         "expected: {hint}."),
                value=value, subject=subject, type=kind, hint=_msg(hint))


@_xsd(r"\[facet 'enumeration'\] The value '(?P<value>.*)' is not an element of the set \{(?P<set>.*)\}\.")
def _enumeration(m: re.Match[str], element: str, attribute: str | None, namespace: str | None) -> Message:
    allowed = m["set"].strip()
    if allowed.startswith("'") and allowed.endswith("'"):
        allowed = ", ".join(allowed[1:-1].split("', '"))
    return _msg(QT_TRANSLATE_NOOP("xsd", "\u201c{value}\u201d is not an allowed value of {subject}; allowed "
                                         "values: {allowed}."),
                value=m["value"], subject=_subject(element, attribute), allowed=allowed)


@_xsd(r"\[facet 'pattern'\] The value '(?P<value>.*)' is not accepted by the pattern '(?P<pattern>.*)'\.")
def _pattern(m: re.Match[str], element: str, attribute: str | None, namespace: str | None) -> Message:
    return _msg(QT_TRANSLATE_NOOP("xsd", "\u201c{value}\u201d does not have the form required for {subject} "
                                         "(pattern {pattern})."),
                value=m["value"], subject=_subject(element, attribute), pattern=m["pattern"])


@_xsd(r"\[facet 'minLength'\] The value has a length of '(?P<length>[^']*)'; this underruns the allowed minimum "
      r"length of '(?P<limit>[^']*)'\.")
def _min_length(m: re.Match[str], element: str, attribute: str | None, namespace: str | None) -> Message:
    subject = _subject(element, attribute)
    if m["length"] == "0":
        return _msg(QT_TRANSLATE_NOOP("xsd", "{subject} must not be empty."), subject=subject)
    return _msg(QT_TRANSLATE_NOOP("xsd", "The value of {subject} is too short (length {length}, minimum {minimum})."),
                subject=subject, length=m["length"], minimum=m["limit"])


# Facets whose message only quotes libxml2's pieces: each pattern's named groups are the placeholders of its
# message, beside {subject}.
_FACETS = (
    (r"\[facet 'maxLength'\] The value has a length of '(?P<length>[^']*)'; this exceeds the allowed maximum "
     r"length of '(?P<maximum>[^']*)'\.",
     QT_TRANSLATE_NOOP("xsd", "The value of {subject} is too long (length {length}, maximum {maximum}).")),
    (r"\[facet 'length'\] The value has a length of '(?P<length>[^']*)'; this differs from the allowed length "
     r"of '(?P<expected>[^']*)'\.",
     QT_TRANSLATE_NOOP("xsd", "The value of {subject} does not have the required length (length {length} "
                              "instead of {expected}).")),
    (r"\[facet 'minInclusive'\] The value '(?P<value>.*)' is less than the minimum value allowed "
     r"\('(?P<minimum>.*)'\)\.",
     QT_TRANSLATE_NOOP("xsd", "\u201c{value}\u201d is below the minimum allowed for {subject} ({minimum}).")),
    (r"\[facet 'maxInclusive'\] The value '(?P<value>.*)' is greater than the maximum value allowed "
     r"\('(?P<maximum>.*)'\)\.",
     QT_TRANSLATE_NOOP("xsd", "\u201c{value}\u201d is above the maximum allowed for {subject} ({maximum}).")),
    (r"\[facet 'minExclusive'\] The value '(?P<value>.*)' must be greater than '(?P<minimum>.*)'\.",
     QT_TRANSLATE_NOOP("xsd", "\u201c{value}\u201d must be greater than {minimum} for {subject}.")),
    (r"\[facet 'maxExclusive'\] The value '(?P<value>.*)' must be less than '(?P<maximum>.*)'\.",
     QT_TRANSLATE_NOOP("xsd", "\u201c{value}\u201d must be less than {maximum} for {subject}.")),
    (r"\[facet 'totalDigits'\] The value '(?P<value>.*)' has more digits than are allowed \('(?P<digits>.*)'\)\.",
     QT_TRANSLATE_NOOP("xsd", "\u201c{value}\u201d has too many digits for {subject} (at most {digits}).")),
    (r"\[facet 'fractionDigits'\] The value '(?P<value>.*)' has more fractional digits than are allowed "
     r"\('(?P<digits>.*)'\)\.",
     QT_TRANSLATE_NOOP("xsd", "\u201c{value}\u201d has too many decimal places for {subject} (at most "
                              "{digits}).")),
    (r"(?:The actual value|The value) '(?P<value>.*)' does not match the fixed value constraint '(?P<fixed>.*)'\.",
     QT_TRANSLATE_NOOP("xsd", "{subject} must have the value \u201c{fixed}\u201d, not \u201c{value}\u201d.")),
)


def _quoting(text: str) -> XsdHandler:
    def handler(m: re.Match[str], element: str, attribute: str | None, namespace: str | None) -> Message:
        return _msg(text, subject=_subject(element, attribute), **m.groupdict())
    return handler


for _pattern_text, _message_text in _FACETS:
    _xsd(_pattern_text)(_quoting(_message_text))


@_xsd(r"The attribute '(?P<name>[^']+)' is not allowed\.")
def _attribute_not_allowed(m: re.Match[str], element: str, attribute: str | None, namespace: str | None) -> Message:
    return _msg(QT_TRANSLATE_NOOP("xsd", "The attribute {attribute} is not allowed on <{element}>."),
                attribute=_name(m["name"]), element=element)


@_xsd(r"The attribute '(?P<name>[^']+)' is required but missing\.")
def _attribute_missing(m: re.Match[str], element: str, attribute: str | None, namespace: str | None) -> Message:
    return _msg(QT_TRANSLATE_NOOP("xsd", "The required attribute {attribute} is missing on <{element}>."),
                attribute=_name(m["name"]), element=element)


@_xsd(r"Character content other than whitespace is not allowed because the content type is 'element-only'\.")
def _text_in_elements(m: re.Match[str], element: str, attribute: str | None, namespace: str | None) -> Message:
    return _msg(QT_TRANSLATE_NOOP("xsd", "<{element}> may only contain elements, not text."), element=element)


@_xsd(r"Element content is not allowed, because the content type is a simple type(?: definition)?\.")
def _elements_in_value(m: re.Match[str], element: str, attribute: str | None, namespace: str | None) -> Message:
    return _msg(QT_TRANSLATE_NOOP("xsd", "<{element}> may only contain a value, not child elements."),
                element=element)


@_xsd(r"(?:Character|Element) content is not allowed, because the content type is empty\.")
def _must_be_empty(m: re.Match[str], element: str, attribute: str | None, namespace: str | None) -> Message:
    return _msg(QT_TRANSLATE_NOOP("xsd", "<{element}> must be empty."), element=element)


@_xsd(r"No matching global declaration available for the validation root\.")
def _unknown_root(m: re.Match[str], element: str, attribute: str | None, namespace: str | None) -> Message:
    if element != "ArchiveTransfer":
        return _msg(QT_TRANSLATE_NOOP("xsd", "The root element <{element}> is not declared by the schema; a SEDA "
                                             "transfer manifest starts with <ArchiveTransfer>."), element=element)
    # A profile written for another namespace (or none): the namespace is what differs.
    if namespace is None:
        return _msg(QT_TRANSLATE_NOOP("xsd", "The schema does not declare the root element <{element}>: it is written "
                                             "for another namespace or another kind of document."), element=element)
    return _msg(QT_TRANSLATE_NOOP("xsd", "The schema does not declare the root element <{element}> in the namespace "
                                         "{namespace}: it is written for another namespace or another kind of "
                                         "document."), element=element, namespace=namespace)


@_xsd(r"The type definition is abstract\.")
def _abstract(m: re.Match[str], element: str, attribute: str | None, namespace: str | None) -> Message:
    return _msg(QT_TRANSLATE_NOOP("xsd", "<{element}> has an abstract type: the official schema requires a concrete "
                                         "type for it (xsi:type)."), element=element)


# -- RelaxNG (relaxng.c) ------------------------------------------------------------------------
RngHandler = Callable[[re.Match[str]], Message]
_RNG: list[tuple[re.Pattern[str], RngHandler]] = []


def _rng(pattern: str) -> Callable[[RngHandler], RngHandler]:
    def register(handler: RngHandler) -> RngHandler:
        _RNG.append((re.compile(pattern, re.DOTALL), handler))
        return handler
    return register


# Diagnostics whose message only quotes libxml2's pieces: each pattern's named groups are the placeholders of
# its message.
_RNG_QUOTING = (
    (r"Did not expect element (?P<element>\S+) there",
     QT_TRANSLATE_NOOP("xsd", "The element <{element}> is not expected here")),
    (r"Expecting element (?P<expected>\S+), got (?P<got>\S+)",
     QT_TRANSLATE_NOOP("xsd", "The element <{expected}> is expected instead of <{got}>")),
    (r"Expecting an element got text",
     QT_TRANSLATE_NOOP("xsd", "Text found where an element is expected")),
    (r"Element (?P<element>\S+) failed to validate content",
     QT_TRANSLATE_NOOP("xsd", "The value or the child elements of <{element}> are not the expected ones")),
    (r"Element (?P<element>\S+) failed to validate attributes",
     QT_TRANSLATE_NOOP("xsd", "The attributes of <{element}> are not the expected ones (an attribute is missing, "
                              "unknown or has a value that is not allowed)")),
    (r"Element (?P<element>\S+) has extra content: (?P<extra>.+)",
     QT_TRANSLATE_NOOP("xsd", "<{element}> contains <{extra}>, which is not expected there")),
    (r"Invalid attribute (?P<attribute>\S+) for element (?P<element>\S+)",
     QT_TRANSLATE_NOOP("xsd", "The attribute {attribute} is not allowed on <{element}>, or its value is not "
                              "allowed")),
    (r"Extra element (?P<element>\S+) in interleave",
     QT_TRANSLATE_NOOP("xsd", "The element <{element}> is one too many here (repeated or not expected)")),
    (r"Invalid sequence in interleave",
     QT_TRANSLATE_NOOP("xsd", "The elements of this group are not the expected ones (missing or one too many)")),
    (r"Error validating datatype (?P<type>\S+)",
     QT_TRANSLATE_NOOP("xsd", "The value does not meet the constraints of the type {type} (form, length or "
                              "limits)")),
    (r"Extra data in list: (?P<value>.*)",
     QT_TRANSLATE_NOOP("xsd", "One value too many in the list: \u201c{value}\u201d")),
    (r"Error validating list",
     QT_TRANSLATE_NOOP("xsd", "The list of values is not valid")),
    (r"Did not expect text in element (?P<element>\S+) content",
     QT_TRANSLATE_NOOP("xsd", "<{element}> must not contain text")),
    (r"Element (?P<element>\S+) has wrong namespace: expecting (?P<namespace>.+)",
     QT_TRANSLATE_NOOP("xsd", "The element <{element}> is not in the expected namespace {namespace}")),
    (r"Expecting a namespace for element (?P<element>\S+)",
     QT_TRANSLATE_NOOP("xsd", "The element <{element}> has no namespace, but one is expected")),
    (r"Expecting no namespace for element (?P<element>\S+)",
     QT_TRANSLATE_NOOP("xsd", "The element <{element}> must not have a namespace")),
    (r"(?:Datatype|Value|List) element (?P<element>\S+) has child elements",
     QT_TRANSLATE_NOOP("xsd", "<{element}> may only contain a value, not child elements")),
    (r"ID (?P<value>\S+) redefined",
     QT_TRANSLATE_NOOP("xsd", "The identifier \u201c{value}\u201d is already used by another element")),
)
for _pattern_text, _message_text in _RNG_QUOTING:
    _rng(_pattern_text)(lambda m, text=_message_text: _msg(text, **m.groupdict()))


@_rng(r"Expecting an element (?P<element>\S*), got nothing")
def _rng_missing(m: re.Match[str]) -> Message:
    if not m["element"]:
        return _msg(QT_TRANSLATE_NOOP("xsd", "A required element is missing here"))
    return _msg(QT_TRANSLATE_NOOP("xsd", "The element <{element}> is missing"), element=m["element"])


@_rng(r"Error validating value(?: (?P<type>\S+))?")
def _rng_value(m: re.Match[str]) -> Message:
    if not m["type"]:
        return _msg(QT_TRANSLATE_NOOP("xsd", "The value is not one of the allowed values"))
    return _msg(QT_TRANSLATE_NOOP("xsd", "The value is not one of the allowed values (type {type})"), type=m["type"])


@_rng(r"Type (?P<type>\S+) doesn't allow value '(?P<value>.*)'")
def _rng_type_value(m: re.Match[str]) -> Message:
    value, type_name = m["value"], m["type"]
    if not value.strip():
        return _msg(QT_TRANSLATE_NOOP("xsd", "Empty value; a value of type {type} is expected"), type=type_name)
    hint = _HINTS.get(type_name)
    if hint is None:
        return _msg(QT_TRANSLATE_NOOP("xsd", "\u201c{value}\u201d is not a valid value of type {type}"),
                    value=value, type=type_name)
    return _msg(QT_TRANSLATE_NOOP("xsd", "\u201c{value}\u201d is not a valid value of type {type}; expected: {hint}"),
                value=value, type=type_name, hint=_msg(hint))


def explain(text: str) -> Message | str:
    """*text*, a libxml2 XSD or RelaxNG diagnostic, as a translatable message; *text* itself when unknown."""
    stripped = text.strip()
    prefix = _XSD_PREFIX.fullmatch(stripped)
    if prefix is not None:
        element = _name(prefix["element"])
        attribute = _name(prefix["attribute"]) if prefix["attribute"] else None
        namespace = prefix["element"][1:].split("}", 1)[0] if prefix["element"].startswith("{") else None
        for pattern, handler in _XSD:
            match = pattern.fullmatch(prefix["rest"])
            if match is not None:
                explained = handler(match, element, attribute, namespace)
                if explained is not None:
                    return explained
        return text
    for pattern, rng_handler in _RNG:
        match = pattern.fullmatch(stripped)
        if match is not None:
            return rng_handler(match)
    return text


class _Clause(Message):
    """An explained message quoted inside another sentence: rendered without its final period."""

    def render(self, translate: Translate = identity_translate) -> str:  # noqa: D102
        return self.params["sentence"].render(translate).removesuffix(".")


def without_period(explained: Message | str) -> Message | str:
    """*explained* (from :func:`explain`) for a place inside a sentence, in parentheses or before "(line n)"."""
    if isinstance(explained, Message):
        return _Clause(CTX, "{sentence}", {"sentence": explained})
    return explained
