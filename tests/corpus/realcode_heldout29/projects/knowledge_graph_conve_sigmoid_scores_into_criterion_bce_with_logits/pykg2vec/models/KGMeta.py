"""part of positive project [LG003]: the abstract knowledge-graph models; a ProjectionModel is trained by the projection strategy of the trainer."""
# Source: Sujit-O/pykg2vec at 492807b6, pykg2vec/models/KGMeta.py; re-typed, identifiers as in the source; the pairwise and pointwise
# bases shortened to their strategy tags.
from abc import ABCMeta

import torch.nn as nn

from pykg2vec.common import TrainingStrategy


class Model:
    def __init__(self):
        pass

    def load_params(self, param_list, kwargs):
        for param_name in param_list:
            if param_name not in kwargs:
                raise Exception("hyperparameter %s not found!" % param_name)
        return {k: kwargs[k] for k in param_list}

    def get_reg(self, h, r, t, **kwargs):
        return 0.0


class PairwiseModel(nn.Module, Model):
    __metaclass__ = ABCMeta

    def __init__(self, model_name):
        nn.Module.__init__(self)
        Model.__init__(self)
        self.model_name = model_name
        self.training_strategy = TrainingStrategy.PAIRWISE_BASED


class ProjectionModel(nn.Module, Model):
    __metaclass__ = ABCMeta

    def __init__(self, model_name):
        nn.Module.__init__(self)
        Model.__init__(self)
        self.model_name = model_name
        self.training_strategy = TrainingStrategy.PROJECTION_BASED
