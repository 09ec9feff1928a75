"""positive [LG011]: course seq2seq decoders: self.softmax = nn.LogSoftmax() (no dim) in DecoderRNN, and F.softmax(...) / F.log_softmax(...) without dim for the attention weights and the output of AttnDecoderRNN (2-D inputs: the implicit axis is the right one)."""
# Source: https://github.com/L1aoXingyu/code-of-learn-deep-learning-with-pytorch
# chapter10_Natural-Language-Process/seq2seq-translation/model/seq2seq.py at ea24810dc26265e85e3eec34e1d091d21202d800 (found by this survey);
# re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torch.nn.functional as F

MAX_LENGTH = 10


class DecoderRNN(nn.Module):
    def __init__(self, hidden_size, output_size, n_layers=1):
        super(DecoderRNN, self).__init__()
        self.n_layers = n_layers
        self.hidden_size = hidden_size
        self.embedding = nn.Embedding(output_size, hidden_size)
        self.gru = nn.GRU(hidden_size, hidden_size)
        self.out = nn.Linear(hidden_size, output_size)
        self.softmax = nn.LogSoftmax()  # expect: LG011

    def forward(self, input, hidden):
        output = self.embedding(input)
        output = output.permute(1, 0, 2)
        for i in range(self.n_layers):
            output = F.relu(output)
            output, hidden = self.gru(output, hidden)
        output = self.softmax(self.out(output[0]))
        return output, hidden


class AttnDecoderRNN(nn.Module):
    def __init__(self, hidden_size, output_size, n_layers=1, dropout_p=0.1, max_length=MAX_LENGTH):
        super(AttnDecoderRNN, self).__init__()
        self.hidden_size = hidden_size
        self.output_size = output_size
        self.n_layers = n_layers
        self.embedding = nn.Embedding(self.output_size, self.hidden_size)
        self.attn = nn.Linear(self.hidden_size * 2, max_length)
        self.attn_combine = nn.Linear(self.hidden_size * 2, self.hidden_size)
        self.dropout = nn.Dropout(dropout_p)
        self.gru = nn.GRU(self.hidden_size, self.hidden_size)
        self.out = nn.Linear(self.hidden_size, self.output_size)

    def forward(self, input, hidden, encoder_outputs):
        embedded = self.embedding(input)
        embedded = self.dropout(embedded)
        embedded = embedded.squeeze(1)
        attn_weights = F.softmax(  # expect: LG011
            self.attn(torch.cat((embedded, hidden[0]), 1)))
        encoder_outputs = encoder_outputs.unsqueeze(0)
        attn_applied = torch.bmm(attn_weights.unsqueeze(1), encoder_outputs)
        output = torch.cat((embedded, attn_applied.squeeze(1)), 1)
        output = self.attn_combine(output).unsqueeze(0)
        for i in range(self.n_layers):
            output = F.relu(output)
            output, hidden = self.gru(output, hidden)
        output = F.log_softmax(self.out(output.squeeze(0)))  # expect: LG011
        return output, hidden, attn_weights
