"""part of look-alike project [LG002, LG006, LG016]: DeepFM picks nn.BCELoss or nn.MSELoss by its task string and returns nn.Sigmoid()(total) for binary tasks; true_loss flattens both sides to (N,)."""
# Source: motefly/DeepGBM@6926d35bdcc3249befc127973d313e3c061f2bb2 models/deepfm.py (read as is; re-typed, identifiers renamed, the wide-only and dropout branches shortened)
import torch
import torch.nn as nn


class DeepFM(nn.Module):
    def __init__(self, field_size, feature_sizes, embedding_size=4, deep_layers=[32, 32],
                 use_fm=True, use_deep=True, deep_layers_activation='relu', task='binary'):
        super(DeepFM, self).__init__()
        self.field_size = field_size
        self.feature_sizes = feature_sizes
        self.embedding_size = embedding_size
        self.deep_layers = deep_layers
        self.use_fm = use_fm
        self.use_deep = use_deep
        self.deep_layers_activation = deep_layers_activation
        self.task = task
        self.bias = torch.nn.Parameter(torch.randn(1))
        self.first_order = nn.Embedding(sum(feature_sizes), 1)
        self.second_order = nn.Embedding(sum(feature_sizes), embedding_size)
        if self.use_deep:
            self.linear_1 = nn.Linear(field_size * embedding_size, deep_layers[0])
            for i, h in enumerate(self.deep_layers[1:], 1):
                setattr(self, 'linear_' + str(i + 1), nn.Linear(self.deep_layers[i - 1], self.deep_layers[i]))
        if self.task == 'regression':
            self.criterion = nn.MSELoss()
        else:
            self.criterion = nn.BCELoss()

    def forward(self, X):
        idx = X.long()
        first = self.first_order(idx.view(X.size(0) * self.field_size)).view(X.size(0), -1)
        emb = self.second_order(idx.view(X.size(0) * self.field_size)).view(X.size(0), self.field_size, -1)
        summed = torch.sum(emb, 1)
        second = (summed * summed - torch.sum(emb * emb, 1)) * 0.5
        if self.use_deep:
            if self.deep_layers_activation == 'sigmoid':
                act = nn.Sigmoid()
            elif self.deep_layers_activation == 'tanh':
                act = nn.Tanh()
            else:
                act = nn.ReLU()
            h = act(self.linear_1(emb.reshape(idx.size(0), -1)))
            for i in range(1, len(self.deep_layers)):
                h = act(getattr(self, 'linear_' + str(i + 1))(h))
        if self.use_fm and self.use_deep:
            total = torch.sum(first, 1) + torch.sum(second, 1) + torch.sum(h, 1) + self.bias
        elif self.use_fm:
            total = torch.sum(first, 1) + torch.sum(second, 1) + self.bias
        else:
            total = torch.sum(h, 1)
        if self.task != 'regression':
            return nn.Sigmoid()(total)
        return total

    def true_loss(self, out, target):
        return self.criterion(out.view(-1), target.view(-1))
