"""positive [LG012, LG006]: cross-file: CTCLoss on AcousticModel's logits; `epoch_losses.append(loss)` keeps graphs."""
import torch
import torch.nn as nn

from model import AcousticModel


def train(loader, epochs=20):
    model = AcousticModel()
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-4)
    epoch_losses = []
    for epoch in range(epochs):
        for mels, targets, in_lens, tgt_lens in loader:
            optimizer.zero_grad()
            out = model(mels)
            loss = ctc(out, targets, in_lens, tgt_lens)  # expect: LG012
            loss.backward()
            optimizer.step()
            epoch_losses.append(loss)  # expect: LG006
        print(epoch, torch.stack(epoch_losses[-len(loader):]).mean().item())
