"""part of look-alike project [LG006, LG007, LG011]: the character RNN builds self.softmax = nn.LogSoftmax(dim=1) and returns log-probabilities over the languages with the new hidden state."""
# Source: furkanonur-ds-space/pytorch-learning-journey at e6fcea0a (read as is; a re-typing of the PyTorch char-RNN
# tutorial), 04_nlp_from_scratch/rnn_model.py;
# re-typed, identifiers renamed; docstrings and the shape-printing __main__ block cut.
import torch
import torch.nn as nn


class RNN(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super(RNN, self).__init__()
        self.hidden_size = hidden_size
        self.in2hid = nn.Linear(input_size + hidden_size, hidden_size)
        self.in2out = nn.Linear(input_size + hidden_size, output_size)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, x, hidden):
        joined = torch.cat((x, hidden), 1)
        hidden = self.in2hid(joined)
        out = self.in2out(joined)
        out = self.softmax(out)
        return out, hidden

    def initHidden(self):
        return torch.zeros(1, self.hidden_size)
