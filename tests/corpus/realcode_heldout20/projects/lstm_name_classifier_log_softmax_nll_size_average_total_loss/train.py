"""part of positive project [LG006, LG010, LG011]: the training and validation loops add each batch's NLLLoss tensor (built with the deprecated size_average=False) to total_loss; the validation loop runs without no_grad, so every batch's graph stays alive until the epoch's print."""
# Source: claravania/lstm-pytorch at 40c4fbd3 (read as is), train.py; re-typed, identifiers renamed; the argparse
# options other than the ones used, the test-set report and data.py/utils.py (TextLoader, create_dataset,
# sort_batch) cut: those names stay undefined as the source's imports give them.
import argparse
import random

import torch
import torch.autograd as autograd
import torch.nn as nn
import torch.optim as optim
from sklearn.metrics import accuracy_score

import utils
from data import TextLoader
from model import SeqClassifier


def run_batch(net, crit, seqs, gold, lens):
    scores = net(torch.autograd.Variable(seqs), lens.cpu().numpy())
    loss = crit(scores, torch.autograd.Variable(gold))
    return scores, loss


def fit(net, opt, train_set, dev_set, tok2id, tag2id, bs, n_epochs):
    crit = nn.NLLLoss(size_average=False)  # expect: LG010
    for ep in range(n_epochs):
        print('Epoch:', ep)
        gold_all, pred_all = list(), list()
        running = 0
        for seqs, gold, lens, raw in utils.create_dataset(train_set, tok2id, tag2id, batch_size=bs):
            seqs, gold, lens = utils.sort_batch(seqs, gold, lens)
            net.zero_grad()
            scores, loss = run_batch(net, crit, seqs, gold, lens)
            loss.backward()
            opt.step()
            best = torch.max(scores, 1)[1]
            gold_all += list(gold.int())
            pred_all += list(best.data.int())
            running += loss  # expect: LG006
        acc = accuracy_score(gold_all, pred_all)
        dev_loss, dev_acc = validate(net, dev_set, tok2id, tag2id, crit)
        print("Train loss: {} - acc: {} \nValidation loss: {} - acc: {}".format(
            running.data.float() / len(train_set), acc, dev_loss, dev_acc))
    return net


def validate(net, dev_set, tok2id, tag2id, crit):
    gold_all, pred_all = list(), list()
    running = 0
    for seqs, gold, lens, raw in utils.create_dataset(dev_set, tok2id, tag2id, batch_size=1):
        seqs, gold, lens = utils.sort_batch(seqs, gold, lens)
        scores, loss = run_batch(net, crit, seqs, gold, lens)
        best = torch.max(scores, 1)[1]
        gold_all += list(gold.int())
        pred_all += list(best.data.int())
        running += loss  # expect: LG006
    acc = accuracy_score(gold_all, pred_all)
    return running.data.float() / len(dev_set), acc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data_dir', type=str, default='toy_data/names')
    ap.add_argument('--hidden_dim', type=int, default=32)
    ap.add_argument('--batch_size', type=int, default=32)
    ap.add_argument('--num_epochs', type=int, default=5)
    ap.add_argument('--char_dim', type=int, default=128)
    ap.add_argument('--learning_rate', type=float, default=0.01)
    ap.add_argument('--weight_decay', type=float, default=1e-4)
    ap.add_argument('--seed', type=int, default=123)
    args = ap.parse_args()
    random.seed(args.seed)
    loader = TextLoader(args.data_dir)
    tok2id, tag2id = loader.token2id, loader.tag2id
    net = SeqClassifier(len(tok2id), args.char_dim, args.hidden_dim, len(tag2id))
    opt = optim.SGD(net.parameters(), lr=args.learning_rate, weight_decay=args.weight_decay)
    fit(net, opt, loader.train_data, loader.dev_data, tok2id, tag2id, args.batch_size, args.num_epochs)


if __name__ == '__main__':
    main()
