"""part of positive project [LG012]: a conformer-lite acoustic model whose forward returns softmax posteriors over the characters, (T, N, C)."""
import torch
import torch.nn as nn


class ConvSubsample(nn.Module):
    def __init__(self, n_mels, d_model):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(1, 32, 3, stride=2), nn.ReLU(),
            nn.Conv2d(32, 32, 3, stride=2), nn.ReLU(),
        )
        self.proj = nn.Linear(32 * (((n_mels - 1) // 2 - 1) // 2), d_model)

    def forward(self, feats):
        x = self.conv(feats.unsqueeze(1))
        b, c, t, f = x.shape
        return self.proj(x.permute(0, 2, 1, 3).reshape(b, t, c * f))


class AcousticModel(nn.Module):
    def __init__(self, n_mels=80, d_model=256, n_tokens=29):
        super().__init__()
        self.subsample = ConvSubsample(n_mels, d_model)
        layer = nn.TransformerEncoderLayer(d_model, nhead=4, dim_feedforward=1024, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, num_layers=6)
        self.ctc_head = nn.Linear(d_model, n_tokens)

    def forward(self, feats):
        h = self.encoder(self.subsample(feats))
        return self.ctc_head(h).softmax(dim=-1).transpose(0, 1)
