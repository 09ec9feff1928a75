"""part of positive project [LG001]: a model given by name is looked up in the models dictionary before skorch instantiates it."""
# Source: braindecode/braindecode at the parent of ffff87c5 ("Log Softmax as False", pull request #624, which turns every
# model's add_log_softmax default to False), braindecode/eegneuralnet.py; re-typed; signal-argument inference and callback parsing cut.
import abc

from skorch import NeuralNet

from .models.util import models_dict


def _get_model(model):
    """Returns the corresponding class in case the model passed is a string."""
    if isinstance(model, str):
        if model in models_dict:
            model = models_dict[model]
        else:
            raise ValueError(f"Unknown model name {model!r}.")
    return model


class _EEGNeuralNet(NeuralNet, abc.ABC):
    def initialize_module(self):
        kwargs = self.get_params_for("module")
        module = _get_model(self.module)
        module = self.initialized_instance(module, kwargs)
        self.module_ = module
        return self
