"""look-alike [LG001]: the same course exercise at the student's fix: forward hands the linear layer's logits to nn.CrossEntropyLoss and applies softmax only when predicting; the labels are class indices."""

# Source: yuriyuka/BadouNLP@5d1bb5c6cd Vincent/week03/multiClassificationRNN.py (the fix commit; cut, renamed)
import random

import numpy as np
import torch
import torch.nn as nn


class PositionClassifier(nn.Module):
    def __init__(self, vector_dim, sentence_length, vocab):
        super(PositionClassifier, self).__init__()
        self.embedding = nn.Embedding(len(vocab), vector_dim, padding_idx=0)
        self.rnn = nn.RNN(vector_dim, vector_dim, bias=False, batch_first=True)
        self.classify = nn.Linear(vector_dim, sentence_length)
        self.loss = nn.CrossEntropyLoss()

    def forward(self, x, y=None):
        x = self.embedding(x)
        rnn_out, _ = self.rnn(x)
        x = rnn_out[:, -1, :]
        y_pred = self.classify(x)
        if y is not None:
            return self.loss(y_pred, y)
        else:
            return torch.softmax(y_pred, dim=1)


def build_vocab():
    vocab = {"pad": 0}
    for index, char in enumerate("abcdefghijklmnopqrstuvwxyz"):
        vocab[char] = index + 1
    vocab["unk"] = len(vocab)
    return vocab


def build_sample(vocab, sentence_length):
    x = [random.choice(list(vocab.keys())) for _ in range(sentence_length)]
    if "a" not in x:
        y = random.randint(0, sentence_length - 1)
        x[y] = "a"
    else:
        y = x.index("a")
    return [vocab.get(word, vocab["unk"]) for word in x], y


def build_dataset(count, vocab, sentence_length):
    xs, ys = [], []
    for _ in range(count):
        x, y = build_sample(vocab, sentence_length)
        xs.append(x)
        ys.append(y)
    return torch.LongTensor(xs), torch.LongTensor(ys)


def main():
    epochs, batch_size, per_epoch, dim, length = 10, 20, 500, 20, 6
    vocab = build_vocab()
    model = PositionClassifier(dim, length, vocab)
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
    torch.save(model.state_dict(), "model.pth")


if __name__ == "__main__":
    main()
