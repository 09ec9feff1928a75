"""look-alike [LG001]: a user asks whether to apply softmax to the multiple-choice logits before CrossEntropyLoss; the posted code passes the raw logits, which is right."""

# Source: thread https://github.com/huggingface/transformers/issues/7827 (the two posted lines, re-typed and renamed;
# the logits and labels come from code the post does not show and stay undefined). The reply: no softmax is needed,
# CrossEntropyLoss takes the raw scores.
from torch.nn import CrossEntropyLoss

ce = CrossEntropyLoss()
choice_loss = ce(flat_choice_scores, choice_labels)
