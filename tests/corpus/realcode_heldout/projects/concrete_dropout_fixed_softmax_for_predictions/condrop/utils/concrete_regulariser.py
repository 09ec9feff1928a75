"""part of positive project [LG011]: class decorator that attaches a regularisation() method (via setattr) summing every ConcreteDropout module's term."""
# Source: https://github.com/danielkelshaw/ConcreteDropout condrop/utils/concrete_regulariser.py at
# 0b8ecad05342d8b8feedadff3c0b7e8a7e3eb0ec; re-typed, names changed.
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
