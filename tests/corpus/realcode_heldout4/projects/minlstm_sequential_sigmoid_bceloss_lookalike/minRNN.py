"""part of look-alike project [LG002, LG016, LG003]: MinRNN runs a minimal LSTM cell over the embedded words and returns its nn.Sequential(Linear, Linear, Sigmoid) head."""
# Source: https://github.com/YecanLee/min-LSTM-torch minRNN.py at b0048d8deb3a65cd848f291244e8f6870c7dc592; re-typed, names changed, comments left out.
import torch
import torch.nn as nn

from minLSTMcell import MinLSTMCell


class MinRNN(nn.Module):
    def __init__(self, units, embedding_size, vocab_size, input_length):
        super(MinRNN, self).__init__()
        self.input_length = input_length
        self.units = units
        self.embedding = nn.Embedding(vocab_size, embedding_size)
        self.lstm = MinLSTMCell(units, embedding_size)
        self.classification_model = nn.Sequential(
            nn.Linear(units, 64),
            nn.Linear(64, 1),
            nn.Sigmoid(),
        )

    def forward(self, sentence):
        batch_size = sentence.shape[0]
        h = torch.zeros(batch_size, self.units, device=sentence.device)
        embedded = self.embedding(sentence)
        for i in range(embedded.shape[1]):
            word = embedded[:, i, :]
            h = self.lstm(h, word)
        return self.classification_model(h)
