"""positive [LG012]: a phoneme-alignment task takes raw frame logits from the model's output dict and passes them to F.ctc_loss."""
# Source: issue https://github.com/gwx314/STARS/issues/9 (tasks/stars/task.py lines 521-527 pass
# ph_frame_logits, raw logits, to torch.nn.functional.ctc_loss); re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torch.nn.functional as F


class AlignerModel(nn.Module):
    def __init__(self, hidden, n_phonemes):
        super().__init__()
        self.encoder = nn.LSTM(80, hidden, batch_first=True, bidirectional=True)
        self.ph_frame_head = nn.Linear(2 * hidden, n_phonemes + 1)

    def forward(self, mel):
        h, _ = self.encoder(mel)
        return {"ph_frame_logits": self.ph_frame_head(h)}


class AlignTask:
    def __init__(self, hidden=256, n_phonemes=60):
        self.model = AlignerModel(hidden, n_phonemes)
        self.optimizer = torch.optim.AdamW(self.model.parameters(), lr=2e-4)

    def run_model(self, sample):
        output = self.model(sample["mel"])
        ph_frame_logits = output["ph_frame_logits"]  # B, T, C
        ph_ctc_loss = F.ctc_loss(
            ph_frame_logits.transpose(0, 1),  # expect: LG012
            sample["ph_seq"],
            sample["mel_lengths"],
            sample["ph_lengths"],
            blank=0,
        )
        return {"ph_ctc": ph_ctc_loss}

    def train_step(self, sample):
        losses = self.run_model(sample)
        total = sum(losses.values())
        self.optimizer.zero_grad()
        total.backward()
        self.optimizer.step()
