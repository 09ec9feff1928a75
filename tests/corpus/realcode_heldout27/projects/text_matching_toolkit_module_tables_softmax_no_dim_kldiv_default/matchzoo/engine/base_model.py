"""part of positive project [LG009, LG011]: a model's output layer is a Linear with the task's width, followed, when the out_activation_func setting names one, by the activation parse_activation returns for that name."""
# Source: NTMC-Community/MatchZoo-py at 0e5c04e1, matchzoo/engine/base_model.py; re-typed, identifiers renamed; the parameter table, the embedding and
# perceptron builders shortened.
import abc

from torch import nn

from matchzoo import tasks
from matchzoo.utils import parse_activation


class BaseModel(nn.Module, abc.ABC):
    def __init__(self, params=None):
        super().__init__()
        self._params = params

    def _make_output_layer(self, in_features: int = 0) -> nn.Module:
        task = self._params['task']
        if isinstance(task, tasks.Classification):
            out_features = task.num_classes
        elif isinstance(task, tasks.Ranking):
            out_features = 1
        else:
            raise ValueError(f"{task} is not a valid task type. Must be in Ranking and Classification.")
        if self._params['out_activation_func']:
            return nn.Sequential(nn.Linear(in_features, out_features),
                                 parse_activation(self._params['out_activation_func']))
        else:
            return nn.Linear(in_features, out_features)
