"""part of look-alike project [LG002, LG006, LG016]: GBDT2NN picks MSELoss or BCELoss by task and applies nn.Sigmoid to its output only when the task is not regression; DeepGBM builds it with task='regression' and uses its raw output."""
# Source: motefly/DeepGBM@6926d35bdcc3249befc127973d313e3c061f2bb2 experiments/models/gbdt2nn.py (read as is; re-typed, identifiers renamed, the module-level device set-up shortened)
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

from models.components import BatchDense

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


class GBDT2NN(nn.Module):
    def __init__(self, input_size, used_features, tree_layers, output_w, output_b, task='regression'):
        super(GBDT2NN, self).__init__()
        self.task = task
        self.n_models = len(used_features)
        n_feature = len(used_features[0])
        used_features = np.asarray(used_features).reshape(-1)
        self.used_features = Variable(torch.from_numpy(used_features).to(device), requires_grad=False)
        self.relu = nn.ReLU()
        self.sigmoid = nn.Sigmoid()
        self.bdenses = nn.ModuleList()
        self.bns = nn.ModuleList()
        self.bdenses.append(BatchDense(self.n_models, n_feature, tree_layers[0]))
        for i in range(1, len(tree_layers)):
            self.bdenses.append(BatchDense(self.n_models, tree_layers[i - 1], tree_layers[i]))
        for i in range(len(tree_layers) - 1):
            self.bns.append(nn.BatchNorm1d(tree_layers[i] * self.n_models))
        self.out_weight = Variable(torch.from_numpy(output_w).to(device), requires_grad=False)
        self.out_bias = Variable(torch.from_numpy(output_b).to(device), requires_grad=False)
        if self.task == 'regression':
            self.criterion = nn.MSELoss()
        else:
            self.criterion = nn.BCELoss()

    def batchmul(self, x, f):
        out = x.view(x.size(0), self.n_models, -1)
        out = f(out)
        return out.view(x.size(0), -1)

    def lastlayer(self, x):
        out = torch.index_select(x, dim=1, index=self.used_features)
        for i in range(len(self.bdenses) - 1):
            out = self.batchmul(out, self.bdenses[i])
            out = self.bns[i](out)
            out = self.relu(out)
        return out

    def forward(self, x):
        out = self.lastlayer(x.float())
        pred = self.batchmul(out, self.bdenses[-1])
        out = torch.addmm(self.out_bias, pred, self.out_weight)
        if self.task != 'regression':
            return self.sigmoid(out), pred
        return out, pred

    def emb_loss(self, emb_pred, emb_target):
        w = torch.abs(torch.sum(self.out_weight, 1))
        l2 = nn.MSELoss(reduction='none')(emb_pred, emb_target) * w
        return torch.mean(torch.sum(l2, dim=1))

    def joint_loss(self, out, target, emb_pred, emb_target, ratio):
        return (1 - ratio) * self.criterion(out, target) + ratio * self.emb_loss(emb_pred, emb_target)

    def true_loss(self, out, target):
        return self.criterion(out, target)
