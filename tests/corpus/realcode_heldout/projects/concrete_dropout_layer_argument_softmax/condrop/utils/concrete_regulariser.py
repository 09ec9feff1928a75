"""part of positive project [LG001]: class decorator that attaches a regularisation() method (via setattr) summing every ConcreteDropout module's term."""
# Source: https://github.com/danielkelshaw/ConcreteDropout condrop/utils/concrete_regulariser.py at
# 7c0fdd79d13d88e61ee68b4d15269cfdf5d64043; re-typed, names changed.
import torch.nn as nn
from torch import Tensor

from ..concrete_dropout import ConcreteDropout as CDr


def concrete_regulariser(model: nn.Module) -> nn.Module:
    def regularisation(self) -> Tensor:
        total_regularisation = 0
        for module in filter(lambda x: isinstance(x, CDr), self.modules()):
            total_regularisation += module.regularisation
        return total_regularisation

    setattr(model, "regularisation", regularisation)
    return model
