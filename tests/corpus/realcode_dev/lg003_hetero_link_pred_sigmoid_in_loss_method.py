"""positive [LG003]: a heterogeneous GNN's loss() method applies torch.sigmoid to each edge type's dot-product scores and passes the probabilities to the BCEWithLogitsLoss it stored in __init__, which applies a second sigmoid."""
# Source: https://github.com/snap-stanford/deepsnap examples/link_prediction_hetero/link_prediction.py at
# 78dc7d6d55b0bcfee7e6d9e6b5af3a45a7157e4f (HeteroGNN and train, lines 84-149); re-typed, names changed,
# reduced. The same method is in link_prediction_tensor.py of the same folder.
import copy

import torch
import torch.nn as nn
from deepsnap.hetero_gnn import HeteroConv, forward_op


class HeteroLinkGNN(torch.nn.Module):
    def __init__(self, layers1, layers2, hetero, hidden):
        super(HeteroLinkGNN, self).__init__()
        self.conv_a = HeteroConv(layers1)
        self.conv_b = HeteroConv(layers2)
        self.criterion = torch.nn.BCEWithLogitsLoss()
        self.norm_a = nn.ModuleDict()
        self.norm_b = nn.ModuleDict()
        self.act_a = nn.ModuleDict()
        for node_type in hetero.node_types:
            self.norm_a[node_type] = torch.nn.BatchNorm1d(hidden)
            self.norm_b[node_type] = torch.nn.BatchNorm1d(hidden)
            self.act_a[node_type] = nn.LeakyReLU()

    def forward(self, data):
        h = data.node_feature
        edges = data.edge_index
        h = self.conv_a(h, edges)
        h = forward_op(h, self.norm_a)
        h = forward_op(h, self.act_a)
        h = self.conv_b(h, edges)
        h = forward_op(h, self.norm_b)
        scores = {}
        for message_type in data.edge_label_index:
            src = torch.index_select(h["n1"], 0, data.edge_label_index[message_type][0, :].long())
            dst = torch.index_select(h["n1"], 0, data.edge_label_index[message_type][1, :].long())
            scores[message_type] = torch.sum(src * dst, dim=-1)
        return scores

    def loss(self, scores, labels):
        total = 0
        for key in scores:
            prob = torch.sigmoid(scores[key])
            total += self.criterion(prob, labels[key].type(scores[key].dtype))  # expect: LG003
        return total


def train(model, loaders, optimizer, args):
    best = model
    best_val = 0
    for epoch in range(1, args.epochs + 1):
        for batch in loaders["train"]:
            batch.to(args.device)
            model.train()
            optimizer.zero_grad()
            scores = model(batch)
            loss = model.loss(scores, batch.edge_label)
            loss.backward()
            optimizer.step()
            accs = evaluate(model, loaders, args)
            print(epoch, loss.item(), accs["train"], accs["val"])
            if best_val < accs["val"]:
                best_val = accs["val"]
                best = copy.deepcopy(model)
    return best
