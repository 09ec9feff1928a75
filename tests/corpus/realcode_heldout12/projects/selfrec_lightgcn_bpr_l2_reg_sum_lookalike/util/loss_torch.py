"""part of look-alike project [LG001, LG006, LG013]: the recommender's loss helpers: BPR as -log(sigmoid(margin)), an L2 term that adds the norms of its embedding arguments in a loop, an InfoNCE helper that gives similarity logits and long zero labels to F.cross_entropy, and a hand-written KL."""
# Source: Coder-Yu/SELFRec@5b0229423cb1c727e85a704d63e460368c8b9dde util/loss_torch.py (read as is; re-typed, identifiers renamed, the triplet and batch-softmax helpers left out)
import torch
import torch.nn as nn
import torch.nn.functional as F


def bpr_loss(user_emb, pos_item_emb, neg_item_emb):
    pos_score = torch.mul(user_emb, pos_item_emb).sum(dim=1)
    neg_score = torch.mul(user_emb, neg_item_emb).sum(dim=1)
    loss = -torch.log(10e-6 + torch.sigmoid(pos_score - neg_score))
    return torch.mean(loss)


def l2_reg_loss(reg, *args):
    emb_loss = 0
    for emb in args:
        emb_loss += torch.norm(emb, p=2) / emb.shape[0]
    return emb_loss * reg


def InfoNCE(view1, view2, temperature: float, b_cos: bool = True):
    if b_cos:
        view1, view2 = F.normalize(view1, dim=1), F.normalize(view2, dim=1)
    pos_score = (view1 @ view2.T) / temperature
    score = torch.diag(F.log_softmax(pos_score, dim=1))
    return -score.mean()


def info_nce(z_i, z_j, temp, batch_size, sim='dot'):
    def mask_correlated_samples(batch_size):
        n = 2 * batch_size
        mask = torch.ones((n, n), dtype=bool)
        mask = mask.fill_diagonal_(0)
        for i in range(batch_size):
            mask[i, batch_size + i] = 0
            mask[batch_size + i, i] = 0
        return mask

    n = 2 * batch_size
    z = torch.cat((z_i, z_j), dim=0)
    if sim == 'cos':
        sim = nn.functional.cosine_similarity(z.unsqueeze(1), z.unsqueeze(0), dim=2) / temp
    elif sim == 'dot':
        sim = torch.mm(z, z.T) / temp
    sim_i_j = torch.diag(sim, batch_size)
    sim_j_i = torch.diag(sim, -batch_size)
    positives = torch.cat((sim_i_j, sim_j_i), dim=0).reshape(n, 1)
    negatives = sim[mask_correlated_samples(batch_size)].reshape(n, -1)
    labels = torch.zeros(n).to(positives.device).long()
    logits = torch.cat((positives, negatives), dim=1)
    return F.cross_entropy(logits, labels)


def kl_divergence(p_logit, q_logit):
    p = F.softmax(p_logit, dim=-1)
    kl = torch.sum(p * (F.log_softmax(p_logit, dim=-1) - F.log_softmax(q_logit, dim=-1)), 1)
    return torch.mean(kl)
