"""part of positive project [LG016]: the encoder-decoder attractor of the EEND diarization model scores speaker existence with F.binary_cross_entropy on torch.sigmoid of its Linear counter's logits (float32 0/1 labels)."""
# Source: modelscope/FunASR at 3c58cb56 (read as is), funasr/models/eend/encoder_decoder_attractor.py; re-typed,
# identifiers renamed; docstrings cut.
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


class EncoderDecoderAttractor(nn.Module):
    def __init__(self, n_units, encoder_dropout=0.1, decoder_dropout=0.1):
        super(EncoderDecoderAttractor, self).__init__()
        self.enc0_dropout = nn.Dropout(encoder_dropout)
        self.encoder = nn.LSTM(n_units, n_units, 1, batch_first=True, dropout=encoder_dropout)
        self.dec0_dropout = nn.Dropout(decoder_dropout)
        self.decoder = nn.LSTM(n_units, n_units, 1, batch_first=True, dropout=decoder_dropout)
        self.counter = nn.Linear(n_units, 1)
        self.n_units = n_units

    def forward_core(self, xs, zeros):
        ilens = torch.from_numpy(np.array([x.shape[0] for x in xs])).to(torch.int64)
        xs = [self.enc0_dropout(x) for x in xs]
        xs = nn.utils.rnn.pad_sequence(xs, batch_first=True, padding_value=-1)
        xs = nn.utils.rnn.pack_padded_sequence(xs, ilens, batch_first=True, enforce_sorted=False)
        _, (hx, cx) = self.encoder(xs)
        zlens = torch.from_numpy(np.array([z.shape[0] for z in zeros])).to(torch.int64)
        max_zlen = torch.max(zlens).to(torch.int).item()
        zeros = [self.enc0_dropout(z) for z in zeros]
        zeros = nn.utils.rnn.pad_sequence(zeros, batch_first=True, padding_value=-1)
        zeros = nn.utils.rnn.pack_padded_sequence(zeros, zlens, batch_first=True, enforce_sorted=False)
        atts, (_, _) = self.decoder(zeros, (hx, cx))
        atts = nn.utils.rnn.pad_packed_sequence(atts, batch_first=True, padding_value=-1, total_length=max_zlen)[0]
        return [a[: zlens[i].to(torch.int).item()] for i, a in enumerate(atts)]

    def forward(self, xs, n_speakers):
        zeros = [torch.zeros(n + 1, self.n_units).to(torch.float32).to(xs[0].device) for n in n_speakers]
        atts = self.forward_core(xs, zeros)
        labels = torch.cat(
            [torch.from_numpy(np.array([[1] * n + [0]], np.float32)) for n in n_speakers],
            dim=1,
        )
        labels = labels.to(xs[0].device)
        logit = torch.cat([self.counter(a).view(-1, n + 1) for a, n in zip(atts, n_speakers)], dim=1)
        loss = F.binary_cross_entropy(torch.sigmoid(logit), labels)  # expect: LG016
        atts = [a[slice(0, a.shape[0] - 1)] for a in atts]
        return loss, atts

    def estimate(self, xs, max_n_speakers=15):
        zeros = [torch.zeros(max_n_speakers, self.n_units).to(torch.float32).to(xs[0].device) for _ in xs]
        atts = self.forward_core(xs, zeros)
        probs = [torch.sigmoid(torch.flatten(self.counter(a))) for a in atts]
        return atts, probs
