"""part of look-alike project [LG002, LG003, LG004, LG006]: the knowledge-tracing model interface: train / eval / save / load."""
# Source: bigdata-ustc/EduKTM at ac05f9f0 ("[fix] fix DKT loss", the fix for issue #15 "An error in the implementation of DKT!!"; parent f16620e1), EduKTM/meta.py; re-typed, the module-level stubs cut.


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
