"""part of look-alike project [LG003, LG005, LG006, LG007]: SDGNN stacks GAT aggregators over four signed edge lists and sums its sign, direction and triangle losses in loss()."""
# Source: SherylHYX/pytorch_geometric_signed_directed at ecdf3fcf, torch_geometric_signed_directed/nn/signed/SDGNN.py;
# re-typed, identifiers renamed; the aggregator class, the adjacency building and the triangle weights cut to calls.
import torch
import torch.nn as nn

from ..utils.link_sign_loss import SignDirectionLoss, SignProductEntropyLoss, SignTriangleLoss


class SDGNN(nn.Module):

    def __init__(self, node_num, edge_index_s, in_dim=20, out_dim=20, layer_num=2, init_emb=None,
                 init_emb_grad=True, lamb_d=5.0, lamb_t=1.0):
        super().__init__()
        self.node_num = node_num
        self.lamb_d = lamb_d
        self.lamb_t = lamb_t
        self.pos_edge_index = edge_index_s[edge_index_s[:, 2] > 0][:, :2].t()
        self.neg_edge_index = edge_index_s[edge_index_s[:, 2] < 0][:, :2].t()
        if init_emb is None:
            init_emb = create_spectral_features(self.pos_edge_index, self.neg_edge_index, self.node_num, in_dim)
        self.x = nn.Parameter(init_emb, requires_grad=init_emb_grad)
        self.adj_lists = self.build_adj_lists(edge_index_s)
        self.edge_lists = [self.map_adj_to_edges(adj) for adj in self.adj_lists]
        self.layers = nn.ModuleList([SignedGATLayer(in_dim, out_dim, self.edge_lists)]
                                    + [SignedGATLayer(out_dim, out_dim, self.edge_lists) for _ in range(layer_num - 1)])
        self.loss_sign = SignProductEntropyLoss()
        self.loss_direction = SignDirectionLoss(emb_dim=out_dim)
        self.loss_tri = SignTriangleLoss(emb_dim=out_dim, edge_weight=self.tri_weight)

    def forward(self):
        x = self.x
        for layer in self.layers:
            x = layer(x)
        return x

    def loss(self):
        z = self.forward()
        loss_sign = self.loss_sign(z, self.pos_edge_index, self.neg_edge_index)
        loss_direction = self.loss_direction(z, self.pos_edge_index, self.neg_edge_index)
        loss_triangle = self.loss_tri(z, self.pos_edge_index, self.neg_edge_index)
        return loss_sign + self.lamb_d * loss_direction + self.lamb_t * loss_triangle
