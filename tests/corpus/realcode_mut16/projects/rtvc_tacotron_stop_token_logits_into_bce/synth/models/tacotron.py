"""part of positive project [LG002]: a Tacotron whose decoder predicts stop tokens with a linear layer and, after the mutation, no sigmoid; the reduction factor r is a property stored in a decoder buffer."""
# Source: CorentinJ/Real-Time-Voice-Cloning@865eba8826 synthesizer/models/tacotron.py (re-typed; encoder, attention, postnet and the LSTM cells cut to a linear decoder step)
# Mutation: Decoder.forward returns the stop projection itself (was torch.sigmoid(s))
import torch
import torch.nn as nn


class Decoder(nn.Module):
    max_r = 20

    def __init__(self, n_mels, hidden):
        super().__init__()
        self.register_buffer("r", torch.tensor(1, dtype=torch.int))
        self.n_mels = n_mels
        self.step = nn.Linear(n_mels + hidden, hidden)
        self.mel_proj = nn.Linear(hidden, n_mels * self.max_r, bias=False)
        self.stop_proj = nn.Linear(hidden * 2, 1)

    def forward(self, context, prenet_in):
        x = torch.relu(self.step(torch.cat([prenet_in, context], dim=1)))
        mels = self.mel_proj(x)
        mels = mels.view(x.size(0), self.n_mels, self.max_r)[:, :, : self.r]
        s = torch.cat((x, context), dim=1)
        stop_tokens = self.stop_proj(s)
        return mels, stop_tokens


class Tacotron(nn.Module):
    def __init__(self, n_mels=80, hidden=256):
        super().__init__()
        self.n_mels = n_mels
        self.hidden = hidden
        self.decoder = Decoder(n_mels, hidden)

    @property
    def r(self):
        return self.decoder.r.item()

    @r.setter
    def r(self, value):
        self.decoder.r = self.decoder.r.new_tensor(value, requires_grad=False)

    def forward(self, context, m):
        batch_size, _, steps = m.size()
        go_frame = torch.zeros(batch_size, self.n_mels, device=m.device)
        mel_outputs, stop_outputs = [], []
        for t in range(0, steps, self.r):
            prenet_in = m[:, :, t - 1] if t > 0 else go_frame
            mel_frames, stop_tokens = self.decoder(context, prenet_in)
            mel_outputs.append(mel_frames)
            stop_outputs.extend([stop_tokens] * self.r)
        mel_outputs = torch.cat(mel_outputs, dim=2)
        stop_outputs = torch.cat(stop_outputs, 1)
        return mel_outputs, stop_outputs
