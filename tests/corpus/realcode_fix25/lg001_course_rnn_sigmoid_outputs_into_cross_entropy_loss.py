"""positive [LG001]: a course exercise's RNN finds where a given character first appears: the pooled embeddings go through an nn.RNN whose hidden size is the number of classes, and torch.sigmoid of its output is handed to nn.CrossEntropyLoss with one-hot targets (the student's fix, "week 4 handed in, week 3's errors fixed", runs the RNN over the sequence and gives a linear layer's logits to the loss)."""

# Source: zixuya/BadouNLP@6b1a9557a7 杨帅/work03/HomeworkRNNforward.py, fixed in 2f6bf4d62a (cut, renamed)
import random

import numpy as np
import torch
import torch.nn as nn


class FirstPositionRNN(nn.Module):
    def __init__(self, vector_dim, sentence_length, vocab):
        super(FirstPositionRNN, self).__init__()
        self.embedding = nn.Embedding(len(vocab), vector_dim, padding_idx=0)
        self.pool = nn.AvgPool1d(sentence_length)
        self.layer = nn.RNN(vector_dim, sentence_length + 1, bias=False, batch_first=True)
        self.activation = torch.sigmoid
        self.loss = nn.CrossEntropyLoss()

    def forward(self, x, y=None):
        x = self.embedding(x)
        x = x.transpose(1, 2)
        x = self.pool(x)
        x = x.squeeze()
        out, h = self.layer(x)
        y_pred = self.activation(out)
        if y is not None:
            return self.loss(y_pred, y)  # expect: LG001
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
