"""part of positive project [LG014, LG011]: the loss object back-propagates and steps the repository's optimizer, then clears `self.opt.optimizer`, an attribute that optimizer does not have: the optimizer's own gradients are never cleared (the fix calls self.opt.zero_grad())."""

# Source: huggingface/pytorch-openai-transformer-lm@0704c84ab9 train.py, fixed in 49d628f68a (cut, renamed)
import argparse

import numpy as np
import torch
import torch.nn as nn

from adam import WarmupAdam
from model import ClfHead, LMHead, TransformerModel


class LossCompute:
    def __init__(self, lm_criterion, clf_criterion, lm_coef, opt=None):
        self.lm_criterion = lm_criterion
        self.clf_criterion = clf_criterion
        self.lm_coef = lm_coef
        self.opt = opt

    def __call__(self, X, Y, M, lm_logits, clf_logits):
        x_shifted = X[:, :, 1:, 0].contiguous().view(-1)
        M = M.view(-1, M.size(2))
        lm_losses = self.lm_criterion(lm_logits, x_shifted)
        lm_losses = lm_losses.view(X.size(0) * X.size(1), X.size(2) - 1)
        lm_losses = (lm_losses * M[:, 1:]).sum(1) / torch.sum(M[:, 1:], 1)
        clf_losses = self.clf_criterion(clf_logits, Y)
        if self.lm_coef > 0:
            train_loss = clf_losses.sum() + self.lm_coef * lm_losses.sum()
        else:
            train_loss = clf_losses.sum()
        train_loss.backward()
        if self.opt is not None:
            self.opt.step()  # expect: LG014
            self.opt.optimizer.zero_grad()
        return train_loss.item()


def iter_batches(X, M, Y, n_batch):
    for start in range(0, len(X) - n_batch + 1, n_batch):
        yield X[start:start + n_batch], M[start:start + n_batch], Y[start:start + n_batch]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--n_iter", type=int, default=3)
    parser.add_argument("--n_batch", type=int, default=8)
    parser.add_argument("--lr", type=float, default=6.25e-5)
    parser.add_argument("--lm_coef", type=float, default=0.5)
    args = parser.parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    trX, trM, trY = np.load("train_x.npy"), np.load("train_m.npy"), np.load("train_y.npy")
    vocab, clf_token = 40478 + 3 + 77, 40480
    model = TransformerModel(vocab, args)
    lm_head = LMHead(model, args)
    clf_head = ClfHead(clf_token, args)
    criterion = nn.CrossEntropyLoss(reduction="none")
    n_updates_total = (len(trY) // args.n_batch) * args.n_iter
    model_opt = WarmupAdam(model.parameters(), lr=args.lr, warmup=0.002, t_total=n_updates_total)
    compute_loss = LossCompute(criterion, criterion, args.lm_coef, model_opt)
    model.to(device)

    for i in range(args.n_iter):
        for xmb, mmb, ymb in iter_batches(trX, trM, trY, args.n_batch):
            XMB = torch.tensor(xmb, dtype=torch.long).to(device)
            YMB = torch.tensor(ymb, dtype=torch.long).to(device)
            MMB = torch.tensor(mmb).to(device)
            model.train()
            h = model(XMB)
            lm_logits = lm_head(h)
            clf_logits = clf_head(h, XMB)
            loss = compute_loss(XMB, YMB, MMB, lm_logits, clf_logits)
