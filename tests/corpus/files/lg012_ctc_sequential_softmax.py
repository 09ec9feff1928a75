"""positive [LG012]: keyword spotter whose nn.Sequential head ends in nn.Softmax(dim=-1), used directly as CTCLoss input (multi-line)."""
import torch
import torch.nn as nn

head = nn.Sequential(nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 12), nn.Softmax(dim=-1))
encoder = nn.LSTM(40, 128, num_layers=2)
ctc = nn.CTCLoss(blank=11)
opt = torch.optim.Adam(list(encoder.parameters()) + list(head.parameters()), lr=1e-3)


def train(loader):
    for mfcc, targets, in_lens, tgt_lens in loader:
        opt.zero_grad()
        enc, _ = encoder(mfcc)
        out = head(enc)
        loss = ctc(
            out,  # expect: LG012
            targets,
            in_lens,
            tgt_lens,
        )
        loss.backward()
        opt.step()
