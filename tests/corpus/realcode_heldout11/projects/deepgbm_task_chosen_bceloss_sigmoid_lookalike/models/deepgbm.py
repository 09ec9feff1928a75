"""part of look-alike project [LG002, LG006, LG016]: DeepGBM adds its two sub-models' regression outputs with learnt weights and applies nn.Sigmoid()(out) when the task is binary, the case where its criterion is BCELoss."""
# Source: motefly/DeepGBM@6926d35bdcc3249befc127973d313e3c061f2bb2 experiments/models/deepgbm.py (read as is; re-typed, identifiers renamed, the DeepFM constructor arguments shortened)
import torch
import torch.nn as nn

from models.deepfm import DeepFM
from models.gbdt2nn import GBDT2NN


class DeepGBM(torch.nn.Module):
    def __init__(self, nume_input_size=None, used_features=None, tree_layers=None, output_w=None, output_b=None,
                 task=None, cate_field_size=None, feature_sizes=None, embedding_size=4, num_model='gbdt2nn'):
        super(DeepGBM, self).__init__()
        self.num_model = num_model
        if num_model == 'gbdt2nn':
            self.gbdt2nn = GBDT2NN(nume_input_size, used_features, tree_layers, output_w, output_b, task='regression')
        elif num_model == 'gbdt':
            self.gbdt2nn = None
        self.deepfm = DeepFM(cate_field_size, feature_sizes, embedding_size, task='regression')
        self.alpha = nn.Parameter(torch.tensor(0.0))
        self.beta = nn.Parameter(torch.tensor(0.0))
        self.task = task
        if self.task == 'regression':
            self.criterion = nn.MSELoss()
        else:
            self.criterion = nn.BCELoss()

    def forward(self, Xg, Xd):
        Xd = Xd.long()
        if self.num_model == 'gbdt2nn':
            g_out, g_pred = self.gbdt2nn(Xg)
        elif self.num_model == 'gbdt':
            g_out = Xg.float()
            g_pred = None
        else:
            g_out = self.gbdt2nn(Xg)
            g_pred = None
        d_out = self.deepfm(Xd)
        if self.num_model != 'gbdt2nn':
            a = self.alpha + 0.5
            b = self.beta + 0.5
        else:
            a = self.alpha + 1
            b = self.beta
        out = a * g_out.view(-1) + b * d_out.view(-1)
        if self.task != 'regression':
            return nn.Sigmoid()(out), g_pred
        return out, g_pred

    def joint_loss(self, out, target, emb_pred, emb_target, ratio):
        return (1 - ratio) * self.criterion(out.view(-1), target.view(-1)) + ratio * self.gbdt2nn.emb_loss(emb_pred, emb_target)

    def true_loss(self, out, target):
        return self.criterion(out.view(-1), target.view(-1))
