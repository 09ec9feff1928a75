"""part of positive project [LG016]: the DIEN ranking model's auxiliary next-behaviour loss applies torch.sigmoid to the dot products and scores them with nn.BCELoss in the same method; forward adds it to the value the trainer back-propagates."""
# Source: datawhalechina/torch-rechub at 5a73b2e (read as is), torch_rechub/models/ranking/dien.py; re-typed,
# identifiers renamed; the AUGRU cell and layer bodies shortened, docstrings cut.
import torch
from torch import nn
from torch.nn import Parameter, init
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from ...basic.layers import MLP, EmbeddingLayer


class AttnGRUCell(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.w_u = init.xavier_uniform_(Parameter(torch.empty(dim, dim)))
        self.u_u = init.xavier_uniform_(Parameter(torch.empty(dim, dim)))
        self.w_h = init.xavier_uniform_(Parameter(torch.empty(dim, dim)))
        self.u_h = init.xavier_uniform_(Parameter(torch.empty(dim, dim)))

    def forward(self, x, h_prev, a):
        u = torch.sigmoid(torch.matmul(x, self.w_u) + torch.matmul(h_prev, self.u_u))
        cand = torch.tanh(torch.matmul(x, self.w_h) + torch.matmul(h_prev, self.u_h))
        u_att = a * u
        return (1 - u_att) * h_prev + u_att * cand


class AttnGRU(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim
        self.cell = AttnGRUCell(dim)
        self.w_a = init.xavier_uniform_(Parameter(torch.empty(dim, dim)))

    def forward(self, seq, item, mask=None):
        scores = (torch.matmul(seq, self.w_a) * item.unsqueeze(1)).sum(-1)
        if mask is not None:
            scores = scores.masked_fill(~mask, float('-inf'))
        attn = torch.softmax(scores, dim=1).unsqueeze(-1)
        h = torch.zeros(seq.size(0), self.dim, device=seq.device)
        steps = []
        for t in range(seq.size(1)):
            h = self.cell(seq[:, t], h, attn[:, t])
            steps.append(h.unsqueeze(1))
        return torch.cat(steps, dim=1), h


class InterestEvolutionNet(nn.Module):
    def __init__(self, features, history_features, neg_history_features, target_features, mlp_params, alpha=0.2):
        super().__init__()
        self.features = features
        self.history_features = history_features
        self.neg_history_features = neg_history_features
        self.target_features = target_features
        self.alpha = alpha
        self.num_history = len(history_features)
        self.all_dims = sum(f.embed_dim for f in features) + sum(f.embed_dim * 2 for f in history_features)
        self.embedding = EmbeddingLayer(features + history_features + neg_history_features + target_features)
        self.extractors = nn.ModuleList([nn.GRU(f.embed_dim, f.embed_dim, batch_first=True) for f in history_features])
        self.evolvers = nn.ModuleList([AttnGRU(f.embed_dim) for f in history_features])
        self.mlp = MLP(self.all_dims, activation="dice", **mlp_params)
        self.bce = nn.BCELoss()

    def auxiliary(self, states, pos_emb, neg_emb, mask=None):
        h = states[:, :-1]
        pos = pos_emb[:, 1:]
        neg = neg_emb[:, 1:]
        if mask is not None:
            valid = mask[:, :-1] & mask[:, 1:]
        else:
            valid = torch.ones(h.size(0), h.size(1), dtype=torch.bool, device=h.device)
        h, pos, neg = h[valid], pos[valid], neg[valid]
        if h.size(0) == 0:
            return torch.tensor(0.0, device=states.device)
        pos_p = torch.sigmoid((h * pos).sum(-1, keepdim=True))
        neg_p = torch.sigmoid((h * neg).sum(-1, keepdim=True))
        return self.bce(pos_p, torch.ones_like(pos_p)) + self.bce(neg_p, torch.zeros_like(neg_p))  # expect: LG016

    def forward(self, x):
        ctx = self.embedding(x, self.features, squeeze_dim=True)
        hist = self.embedding(x, self.history_features)
        neg_hist = self.embedding(x, self.neg_history_features)
        target = self.embedding(x, self.target_features)

        extracted = []
        aux = 0
        for i, fea in enumerate(self.history_features):
            seq = hist[:, i, :, :]
            mask = self.embedding.input_mask(x, fea).squeeze(1).bool()
            lens = mask.sum(dim=1).cpu()
            has = lens > 0
            states = torch.zeros_like(seq)
            if has.any():
                packed = pack_padded_sequence(seq[has], lens[has].clamp(min=1), batch_first=True, enforce_sorted=False)
                out, _ = self.extractors[i](packed)
                unpacked, _ = pad_packed_sequence(out, batch_first=True, total_length=seq.size(1))
                states[has] = unpacked
            aux += self.auxiliary(states, seq, neg_hist[:, i, :, :], mask)
            extracted.append(states.unsqueeze(1))
        extracted = torch.cat(extracted, dim=1)

        evolved = []
        for i, fea in enumerate(self.history_features):
            mask = self.embedding.input_mask(x, fea).squeeze(1).bool()
            has = mask.any(dim=1)
            h = torch.zeros(mask.size(0), self.evolvers[i].dim, device=mask.device)
            if has.any():
                _, h_has = self.evolvers[i](extracted[has, i, :, :], target[has, i, :], mask[has])
                h[has] = h_has
            evolved.append(h.unsqueeze(1))
        evolved = torch.cat(evolved, dim=1)
        mlp_in = torch.cat([evolved.flatten(start_dim=1), target.flatten(start_dim=1), ctx], dim=1)
        y = self.mlp(mlp_in)
        return torch.sigmoid(y.squeeze(1)), self.alpha * aux
