"""Bytes to text: refuse binaries, accept UTF-8 (or UTF-16 with a BOM), repair mostly-text files."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from factions.errors import InputError

#: Share of undecodable bytes above which a file is not "mostly text" and is skipped.
MAX_BAD_BYTE_SHARE = 0.02
_SNIFF = 8192
_CONTROL = frozenset(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    replaced: int
    """How many undecodable bytes were replaced by U+FFFD (0 for clean UTF-8)."""


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters in the first block mean a binary file."""
    sample = head[:_SNIFF]
    if not sample:
        return False
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls / len(sample) > 0.01


def decode(data: bytes) -> Decoded:
    """Decode a whole file's bytes, raising InputError when it is not text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), 0)
        except UnicodeDecodeError as exc:
            raise InputError(f"bad UTF-16 text ({exc.reason})") from exc
    if looks_binary(data):
        raise InputError("binary file, not text")
    try:
        return Decoded(data.decode("utf-8-sig"), 0)
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", errors="replace")
    replaced = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if replaced > max(1, len(data) * MAX_BAD_BYTE_SHARE):
        raise InputError(
            f"not UTF-8 text: {replaced} undecodable bytes of {len(data)}"
            " (convert it to UTF-8, e.g. iconv -f cp1252 -t utf-8)"
        )
    return Decoded(text, replaced)
