"""look-alike [LG001]: the same exercise at the student's fix: the RNN runs over the embedded sequence and a linear layer's logits for its last step go to nn.CrossEntropyLoss."""

# Source: zixuya/BadouNLP@2f6bf4d62a 杨帅/work03/HomeworkRNNforward.py (the fix commit; cut, renamed)
import random

import numpy as np
import torch
import torch.nn as nn


class FirstPositionRNN(nn.Module):
    def __init__(self, vector_dim, sentence_length, vocab):
        super(FirstPositionRNN, self).__init__()
        self.embedding = nn.Embedding(len(vocab), vector_dim, padding_idx=0)
        self.layer = nn.RNN(vector_dim, vector_dim, bias=False, batch_first=True)
        self.layer_class = nn.Linear(vector_dim, sentence_length + 1)
        self.loss = nn.CrossEntropyLoss()

    def forward(self, x, y=None):
        x = self.embedding(x)
        out, h = self.layer(x)
        x = out[:, -1, :]
        y_pred = self.layer_class(x)
        if y is not None:
            return self.loss(y_pred, y)
        else:
            return y_pred


def build_vocab():
    vocab = {"pad": 0}
    for index, char in enumerate("你我他defghijklmnopqrstuvwxyz"):
        vocab[char] = index + 1
    vocab["unk"] = len(vocab)
    return vocab


def build_sample(vocab, sentence_length, target="你"):
    keys = list(vocab.keys())
    x = []
    y = np.zeros(sentence_length + 1)
    for _ in range(sentence_length):
        ch = random.choice(keys)
        x.append(ch)
        if ch == target:
            keys.remove(target)
    if target in x:
        y[x.index(target)] = 1
    else:
        y[sentence_length] = 1
    return [vocab.get(w, vocab["unk"]) for w in x], y


def build_dataset(count, vocab, sentence_length):
    xs, ys = [], []
    for _ in range(count):
        x, y = build_sample(vocab, sentence_length)
        xs.append(x)
        ys.append(y)
    return torch.LongTensor(xs), torch.FloatTensor(np.array(ys))


def main(epochs=20, batch_size=20, per_epoch=500, dim=20, length=6):
    vocab = build_vocab()
    model = FirstPositionRNN(dim, length, vocab)
    optim = torch.optim.Adam(model.parameters(), lr=0.005)
    for epoch in range(epochs):
        model.train()
        losses = []
        for _ in range(per_epoch // batch_size):
            x, y = build_dataset(batch_size, vocab, length)
            optim.zero_grad()
            loss = model(x, y)
            loss.backward()
            optim.step()
            losses.append(loss.item())
        print(epoch + 1, np.mean(losses))
