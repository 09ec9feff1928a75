"""part of positive project [LG003]: the knowledge-tracing model interface: train / eval / save / load."""
# Source: bigdata-ustc/EduKTM at f16620e1 (the parent of ac05f9f0 "[fix] fix DKT loss", which answers issue #15 "An error in the implementation of DKT!!"), EduKTM/meta.py; re-typed, the module-level stubs cut.


class KTM(object):
    def __init__(self, *args, **kwargs) -> ...:
        pass

    def train(self, *args, **kwargs) -> ...:
        raise NotImplementedError

    def eval(self, *args, **kwargs) -> ...:
        raise NotImplementedError

    def save(self, *args, **kwargs) -> ...:
        raise NotImplementedError

    def load(self, *args, **kwargs) -> ...:
        raise NotImplementedError
