"""Vitam's rule for names in a SIP, and the ids and Uris the engine generates to obey it."""

from __future__ import annotations

import re

VITAM_SEGMENT = re.compile(r"^[a-zA-Z0-9\-_@]+(\.[a-zA-Z0-9\-_@]+)*$")
"""Vitam accepts a zip entry or Uri only when each path segment matches this."""

_EXTENSION = re.compile(r"^[a-zA-Z0-9\-_@]{1,16}$")
CONTENT_DIR = "Content"


def is_vitam_name(path: str) -> bool:
    """Whether every ``/``-separated segment of *path* obeys Vitam's name rule."""
    return bool(path) and all(VITAM_SEGMENT.match(segment) for segment in path.split("/"))


def safe_extension(filename: str | None) -> str:
    """The file's extension if it obeys Vitam's rule (``.pdf``), else an empty string."""
    if not filename or "." not in filename:
        return ""
    ext = filename.rsplit(".", 1)[1]
    return "." + ext if _EXTENSION.match(ext) else ""


def content_uri(object_id: str, filename: str | None) -> str:
    """The Uri of a binary object in the SIP: ``Content/<id><.ext>``, always Vitam-compliant."""
    uri = f"{CONTENT_DIR}/{object_id}{safe_extension(filename)}"
    if not is_vitam_name(uri):  # ids come from us or from a manifest; keep only safe characters
        uri = f"{CONTENT_DIR}/{re.sub(r'[^a-zA-Z0-9_@-]', '_', object_id)}{safe_extension(filename)}"
    return uri
