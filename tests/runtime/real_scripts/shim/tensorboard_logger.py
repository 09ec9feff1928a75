"""A stand-in for tensorboard_logger (not installed): a logger that writes nothing (HobbitLong/SupContrast)."""


class Logger:
    def __init__(self, logdir=None, flush_secs=2):
        self.logdir = logdir

    def log_value(self, name, value, step=None):
        pass
