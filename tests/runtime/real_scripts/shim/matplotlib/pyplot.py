"""No-op pyplot: the runs draw nothing; figures and axes are objects whose every call is a no-op."""


class _Nothing:
    def __call__(self, *args, **kwargs):
        return _Nothing()

    def __getattr__(self, name):
        return _Nothing()


def __getattr__(name):
    return _Nothing()


def subplots(*args, **kwargs):
    return _Nothing(), _Nothing()
