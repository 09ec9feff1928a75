"""part of positive project [LG006]: the Tacotron training loop logs the loss tensor into a window of recent losses (the mutation), so each kept loss keeps its step's graph."""
# Source: CorentinJ/Real-Time-Voice-Cloning@865eba8826 synthesizer/train.py (re-typed; the model is a small stand-in for Tacotron, schedule, plots and checkpoints cut)
# Mutation: loss_window.append(loss) (was loss_window.append(loss.item()))
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim

from synth.utils import RecentValues


class MelNet(nn.Module):
    def __init__(self, n_mels=80, hidden=256):
        super().__init__()
        self.pre = nn.Linear(n_mels, hidden)
        self.post = nn.Linear(hidden, n_mels)
        self.stop = nn.Linear(hidden, 1)

    def forward(self, mels):
        h = torch.relu(self.pre(mels.transpose(1, 2)))
        return self.post(h).transpose(1, 2), torch.sigmoid(self.stop(h)).squeeze(-1)


def train(loader, epochs):
    model = MelNet()
    optimizer = optim.Adam(model.parameters())
    time_window = RecentValues(100)
    loss_window = RecentValues(100)
    for epoch in range(1, epochs + 1):
        for i, (mels, stop) in enumerate(loader, 1):
            start_time = time.time()
            mel_hat, stop_pred = model(mels)
            loss = F.mse_loss(mel_hat, mels) + F.l1_loss(mel_hat, mels) + F.binary_cross_entropy(stop_pred, stop)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            time_window.append(time.time() - start_time)
            loss_window.append(loss)
            print(f"| Epoch: {epoch} ({i}) | Loss: {loss_window.average:#.4} | {1.0 / time_window.average:#.2} steps/s |")
