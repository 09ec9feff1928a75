"""look-alike [LG001]: the user asks whether to softmax the reshaped multiple-choice logits before CrossEntropyLoss; the posted code passes them raw (correct, as the reply says)."""
# Source: https://github.com/huggingface/transformers/issues/7827 (the two lines the user posted; the head producing the logits stubbed, renamed)
import torch.nn as nn
from torch.nn import CrossEntropyLoss


class ChoiceHead(nn.Module):
    def __init__(self, hidden, num_choices):
        super().__init__()
        self.num_choices = num_choices
        self.score = nn.Linear(hidden, 1)

    def forward(self, pooled, mc_labels):
        logits = self.score(pooled)
        reshaped_logits = logits.view(-1, self.num_choices)
        loss_fct = CrossEntropyLoss()
        mc_loss = loss_fct(reshaped_logits, mc_labels)
        return mc_loss, reshaped_logits
