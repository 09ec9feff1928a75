"""Exceptions shared by both halves of lossguard (torch-free)."""

from __future__ import annotations


class LossGuardError(RuntimeError):
    """Raised by the watcher when its policy is ``on_event="raise"``."""


class UsageError(ValueError):
    """A bad argument, option or configuration value given by the user."""
