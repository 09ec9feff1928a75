"""A stand-in for matplotlib (not installed): every call is a no-op; nothing is drawn."""


def use(*args, **kwargs):
    pass
