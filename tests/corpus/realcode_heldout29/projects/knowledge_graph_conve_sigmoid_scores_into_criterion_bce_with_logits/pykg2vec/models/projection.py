"""part of positive project [LG003]: ConvE scores every entity for a (entity, relation) pair: convolution over the stacked embeddings, a Linear layer, a product with all entity embeddings plus a bias, and inner_forward returns torch.sigmoid of the scores, so forward returns probabilities; the model's loss is the Criterion.multi_class_bce static method, stored as self.loss."""
# Source: Sujit-O/pykg2vec at 492807b6, pykg2vec/models/projection.py; re-typed, identifiers renamed; the other projection models
# (ProjE, TuckER, InteractE, HypER, AcrE, which also return sigmoid scores) cut, ConvE kept.
import torch
import torch.nn as nn
import torch.nn.functional as F

from pykg2vec.models.KGMeta import ProjectionModel
from pykg2vec.models.Domain import NamedEmbedding
from pykg2vec.utils.criterion import Criterion


class ConvE(ProjectionModel):
    def __init__(self, **kwargs):
        super(ConvE, self).__init__(self.__class__.__name__.lower())
        param_list = ["tot_entity", "tot_relation", "hidden_size", "hidden_size_1",
                      "lmbda", "input_dropout", "feature_map_dropout", "hidden_dropout"]
        self.__dict__.update(self.load_params(param_list, kwargs))
        self.hidden_size_2 = self.hidden_size // self.hidden_size_1
        k = self.hidden_size

        self.ent_embeddings = NamedEmbedding("ent_embedding", self.tot_entity, k)
        self.rel_embeddings = NamedEmbedding("rel_embedding", self.tot_relation * 2, k)
        self.b = NamedEmbedding("b", 1, self.tot_entity)

        self.bn0 = nn.BatchNorm2d(1)
        self.inp_drop = nn.Dropout(self.input_dropout)
        self.conv2d_1 = nn.Conv2d(1, 32, (3, 3), stride=(1, 1))
        self.bn1 = nn.BatchNorm2d(32)
        self.feat_drop = nn.Dropout2d(self.feature_map_dropout)
        self.fc = nn.Linear((2 * self.hidden_size_2 - 3 + 1) * (self.hidden_size_1 - 3 + 1) * 32, k)
        self.hidden_drop = nn.Dropout(self.hidden_dropout)
        self.bn2 = nn.BatchNorm1d(k)
        self.parameter_list = [self.ent_embeddings, self.rel_embeddings, self.b]

        self.loss = Criterion.multi_class_bce

    def embed2(self, e, r):
        return self.ent_embeddings(e), self.rel_embeddings(r)

    def inner_forward(self, st_inp, first_dimension_size):
        x = self.bn0(st_inp)
        x = self.inp_drop(x)
        x = self.conv2d_1(x)
        x = self.bn1(x)
        x = torch.relu(x)
        x = self.feat_drop(x)
        x = x.view(first_dimension_size, -1)
        x = self.fc(x)
        x = self.hidden_drop(x)
        if self.training:
            x = self.bn2(x)
        x = torch.relu(x)
        x = torch.matmul(x, self.ent_embeddings.weight.T)
        x = torch.add(x, self.b.weight)
        return torch.sigmoid(x)

    def forward(self, e, r, direction="tail"):
        assert direction in ("head", "tail"), "Unknown forward direction"
        if direction == "head":
            e_emb, r_emb = self.embed2(e, r + self.tot_relation)
        else:
            e_emb, r_emb = self.embed2(e, r)
        stacked_e = e_emb.view(-1, 1, self.hidden_size_2, self.hidden_size_1)
        stacked_r = r_emb.view(-1, 1, self.hidden_size_2, self.hidden_size_1)
        stacked_er = torch.cat([stacked_e, stacked_r], 2)
        preds = self.inner_forward(stacked_er, list(e.shape)[0])
        return preds

    def predict_tail_rank(self, e, r, topk=-1):
        _, rank = torch.topk(-self.forward(e, r, direction="tail"), k=topk)
        return rank
