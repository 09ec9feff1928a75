"""positive [LG001]: a course exercise's RNN classifier (which position of a sentence holds the letter 'a') applies nn.Softmax(dim=1) to its linear layer's output and hands those probabilities to its own nn.CrossEntropyLoss when labels are given (the student's fix, "optimize multiClassificationRNN.py", drops the activation and passes the logits)."""

# Source: yuriyuka/BadouNLP@3af17fb62a Vincent/week03/multiClassificationRNN.py, fixed in 5d1bb5c6cd (cut, renamed)
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
        self.activation = nn.Softmax(dim=1)
        self.loss = nn.CrossEntropyLoss()

    def forward(self, x, y=None):
        x = self.embedding(x)
        rnn_out, _ = self.rnn(x)
        x = rnn_out[:, -1, :]
        x = self.classify(x)
        y_pred = self.activation(x)
        if y is not None:
            y = y.long().squeeze()
            return self.loss(y_pred, y)  # expect: LG001
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
    for i in range(len(x)):
        if x[i] == "a":
            y = i
            break
        if i == len(x) - 1:
            y = random.randint(0, len(x) - 1)
            x[y] = "a"
    return [vocab.get(word, vocab["unk"]) for word in x], y


def build_dataset(count, vocab, sentence_length):
    xs, ys = [], []
    for _ in range(count):
        x, y = build_sample(vocab, sentence_length)
        xs.append(x)
        ys.append([y])
    return torch.LongTensor(xs), torch.FloatTensor(ys)


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
