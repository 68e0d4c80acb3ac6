"""Errors the NER package raises."""

from __future__ import annotations


class BackendUnavailable(RuntimeError):
    """A requested backend cannot be loaded here; the message says what to install and where."""
