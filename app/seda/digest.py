"""Message digests as SEDA and Vitam name them."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

ALGORITHMS: dict[str, str] = {
    "sha512": "SHA-512",
    "sha384": "SHA-384",
    "sha256": "SHA-256",
    "sha1": "SHA-1",
    "md5": "MD5",
}
"""CLI name → SEDA/Vitam ``algorithm`` attribute. Vitam accepts exactly these five."""

DEFAULT_ALGORITHM = "sha512"
CHUNK = 1 << 20


def seda_name(algorithm: str) -> str:
    """``sha512`` → ``SHA-512``."""
    return ALGORITHMS[algorithm]


def from_seda_name(name: str) -> str | None:
    """``SHA-512`` (any case) → ``sha512``; None for an algorithm Vitam does not know."""
    wanted = name.strip().upper()
    for key, value in ALGORITHMS.items():
        if value == wanted:
            return key
    return None


def hasher(algorithm: str) -> Callable[[], hashlib._Hash]:
    """A constructor of hashlib objects for *algorithm*."""
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown digest algorithm {algorithm!r}")
    if algorithm in ("md5", "sha1"):
        # Not used for security here: Vitam accepts them as integrity digests.
        return lambda: hashlib.new(algorithm, usedforsecurity=False)
    return getattr(hashlib, algorithm)


def file_digest(path: str, algorithm: str) -> tuple[str, int]:
    """Hex digest and byte count of a file, read in chunks (bounded memory)."""
    h = hasher(algorithm)()
    size = 0
    with open(path, "rb", buffering=0) as f:
        buf = bytearray(CHUNK)
        view = memoryview(buf)
        while n := f.readinto(buf):
            h.update(view[:n])
            size += n
    return h.hexdigest(), size
