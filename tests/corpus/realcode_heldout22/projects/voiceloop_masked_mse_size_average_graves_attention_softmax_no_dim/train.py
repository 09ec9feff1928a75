"""part of positive project [LG010, LG011]: the training script trains Loop with MaskedMSE in truncated-BPTT segments and evaluates it with volatile=True inputs; both sum loss.data[0] into Python totals."""
# Source: facebookarchive/loop at 11297559 (read at the code issue #57, "Out of memory in validation step", is about), train.py;
# re-typed, identifiers renamed; argument parsing, the data loaders, visdom plotting and checkpoint saving cut
# (args, train_loader, valid_loader, wrap, check_grad and TBPTTIter are defined in the cut parts or utils.py).
import logging

import numpy as np
import torch
import torch.optim as optim
from tqdm import tqdm

from model import Loop, MaskedMSE


def train(model, criterion, optimizer, epoch, train_losses):
    total = 0
    model.train()
    it = tqdm(train_loader, desc="Train epoch %d" % epoch)

    for full_txt, full_feat, spkr in it:
        segs = TBPTTIter(full_txt, full_feat, spkr, args.seq_len)
        seq_total = 0

        for txt, feat, spkr, start in segs:
            src = wrap(txt)
            tgt = wrap(feat)
            spkr = wrap(spkr)

            if start:
                optimizer.zero_grad()

            out, _ = model([src, spkr], tgt[0], start)
            loss = criterion(out, tgt[0], tgt[1])

            loss.backward()
            if check_grad(model.parameters(), args.clip_grad, args.ignore_grad):
                logging.info("Not a finite gradient or too big, ignoring.")
                optimizer.zero_grad()
                continue
            optimizer.step()

            seq_total += loss.data[0]

        seq_total = seq_total / len(segs)
        total += seq_total
        it.set_description("Train (loss %.2f) epoch %d" % (seq_total, epoch))

    avg = total / len(train_loader)
    train_losses.append(avg)
    logging.info("====> Train set loss: {:.4f}".format(avg))


def evaluate(model, criterion, epoch, eval_losses):
    total = 0
    it = tqdm(valid_loader, desc="Valid epoch %d" % epoch)

    for txt, feat, spkr in it:
        src = wrap(txt, volatile=True)
        tgt = wrap(feat, volatile=True)
        spkr = wrap(spkr, volatile=True)

        out, _ = model([src, spkr], tgt[0])
        loss = criterion(out, tgt[0], tgt[1])
        total += loss.data[0]
        it.set_description("Valid (loss %.2f) epoch %d" % (loss.data[0], epoch))

    avg = total / len(valid_loader)
    eval_losses.append(avg)
    logging.info("====> Test set loss: {:.4f}".format(avg))
    return avg


def main():
    start_epoch = 1
    model = Loop(args)
    model.cuda()

    criterion = MaskedMSE().cuda()
    optimizer = optim.Adam(model.parameters(), lr=args.lr)

    train_losses = []
    eval_losses = []
    best_eval = float("inf")
    for epoch in range(start_epoch, start_epoch + args.epochs):
        train(model, criterion, optimizer, epoch, train_losses)
        eval_loss = evaluate(model, criterion, epoch, eval_losses)
        if eval_loss < best_eval:
            best_eval = eval_loss


if __name__ == "__main__":
    main()
