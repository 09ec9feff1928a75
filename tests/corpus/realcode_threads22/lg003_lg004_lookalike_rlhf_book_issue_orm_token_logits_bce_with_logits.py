"""look-alike [LG003, LG004]: an outcome reward model's per-token head scores go, masked, as raw logits into binary_cross_entropy_with_logits against labels cast to float; the issue questions the loss's formulation, not its inputs."""

# Source: thread https://github.com/natolambert/rlhf-book/issues/505 (the lines the issue quotes from the training
# script, re-typed and renamed; they are a method body in the post, so they sit in the forward they come from, and the
# head and hidden-state helper stay undefined as in the post). The thread concerns per-token against per-sequence BCE;
# the loss is given logits (no sigmoid) and a float target, which is how BCEWithLogits is called.
import torch.nn as nn
import torch.nn.functional as F


class OutcomeRewardModel(nn.Module):
    def forward(self, input_ids, attention_mask, labels=None):
        hidden = self.hidden_states(input_ids, attention_mask)
        scores = self.score_head(hidden).squeeze(-1)

        loss = None
        if labels is not None:
            keep = labels != -100
            if keep.any():
                loss = F.binary_cross_entropy_with_logits(scores[keep], labels[keep].float())
            else:
                loss = scores.sum() * 0
        return scores, loss
