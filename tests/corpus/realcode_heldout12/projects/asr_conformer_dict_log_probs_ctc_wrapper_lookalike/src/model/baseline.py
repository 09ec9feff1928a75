"""part of look-alike project [LG006, LG012, LG014]: the baseline acoustic model returns a dict whose 'log_probs' entry is log_softmax over the token dimension, batch first."""
# Source: Torfinhell/ASR_Conformer@ce38698b54797a1dd8fd45c5fc691529296e1b32 src/model/baseline.py (read as is; re-typed, identifiers renamed, the docstring left out)
from torch import nn


class FeedForwardASR(nn.Module):

    def __init__(self, model_dim, n_tokens, fc_hidden=512):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(model_dim, fc_hidden),
            nn.ReLU(),
            nn.Linear(fc_hidden, fc_hidden),
            nn.ReLU(),
            nn.Linear(fc_hidden, n_tokens),
        )

    def forward(self, spectrogram, spectrogram_lengths, **batch):
        out = self.net(spectrogram.transpose(1, 2))
        log_probs = nn.functional.log_softmax(out, dim=-1)
        return {"log_probs": log_probs, "log_probs_length": spectrogram_lengths}
