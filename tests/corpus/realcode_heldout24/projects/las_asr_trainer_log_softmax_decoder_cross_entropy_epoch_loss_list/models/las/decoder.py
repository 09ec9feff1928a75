"""part of positive project [LG001, LG006]: the speller: each forward_step embeds the previous characters, runs the LSTM and attention, applies a Linear layer to tanh of [context; rnn output] and returns F.log_softmax(output, dim=-1); forward stacks the per-step log-probabilities (with teacher forcing or greedy feedback) into (B, T, num_vocabs)."""
# Source: upskyy/Automatic-Speech-Recognition-Models at 4000c3e7 (read as is), models/las/decoder.py;
# re-typed, identifiers renamed; the location-aware and scaled-dot attention branches shortened, docstrings dropped.
import random
from typing import Any, Optional, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

from models.attention import MultiHeadAttention


class Decoder(nn.Module):
    supported_rnns = {'rnn': nn.RNN, 'lstm': nn.LSTM, 'gru': nn.GRU}

    def __init__(self, device: torch.device, num_vocabs: int, embedding_dim: int = 512, hidden_size: int = 512,
                 num_layers: int = 2, num_head: int = 8, max_len: int = 120, dropout: float = 0.3,
                 rnn_type: str = 'lstm', attn_mechanism: str = 'multi_head', sos_id: int = 1,
                 eos_id: int = 2) -> None:
        super(Decoder, self).__init__()
        rnn_cell = self.supported_rnns[rnn_type]
        self.embedding = nn.Embedding(num_vocabs, embedding_dim)
        self.rnn = rnn_cell(embedding_dim, hidden_size, num_layers, True, True, dropout, bidirectional=False)
        self.num_vocabs = num_vocabs
        self.max_len = max_len
        self.embedding_dropout = nn.Dropout(p=dropout)
        self.sos_id = sos_id
        self.eos_id = eos_id
        self.attn_mechanism = attn_mechanism
        self.device = device
        self.fc = nn.Linear(hidden_size << 1, num_vocabs)
        self.attention = MultiHeadAttention(hidden_size, num_head)

    def forward_step(self, inputs: Tensor, encoder_output: Tensor,
                     attn_distribution: Optional[Any] = None) -> Tuple[Tensor, Tensor]:
        if inputs.dim() == 1:
            inputs = inputs.unsqueeze(1)
        embedded = self.embedding(inputs).to(self.device)
        embedded = self.embedding_dropout(embedded)
        rnn_output, _ = self.rnn(embedded)
        context_vector, attn_distribution = self.attention(rnn_output, encoder_output, encoder_output)
        context_vector = torch.cat((context_vector, rnn_output), dim=-1)
        output = self.fc(torch.tanh(context_vector))
        output = F.log_softmax(output, dim=-1)
        return output, attn_distribution

    def forward(self, inputs: Tensor, encoder_output: Tensor, teacher_forcing_ratio: float = 1.0) -> Tensor:
        if self.training:
            self.rnn.flatten_parameters()
        attn_distribution = None
        decoder_output_prob = list()
        use_teacher_forcing = True if random.random() < teacher_forcing_ratio else False
        inputs, batch, max_len = self._validate_args(inputs, encoder_output, use_teacher_forcing)
        if use_teacher_forcing:
            inputs = inputs[inputs != self.eos_id].contiguous().view(batch, -1)
            decoder_output_prob, attn_distribution = self.forward_step(inputs, encoder_output, attn_distribution)
        else:
            for _ in range(max_len):
                output, attn_distribution = self.forward_step(inputs, encoder_output, attn_distribution)
                output = output.squeeze(1)
                decoder_output_prob.append(output)
                inputs = output.topk(1)[1]
            decoder_output_prob = torch.stack(decoder_output_prob, dim=1)
        return decoder_output_prob

    def _validate_args(self, inputs: Tensor, encoder_output: Tensor, use_teacher_forcing: bool):
        batch = encoder_output.size(0)
        if not use_teacher_forcing:
            inputs = torch.LongTensor([self.sos_id] * batch).unsqueeze(1)
            max_len = self.max_len
            if torch.cuda.is_available():
                inputs = inputs.cuda()
        else:
            max_len = inputs.size(1) - 1
        return inputs, batch, max_len
