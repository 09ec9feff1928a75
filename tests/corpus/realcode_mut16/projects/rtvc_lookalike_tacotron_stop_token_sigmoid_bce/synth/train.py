"""part of look-alike project [LG002]: the synthesizer's training loop as written: the stop tokens reach F.binary_cross_entropy as probabilities."""
# Source: CorentinJ/Real-Time-Voice-Cloning@865eba8826 synthesizer/train.py (re-typed; hparams, checkpoints, plots and the dataset cut)
import torch
import torch.nn.functional as F
from torch import optim

from synth.models.tacotron import Tacotron
from synth.utils import run_parallel


def train(loader, schedule):
    model = Tacotron()
    optimizer = optim.Adam(model.parameters())
    for r, lr, steps in schedule:
        model.r = r
        for p in optimizer.param_groups:
            p["lr"] = lr
        for context, mels, stop in loader:
            if torch.cuda.device_count() > 1:
                m_hat, stop_pred = run_parallel(model, context, mels)
            else:
                m_hat, stop_pred = model(context, mels)
            m_loss = F.mse_loss(m_hat, mels) + F.l1_loss(m_hat, mels)
            stop_loss = F.binary_cross_entropy(stop_pred, stop)
            loss = m_loss + stop_loss
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
