"""part of positive project [LG006]: the character LSTM: embedding, a two-layer LSTM from zero states, a Linear to the vocabulary applied to the flattened (T * N, hidden) outputs; forward returns the logits and the hidden state."""
# Source: goodboyyes2009/Pytorch_Study at 2cfdbfa5, rnn/chinese_poetry_rnn/model.py; re-typed, identifiers renamed; the shape comments cut.
import torch.nn as nn
from torch.autograd import Variable


class PoetryLSTM(nn.Module):
    def __init__(self, vocab_size, embedding_dim, hidden_dim):
        super(PoetryLSTM, self).__init__()
        self.hidden_dim = hidden_dim
        self.num_layers = 2
        self.embedding = nn.Embedding(vocab_size, embedding_dim)
        self.lstm = nn.LSTM(embedding_dim, hidden_size=self.hidden_dim, num_layers=self.num_layers, batch_first=True)
        self.linear = nn.Linear(in_features=self.hidden_dim, out_features=vocab_size)

    def forward(self, input, hidden=None):
        seq_len, batch_size = input.size()
        if hidden is None:
            h_0 = input.data.new(self.num_layers, batch_size, self.hidden_dim).fill_(0).float()
            c_0 = input.data.new(self.num_layers, batch_size, self.hidden_dim).fill_(0).float()
            h_0, c_0 = Variable(h_0), Variable(c_0)
        else:
            h_0, c_0 = hidden
        input = input.transpose(0, 1)
        embeds = self.embedding(input)
        output, hidden = self.lstm(embeds, (h_0, c_0))
        output = self.linear(output.reshape(seq_len * batch_size, -1))
        return output, hidden
