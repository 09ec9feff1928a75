"""part of positive project [LG003]: CombinedModel runs the graph network, pads its per-graph outputs and returns what the transformer classifier returns."""
# Source: YXNTU/GeneralDyG@4276d0e67df0c01957dfc802b1c99022f7df3efb model/Combine.py (read as is; its issue #6 "Transformer outputs probabilities but training uses BCEWithLogits (double sigmoid)" was acknowledged by the author; re-typed, identifiers renamed)
import torch


class CombinedModel(torch.nn.Module):
    def __init__(self, GNN, Transformer):
        super(CombinedModel, self).__init__()
        self.GNN = GNN
        self.Transformer = Transformer

    def forward(self, H_v, H_e, H_e_pad, adj_e, adj_v, T, mask):
        out = self.GNN(H_v, H_e, adj_e, adj_v, T)
        padded = torch.zeros((H_e_pad.shape[0], H_e_pad.shape[1], H_e_pad.shape[2])).to('cuda')
        for i in range(H_e_pad.shape[0]):
            n = out[i].shape[0]
            padded[i, :n, :] = out[i]
        out = self.Transformer(H_e_pad, padded, mask)
        return out
