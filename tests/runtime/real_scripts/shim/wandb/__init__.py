"""A stand-in for wandb (not installed): a run that logs nothing."""


class _Config(dict):
    def update(self, *args, **kwargs):  # type: ignore[override]
        super().update(*args, **kwargs)


class _Run:
    def __init__(self):
        self.config = _Config()

    def log(self, *args, **kwargs):
        pass


def init(*args, **kwargs):
    return _Run()


class Histogram:
    def __init__(self, *args, **kwargs):
        pass


class Image(Histogram):
    pass
