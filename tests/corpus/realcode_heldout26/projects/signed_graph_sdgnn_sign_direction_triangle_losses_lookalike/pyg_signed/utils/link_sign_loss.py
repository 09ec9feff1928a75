"""part of look-alike project [LG003, LG005, LG006, LG007]: the signed-graph losses: BCE with logits on a Linear edge score and on embedding products with ones_like / zeros_like targets, a sigmoid-scored direction loss that is a squared hinge (no BCE), and an NLL over log_softmax edge classes summed into nll_loss inside one call."""
# Source: SherylHYX/pytorch_geometric_signed_directed at ecdf3fcf, torch_geometric_signed_directed/utils/signed/link_sign_loss.py;
# re-typed, identifiers renamed, docstrings shortened; Sign_Structure_Loss cut.
import scipy.sparse as sp
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch_geometric.utils import negative_sampling


class SignTriangleLoss(nn.Module):
    """Signed triangle loss of SDGNN."""

    def __init__(self, emb_dim: int, edge_weight: sp.csc_matrix) -> None:
        super().__init__()
        self.lin = nn.Linear(emb_dim * 2, 1)
        self.edge_weight = edge_weight

    def forward(self, z, pos_edge_index, neg_edge_index):
        device = z.device
        za, zb = z[pos_edge_index[0], :], z[pos_edge_index[1], :]
        src = pos_edge_index[0].cpu().numpy().tolist()
        dst = pos_edge_index[1].cpu().numpy().tolist()
        w_pos = torch.from_numpy(self.edge_weight[src, dst]).reshape(-1, 1).to(device)
        zc, zd = z[neg_edge_index[0], :], z[neg_edge_index[1], :]
        src = neg_edge_index[0].cpu().numpy().tolist()
        dst = neg_edge_index[1].cpu().numpy().tolist()
        w_neg = torch.from_numpy(self.edge_weight[src, dst]).reshape(-1, 1).to(device)

        score_pos = self.lin(torch.cat([za, zb], dim=1))
        score_neg = self.lin(torch.cat([zc, zd], dim=1))
        pos_loss = F.binary_cross_entropy_with_logits(score_pos, torch.ones_like(score_pos), weight=w_pos, reduction='sum')
        neg_loss = F.binary_cross_entropy_with_logits(score_neg, torch.zeros_like(score_neg), weight=w_neg, reduction='sum')
        return pos_loss + neg_loss


class SignDirectionLoss(nn.Module):
    """Signed direction loss of SDGNN: the status scores of both ends of an edge."""

    def __init__(self, emb_dim: int) -> None:
        super().__init__()
        self.status_out = nn.Sequential(nn.Linear(emb_dim, 1), nn.Sigmoid())
        self.status_in = nn.Sequential(nn.Linear(emb_dim, 1), nn.Sigmoid())

    def forward(self, z, pos_edge_index, neg_edge_index):
        s1 = self.status_out(z[pos_edge_index[0], :])
        s2 = self.status_in(z[pos_edge_index[1], :])
        q = torch.where((s1 - s2) > -0.5, torch.ones_like(s1) * -0.5, s1 - s2)
        gap = q - (s1 - s2)
        pos_loss = torch.einsum("ij,ij->i", [gap, gap]).sum()

        s1 = self.status_out(z[neg_edge_index[0], :])
        s2 = self.status_in(z[neg_edge_index[1], :])
        q = torch.where((s1 - s2) > 0.5, s1 - s2, torch.ones_like(s1) * 0.5)
        gap = q - (s1 - s2)
        neg_loss = torch.einsum("ij,ij->i", [gap, gap]).sum()
        return pos_loss + neg_loss


class SignProductEntropyLoss(nn.Module):
    """Signed entropy loss of SDGNN on the inner products of the edge ends."""

    def forward(self, z, pos_edge_index, neg_edge_index):
        prod_pos = torch.einsum("ij, ij->i", [z[pos_edge_index[0], :], z[pos_edge_index[1], :]])
        prod_neg = torch.einsum("ij, ij->i", [z[neg_edge_index[0], :], z[neg_edge_index[1], :]])
        loss_pos = F.binary_cross_entropy_with_logits(prod_pos, torch.ones_like(prod_pos), reduction='sum')
        loss_neg = F.binary_cross_entropy_with_logits(prod_neg, torch.zeros_like(prod_neg), reduction='sum')
        return loss_pos + loss_neg


class LinkSignEntropyLoss(nn.Module):
    """Entropy loss of SGCN / SNEA: positive, negative or no edge."""

    def __init__(self, emb_dim: int) -> None:
        super().__init__()
        self.lin = torch.nn.Linear(2 * emb_dim, 3)
        self.lin.reset_parameters()

    def discriminate(self, z, edge_index):
        value = torch.cat([z[edge_index[0]], z[edge_index[1]]], dim=1)
        value = self.lin(value)
        return torch.log_softmax(value, dim=1)

    def forward(self, z, pos_edge_index, neg_edge_index):
        edge_index = torch.cat([pos_edge_index, neg_edge_index], dim=1)
        none_edge_index = negative_sampling(edge_index, z.size(0))
        nll_loss = 0
        nll_loss += F.nll_loss(
            self.discriminate(z, pos_edge_index),
            pos_edge_index.new_full((pos_edge_index.size(1), ), 0))
        nll_loss += F.nll_loss(
            self.discriminate(z, neg_edge_index),
            neg_edge_index.new_full((neg_edge_index.size(1), ), 1))
        nll_loss += F.nll_loss(
            self.discriminate(z, none_edge_index),
            none_edge_index.new_full((none_edge_index.size(1), ), 2))
        return nll_loss / 3.0
