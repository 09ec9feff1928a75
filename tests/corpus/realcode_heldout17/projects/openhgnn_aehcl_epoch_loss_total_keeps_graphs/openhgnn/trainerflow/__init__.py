"""part of positive project [LG006]: the trainer-flow registry and base flow."""
# Source: BUPT-GAMMA/OpenHGNN at efc3923c (read as is), openhgnn/trainerflow/__init__.py and base_flow.py; re-typed,
# reduced to the registry decorator and the attributes the flow reads.
FLOW_REGISTRY = {}


def register_flow(name):
    def deco(cls):
        FLOW_REGISTRY[name] = cls
        return cls

    return deco


class BaseFlow(object):
    def __init__(self, args):
        self.args = args
        self.model = args.model
        self.device = args.device
        self.max_epoch = args.max_epoch
        self.task = args.task


from .abnorm_event_detection import AbnormEventDetection  # noqa: E402
