"""part of positive project [LG006, LG013]: the attention decoder, whose logits are the output projection times the embedding matrix, stacked over the target steps."""

# Source: jiangqn/seq2seq@00d49c9221 model/decoder.py, fixed in b65ee86ed5 (cut, renamed)
import torch
import torch.nn as nn

from model.attention import Attention


class Decoder(nn.Module):
    def __init__(self, embedding, cells, hidden_size):
        super(Decoder, self).__init__()
        self._embedding = embedding
        self._cells = cells
        self._query = nn.Linear(hidden_size, hidden_size)
        self._attn = Attention()
        self._project = nn.Linear(hidden_size * 2, hidden_size)

    def forward(self, memory, mask, states, output, trg):
        logits = []
        for i in range(trg.size(1)):
            token = trg[:, i : i + 1]
            logit, states, output = self._step(memory, mask, token, states, output)
            logits.append(logit)
        return torch.stack(logits, dim=1)

    def _step(self, memory, mask, token, prev_states, prev_output):
        embedded = self._embedding(token).squeeze(1)
        states = self._cells(torch.cat([embedded, prev_output], dim=1), prev_states)
        hidden, _ = states
        top = hidden[-1]
        context = self._attn(self._query(top), memory, memory, mask)
        output = self._project(torch.cat([top, context], dim=1))
        logit = torch.mm(output, self._embedding.weight.t())
        return logit, states, output
