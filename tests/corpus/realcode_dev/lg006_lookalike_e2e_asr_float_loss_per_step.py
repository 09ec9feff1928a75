"""look-alike [LG006]: each step's loss turned into a Python number with float(loss.data) times the batch's size after its backward, summed and appended to a list; the name is rebound to the running mean when logging. No graph is kept."""
# Source: https://github.com/HawkAaron/E2E-ASR train_ctc.py / train_att.py at
# 91d6b96bd605a9bc8e62b4a5903ec2056fa0f88d; re-typed, names changed, reduced (the model returns its own CTC loss). Correct code.
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class CTCModel(nn.Module):
    def __init__(self, n_feats, n_labels, hidden=256):
        super().__init__()
        self.rnn = nn.LSTM(n_feats, hidden, num_layers=3, batch_first=True)
        self.proj = nn.Linear(hidden, n_labels)

    def forward(self, feats, labels, feat_lens, label_lens):
        out, _ = self.rnn(feats)
        log_probs = F.log_softmax(self.proj(out), dim=-1).transpose(0, 1)
        return F.ctc_loss(log_probs, labels, feat_lens, label_lens, reduction="sum")


model = CTCModel(123, 62)
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9)


def train(trainset, epochs=30, log_interval=50, batch_size=8):
    for epoch in range(1, epochs):
        total = 0; losses = []
        start = time.time()
        for i, (xs, ys, xlen, ylen) in enumerate(trainset):
            x = torch.FloatTensor(xs)
            y = torch.IntTensor(ys)
            model.train()
            optimizer.zero_grad()
            loss = model(x, y, torch.IntTensor(xlen), torch.IntTensor(ylen))
            loss.backward()
            loss = float(loss.data) * len(xlen)
            total += loss; losses.append(loss)
            nn.utils.clip_grad_norm_(model.parameters(), 200)
            optimizer.step()
            if i % log_interval == 0 and i > 0:
                loss = total / batch_size / log_interval
                print("[epoch %d batch %d] loss %.2f" % (epoch, i, loss))
                total = 0
        losses = sum(losses) / len(trainset)
        print("epoch %d took %.1fs, train loss %.2f" % (epoch, time.time() - start, losses))
