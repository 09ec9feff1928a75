"""part of positive project [LG012]: the softmax posteriors of acoustic_model.AcousticModel go straight into nn.CTCLoss."""
import torch
import torch.nn as nn

from acoustic_model import AcousticModel


def subsampled_lengths(lengths):
    return ((lengths - 1) // 2 - 1) // 2


def train(loader, epochs=60, device="cuda"):
    model = AcousticModel().to(device)
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.98), weight_decay=1e-3)
    for epoch in range(epochs):
        for feats, feat_lens, tokens, token_lens in loader:
            feats = feats.to(device)
            posteriors = model(feats)
            loss = ctc(posteriors, tokens, subsampled_lengths(feat_lens), token_lens)  # expect: LG012
            opt.zero_grad()
            loss.backward()
            opt.step()
