"""Typed errors. Each one carries a message fit to show a user as one line, never a traceback."""

from __future__ import annotations


class FactionsError(Exception):
    """Base class for every error factions raises on purpose."""


class InputError(FactionsError):
    """A file or record that cannot be read; the batch goes on without it."""


class StoreError(FactionsError):
    """The database cannot be opened or written."""


class StoreBusyError(StoreError):
    """Another process holds the database lock for longer than we were willing to wait."""
