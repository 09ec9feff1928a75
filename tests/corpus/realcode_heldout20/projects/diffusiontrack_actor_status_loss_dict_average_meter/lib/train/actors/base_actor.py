"""part of positive project [LG006]: the base actor holds the network and switches its train/eval mode."""
# Source: VISION-SJTU/DiffusionTrack at 1910ff52 (read as is), lib/train/actors/base_actor.py; re-typed, docstrings
# cut.


class BaseActor:
    def __init__(self, net):
        self.net = net

    def __call__(self, data):
        raise NotImplementedError

    def to(self, device):
        self.net.to(device)

    def train(self, mode=True):
        self.net.train(mode)

    def eval(self):
        self.train(False)
