"""positive [LG006]: the BPR recommender's training loop keeps an exponential moving average of the loss tensor (smooth = smooth*0.99 + loss*0.01), so every step's graph stays chained to the running value."""
# Source: sh0416/bpr@e66323fe0b6d32d565ea070fc04a889a626f7ebd train.py (read as is; re-typed, identifiers renamed, cut at function boundaries: the triplet dataset, the precision/recall helper and the argument parser left out, the evaluation and checkpoint branches shortened)
import os
import pickle

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader
from torch.utils.tensorboard import SummaryWriter


class PairwiseRanker(nn.Module):
    def __init__(self, n_users, n_items, dim, weight_decay):
        super().__init__()
        self.user_emb = nn.Parameter(torch.empty(n_users, dim))
        self.item_emb = nn.Parameter(torch.empty(n_items, dim))
        nn.init.xavier_normal_(self.user_emb.data)
        nn.init.xavier_normal_(self.item_emb.data)
        self.weight_decay = weight_decay

    def forward(self, users, pos, neg):
        users = self.user_emb[users, :]
        pos = self.item_emb[pos, :]
        neg = self.item_emb[neg, :]
        score_pos = torch.mul(users, pos).sum(dim=1)
        score_neg = torch.mul(users, neg).sum(dim=1)
        margin = score_pos - score_neg
        log_lik = F.logsigmoid(margin).sum()
        reg = self.weight_decay * (users.norm(dim=1).pow(2).sum() + pos.norm(dim=1).pow(2).sum()
                                   + neg.norm(dim=1).pow(2).sum())
        return -log_lik + reg

    def recommend(self, users):
        users = self.user_emb[users, :]
        scores = torch.mm(users, self.item_emb.t())
        return torch.argsort(scores, dim=1)


def main(args):
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    with open(args.data, 'rb') as f:
        data = pickle.load(f)
        n_users, n_items = data['user_size'], data['item_size']
        train_lists, test_lists = data['train_user_list'], data['test_user_list']
        train_pairs = data['train_pair']

    triplets = TripletSampler(n_items, train_lists, train_pairs, True, args.n_epochs)
    loader = DataLoader(triplets, batch_size=args.batch_size, num_workers=16)
    ranker = PairwiseRanker(n_users, n_items, args.dim, args.weight_decay).cuda()
    optimizer = optim.Adam(ranker.parameters(), lr=args.lr)
    writer = SummaryWriter()

    smooth = 0
    step = 0
    for users, pos, neg in loader:
        optimizer.zero_grad()
        loss = ranker(users, pos, neg)
        loss.backward()
        optimizer.step()
        writer.add_scalar('train/loss', loss, step)
        smooth = smooth * 0.99 + loss * 0.01  # expect: LG006
        if step % args.print_every == (args.print_every - 1):
            print('loss: %.4f' % smooth)
        if step % args.eval_every == (args.eval_every - 1):
            precisions, recalls = precision_recall_at_k(ranker.user_emb.detach(), ranker.item_emb.detach(),
                                                        train_lists, test_lists, klist=[1, 5, 10])
            writer.add_scalars('eval', {'P@1': precisions[0], 'P@5': precisions[1], 'P@10': precisions[2]}, step)
        if step % args.save_every == (args.save_every - 1):
            os.makedirs(os.path.dirname(os.path.abspath(args.model)), exist_ok=True)
            torch.save(ranker.state_dict(), args.model)
        step += 1
