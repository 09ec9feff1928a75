"""positive [LG011]: an entity linker's mention-boundary head ends in `nn.LogSoftmax()` with no dim on the encoder's `(batch, seq_len, 2)` scores: for a 3-D input torch picks dim 0, so the start and end log-probabilities are normalised across the batch (the fix, "more bugs", replaces it)."""

# Source: facebookresearch/BLINK@64c129d869 blink/biencoder/biencoder.py, fixed in a6ef1d61f5 ("more bugs") (cut, renamed)
import torch
import torch.nn as nn


class MentionScoresHead(nn.Module):
    def __init__(self, hidden_dim, scoring_method="qa"):
        super().__init__()
        self.scoring_method = scoring_method
        if self.scoring_method == "qa":
            self.bound_classifier = nn.Sequential(
                nn.Linear(hidden_dim, 2),
                nn.LogSoftmax(),  # expect: LG011
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
