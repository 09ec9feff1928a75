"""part of look-alike project [LG007, LG011, LG006]: GRU decoder with attention whose forward returns log_softmax over the vocabulary (explicit dims)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class EncoderRNN(nn.Module):
    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.embedding = nn.Embedding(input_size, hidden_size)
        self.gru = nn.GRU(hidden_size, hidden_size, batch_first=True)

    def forward(self, src):
        return self.gru(self.embedding(src))


class AttnDecoderRNN(nn.Module):
    def __init__(self, hidden_size, output_size, dropout_p=0.1):
        super().__init__()
        self.embedding = nn.Embedding(output_size, hidden_size)
        self.attn_w = nn.Linear(hidden_size, hidden_size)
        self.gru = nn.GRU(2 * hidden_size, hidden_size, batch_first=True)
        self.out = nn.Linear(hidden_size, output_size)
        self.dropout = nn.Dropout(dropout_p)

    def forward(self, token, hidden, enc_outputs):
        emb = self.dropout(self.embedding(token))
        scores = torch.bmm(self.attn_w(hidden.transpose(0, 1)), enc_outputs.transpose(1, 2))
        weights = F.softmax(scores, dim=-1)
        context = torch.bmm(weights, enc_outputs)
        output, hidden = self.gru(torch.cat([emb, context], dim=2), hidden)
        return F.log_softmax(self.out(output.squeeze(1)), dim=1), hidden
