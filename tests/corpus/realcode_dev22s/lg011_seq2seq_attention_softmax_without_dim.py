"""positive [LG011]: the batched attention seq2seq tutorial normalises its `(B, T)` attention energies with `F.softmax(...)` and its decoder's `(B, V)` scores with `F.log_softmax(...)`, both without `dim` (the implicit axis is 1, the one meant, with a deprecation warning)."""

# Source: AuCson/PyTorch-Batch-Attention-Seq2seq@f1ae2f5 attentionRNN.py (re-typed, renamed, cut to the attention and the decoder step)
import torch
import torch.nn as nn
import torch.nn.functional as F


class Attention(nn.Module):
    def __init__(self, hidden_size):
        super().__init__()
        self.attn = nn.Linear(hidden_size * 2, hidden_size)
        self.v = nn.Parameter(torch.rand(hidden_size))

    def forward(self, hidden, encoder_outputs):
        max_len = encoder_outputs.size(0)
        h = hidden.repeat(max_len, 1, 1).transpose(0, 1)
        enc = encoder_outputs.transpose(0, 1)
        energy = torch.tanh(self.attn(torch.cat([h, enc], 2))).transpose(2, 1)
        v = self.v.repeat(enc.size(0), 1).unsqueeze(1)
        scores = torch.bmm(v, energy).squeeze(1)
        return F.softmax(scores).unsqueeze(1)  # expect: LG011


class AttnDecoder(nn.Module):
    def __init__(self, hidden_size, embed_size, output_size):
        super().__init__()
        self.embedding = nn.Embedding(output_size, embed_size)
        self.attn = Attention(hidden_size)
        self.gru = nn.GRU(hidden_size + embed_size, hidden_size)
        self.out = nn.Linear(hidden_size, output_size)

    def forward(self, word_input, last_hidden, encoder_outputs):
        embedded = self.embedding(word_input).view(1, word_input.size(0), -1)
        weights = self.attn(last_hidden[-1], encoder_outputs)
        context = weights.bmm(encoder_outputs.transpose(0, 1)).transpose(0, 1)
        output, hidden = self.gru(torch.cat((embedded, context), 2), last_hidden)
        output = F.log_softmax(self.out(output.squeeze(0)))  # expect: LG011
        return output, hidden
