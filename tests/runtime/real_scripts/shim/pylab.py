"""A stand-in for pylab (matplotlib's, not installed): every call is a no-op; nothing is drawn."""


def __getattr__(name):
    return lambda *args, **kwargs: None
