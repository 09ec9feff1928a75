"""part of look-alike project [LG014]: a GE2E speaker encoder whose gradient helper rescales two parameters' gradients (p.grad *= 0.01) and clips; it clears nothing."""
# Source: CorentinJ/Real-Time-Voice-Cloning@865eba8826 encoder/model.py (re-typed, cut to the network, the gradient helper and the loss)
import numpy as np
import torch
from torch import nn
from torch.nn.utils import clip_grad_norm_

MEL_CHANNELS = 40
HIDDEN = 256
EMBEDDING = 256


class VoiceEncoder(nn.Module):
    def __init__(self, device, loss_device):
        super().__init__()
        self.loss_device = loss_device
        self.lstm = nn.LSTM(input_size=MEL_CHANNELS, hidden_size=HIDDEN, num_layers=3, batch_first=True).to(device)
        self.linear = nn.Linear(HIDDEN, EMBEDDING).to(device)
        self.relu = nn.ReLU().to(device)
        self.sim_weight = nn.Parameter(torch.tensor([10.0])).to(loss_device)
        self.sim_bias = nn.Parameter(torch.tensor([-5.0])).to(loss_device)
        self.loss_fn = nn.CrossEntropyLoss().to(loss_device)

    def gradient_ops(self):
        self.sim_weight.grad *= 0.01
        self.sim_bias.grad *= 0.01
        clip_grad_norm_(self.parameters(), 3, norm_type=2)

    def forward(self, utterances, hidden_init=None):
        out, (hidden, cell) = self.lstm(utterances, hidden_init)
        raw = self.relu(self.linear(hidden[-1]))
        return raw / (torch.norm(raw, dim=1, keepdim=True) + 1e-5)

    def loss(self, embeds):
        n_speakers, n_utterances = embeds.shape[:2]
        centroids = embeds.mean(dim=1)
        sim = embeds.reshape(n_speakers * n_utterances, -1) @ centroids.t()
        sim = sim * self.sim_weight + self.sim_bias
        target = torch.from_numpy(np.repeat(np.arange(n_speakers), n_utterances)).long().to(self.loss_device)
        return self.loss_fn(sim, target)
