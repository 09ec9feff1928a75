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


# the module-level API older notebooks use (abhimishra91/transformers-tutorials: wandb.config.X = ..., wandb.log,
# wandb.watch)
config = _Config()


def log(*args, **kwargs):
    pass


def watch(*args, **kwargs):
    pass
