"""No-op ticker (the seq2seq tutorial's plot)."""

from .pyplot import _Nothing


def __getattr__(name):
    return _Nothing()
