"""look-alike [LG007]: the travelling-salesman graph network takes `F.log_softmax` over the class axis of its (B, V, V, 2) edge scores, moves that axis to position 1 and gives the result to a class-weighted `nn.NLLLoss`."""

# Source: chaitjo/graph-convnet-tsp@35c36a9 utils/model_utils.py (re-typed, renamed, cut to the two losses)
import torch.nn as nn
import torch.nn.functional as F


def node_loss(pred_nodes, y_nodes, node_cw):
    y = F.log_softmax(pred_nodes, dim=2)
    y = y.permute(0, 2, 1)
    return nn.NLLLoss(node_cw)(y, y_nodes)


def edge_loss(pred_edges, y_edges, edge_cw):
    y = F.log_softmax(pred_edges, dim=3)
    y = y.permute(0, 3, 1, 2)
    return nn.NLLLoss(edge_cw)(y, y_edges)
