"""positive [LG006]: a knowledge-graph recommender adds each batch's back-propagated loss and the intent-independence term its model returned beside it to epoch sums: both keep every batch's graph."""

# Source: huangtinglin/Knowledge_Graph_based_Intent_Network@0e43517 main.py, modules/KGIN.py (re-typed, renamed, cut to the loss and the epoch)
import torch
import torch.nn as nn


class IntentRecommender(nn.Module):
    def __init__(self, n_users, n_items, dim, n_factors, decay, sim_decay):
        super().__init__()
        self.user_emb = nn.Embedding(n_users, dim)
        self.item_emb = nn.Embedding(n_items, dim)
        self.factors = nn.Parameter(torch.randn(n_factors, dim))
        self.decay = decay
        self.sim_decay = sim_decay

    def independence(self):
        normed = nn.functional.normalize(self.factors, dim=1)
        sim = normed @ normed.t()
        return (sim - torch.eye(sim.size(0))).pow(2).sum()

    def forward(self, batch):
        users = self.user_emb(batch["users"])
        pos_items = self.item_emb(batch["pos_items"])
        neg_items = self.item_emb(batch["neg_items"])
        cor = self.independence()
        return self.bpr_loss(users, pos_items, neg_items, cor)

    def bpr_loss(self, users, pos_items, neg_items, cor):
        batch_size = users.shape[0]
        pos_scores = torch.sum(users * pos_items, dim=1)
        neg_scores = torch.sum(users * neg_items, dim=1)
        mf_loss = -1 * torch.mean(nn.LogSigmoid()(pos_scores - neg_scores))
        regularizer = (torch.norm(users) ** 2 + torch.norm(pos_items) ** 2 + torch.norm(neg_items) ** 2) / 2
        emb_loss = self.decay * regularizer / batch_size
        cor_loss = self.sim_decay * cor
        return mf_loss + emb_loss + cor_loss, mf_loss, emb_loss, cor


def train(model, batches, epochs, lr):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for epoch in range(epochs):
        loss, cor_loss = 0, 0
        for batch in batches:
            batch_loss, _, _, batch_cor = model(batch)
            optimizer.zero_grad()
            batch_loss.backward()
            optimizer.step()
            loss += batch_loss  # expect: LG006
            cor_loss += batch_cor  # expect: LG006
        print(epoch, loss.item(), cor_loss.item())
