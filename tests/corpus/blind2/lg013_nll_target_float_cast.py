"""positive [LG013]: a speaker-ID model casts its labels with .float() (to move them with the features) and feeds them to nn.NLLLoss."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class XVector(nn.Module):
    def __init__(self, n_mels=40, n_speakers=1211, emb=512):
        super().__init__()
        self.tdnn = nn.Sequential(
            nn.Conv1d(n_mels, 512, 5, dilation=1), nn.ReLU(), nn.BatchNorm1d(512),
            nn.Conv1d(512, 512, 3, dilation=2), nn.ReLU(), nn.BatchNorm1d(512),
            nn.Conv1d(512, 1500, 1), nn.ReLU(),
        )
        self.segment = nn.Linear(3000, emb)
        self.out = nn.Linear(emb, n_speakers)

    def forward(self, mel):
        h = self.tdnn(mel)
        stats = torch.cat([h.mean(dim=2), h.std(dim=2)], dim=1)
        return F.log_softmax(self.out(F.relu(self.segment(stats))), dim=1)


def train(model, loader, epochs=20, device="cuda"):
    nll = nn.NLLLoss()
    optim = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(epochs):
        for mel, speaker in loader:
            mel = mel.to(device)
            speaker = speaker.to(device).float()
            log_post = model(mel)
            loss = nll(log_post, speaker)  # expect: LG013
            optim.zero_grad()
            loss.backward()
            optim.step()
