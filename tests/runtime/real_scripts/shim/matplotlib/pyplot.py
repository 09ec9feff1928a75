"""No-op pyplot: the runs draw nothing."""


def __getattr__(name):
    return lambda *args, **kwargs: None
