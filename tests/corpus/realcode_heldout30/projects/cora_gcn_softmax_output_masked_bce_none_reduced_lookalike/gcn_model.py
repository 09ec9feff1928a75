"""part of look-alike project [LG002, LG004, LG006, LG015]: a GCN over a normalised sparse adjacency: graph convolutions with ReLU and F.softmax(dim=1) after the last one, so forward returns per-node class probabilities; its loss method applies BCELoss(reduction='none') to those probabilities against the float one-hot labels, averages over classes, weights by the normalised node mask and returns the mean."""
# Source: Dawn-LX/GCN-pytorch at 5c036bd5, gcn_model.py; re-typed, identifiers renamed; the older two-layer class and the comments cut.
import torch
import torch.nn as nn
import torch.nn.functional as F


class GraphConv(nn.Module):
    def __init__(self, input_dim, out_dim):
        super(GraphConv, self).__init__()
        self.weight = nn.Parameter(torch.FloatTensor(input_dim, out_dim), requires_grad=True)

    def forward(self, A_hat, X):
        return A_hat.mm(X.mm(self.weight))


class GCN(nn.Module):
    def __init__(self, input_dim, out_dim, hidden_dims=[10]):
        super(GCN, self).__init__()
        self.num_layers = len(hidden_dims) + 1
        dims = [input_dim] + hidden_dims + [out_dim]
        layers = [GraphConv(dims[i], dims[i + 1]) for i in range(self.num_layers)]
        for layer in layers:
            nn.init.xavier_uniform(layer.weight)
        self.layers = nn.Sequential(*layers)

    def forward(self, A_hat, X):
        hidden = X
        for i in range(self.num_layers):
            hidden = self.layers[i](A_hat, hidden)
            if i == self.num_layers - 1:
                hidden = F.softmax(hidden, dim=1)
                Z = hidden
            else:
                hidden = F.relu(hidden)
        return Z

    def loss(self, preds, labels, labels_mask):
        bce = torch.nn.BCELoss(reduction='none')
        loss = bce(preds, labels)
        loss = torch.mean(loss, dim=1)
        labels_mask = labels_mask.float()
        labels_mask /= torch.mean(labels_mask)
        loss *= labels_mask
        return torch.mean(loss)

    def accuracy(self, preds, labels, labels_mask):
        correct = torch.argmax(preds, dim=1).eq(torch.argmax(labels, dim=1)).float()
        labels_mask = labels_mask.float()
        labels_mask /= torch.mean(labels_mask)
        correct *= labels_mask
        return torch.mean(correct)
