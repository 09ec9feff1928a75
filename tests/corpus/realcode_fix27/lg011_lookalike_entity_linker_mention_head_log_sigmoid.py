"""look-alike [LG011]: the same mention-boundary head after the fix: each boundary score goes through `nn.LogSigmoid()`, an element-wise log-probability with no axis to choose."""

# Source: facebookresearch/BLINK@a6ef1d61f5 blink/biencoder/biencoder.py (cut, renamed)
import torch
import torch.nn as nn


class MentionScoresHead(nn.Module):
    def __init__(self, hidden_dim, scoring_method="qa"):
        super().__init__()
        self.scoring_method = scoring_method
        if self.scoring_method == "qa":
            self.bound_classifier = nn.Sequential(
                nn.Linear(hidden_dim, 2),
                nn.LogSigmoid(),
            )
        else:
            raise NotImplementedError()

    def forward(self, encoder_output, mask):
        logits = self.bound_classifier(encoder_output)
        start_logprobs, end_logprobs = logits.split(1, dim=-1)
        start_logprobs = start_logprobs.squeeze(-1)
        end_logprobs = end_logprobs.squeeze(-1)
        start_logprobs[~mask] = -float("inf")
        end_logprobs[~mask] = -float("inf")
        mention_scores = start_logprobs.unsqueeze(2) + end_logprobs.unsqueeze(1)
        return mention_scores.view(mention_scores.size(0), -1)
