"""part of positive project [LG011]: models/RNN.py holds the poetry RNN (Linear head) and an LSTM classifier whose forward applies F.log_softmax without dim."""
# Source: Bye-lemon/PyTorch-Practice at 08c14d9e1e1b0e812ca2c2da2c0e19066c79ac15 models/RNN.py (the Dictionary helper shortened; both network classes re-typed as written, the LSTM classifier is not used by the app)
import torch
import torch.nn as nn
import torch.nn.functional as F
import numpy as np

WATCH = lambda x: print(x.shape)


class Vocabulary(object):
    def __init__(self):
        super(Vocabulary, self).__init__()
        self.word2idx = dict({})
        self.idx2word = []

    def __len__(self):
        return len(self.idx2word)


class CharRNN(nn.Module):
    def __init__(self, vocab_size, embedding_dim, hidden_dim, num_layers, target="lstm", bidirectional=False):
        super(CharRNN, self).__init__()
        self.net = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}.get(target)
        self.hidden_dim = hidden_dim
        self.num_layers = num_layers
        self.embedding = nn.Embedding(vocab_size, embedding_dim)
        self.rnn = self.net(input_size=embedding_dim, hidden_size=hidden_dim, num_layers=num_layers,
                            batch_first=True, bidirectional=bidirectional)
        self.fc = nn.Linear(in_features=hidden_dim, out_features=vocab_size)

    def forward(self, x, state=None):
        hidden = state if state is not None else self._init_state(x)
        batch_size, sequence_length = x.size()
        x = self.embedding(x)
        x, _ = self.rnn(x, hidden)
        x = x.reshape(batch_size * sequence_length, -1)
        x = self.fc(x)
        return x, _

    def _init_state(self, x):
        if self.net is nn.LSTM:
            return (
                x.data.new(self.num_layers, x.shape[0], self.hidden_dim).fill_(0).float(),
                x.data.new(self.num_layers, x.shape[0], self.hidden_dim).fill_(0).float(),
            )
        return x.data.new(self.num_layers, x.shape[0], self.hidden_dim).fill_(0).float()


class SentenceLSTM(nn.Module):
    def __init__(self, sequence_length, embedding_dim, hidden_dim, output_dim, embedding, batch_size,
                 max_vocab_size, num_layers=1, dropout_rate=0.2, bidirection=False):
        super(SentenceLSTM, self).__init__()
        self.sequence_length = sequence_length
        self.embedding_dim = embedding_dim
        self.hidden_dim = hidden_dim
        self.output_dim = output_dim
        self.embedding = embedding
        self.batch_size = batch_size
        self.bidirection = bidirection
        self.num_layers = num_layers
        self.word_embedding = nn.Embedding(num_embeddings=max_vocab_size, embedding_dim=embedding_dim)
        self.lstm = nn.LSTM(input_size=embedding_dim, hidden_size=hidden_dim)
        self.fc = nn.Linear(in_features=hidden_dim, out_features=output_dim)
        self.dropout = nn.Dropout(p=dropout_rate)

    def forward(self, x):
        x = self.word_embedding(x)
        h_0 = self._init_state(batch_size=x.size(0))
        out, (h_t, c_t) = self.lstm(x, h_0)
        self.dropout(h_t)
        y_pred = self.fc(h_t[-1])
        y_pred = F.log_softmax(y_pred)  # expect: LG011
        return y_pred

    def _init_state(self, batch_size):
        weight = next(self.parameters()).data
        return (
            weight.new(self.num_layers, batch_size, self.hidden_dim).zero_(),
            weight.new(self.num_layers, batch_size, self.hidden_dim).zero_(),
        )
