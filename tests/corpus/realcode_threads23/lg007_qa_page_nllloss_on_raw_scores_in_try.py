"""positive [LG007]: a guide's "wrong way": random raw scores (logits) straight into NLLLoss, inside a try block."""

# Source: https://runebook.dev/cn/docs/pytorch/generated/torch.nn.nllloss ("NLLLoss使用指南", 2025-11-26), its example,
# re-typed and renamed (comments translated). The page: feeding raw scores to NLLLoss gives wrong (often negative)
# losses and unstable training; apply LogSoftmax or F.log_softmax first. Unlike other pages, the wrong call runs here.
import torch
import torch.nn as nn
import torch.nn.functional as F

# model output (N=2, C=3): raw scores (logits)
raw_scores = torch.randn(2, 3)
target_labels = torch.tensor([1, 0])

# wrong: the raw scores directly
try:
    loss_incorrect = nn.NLLLoss()(raw_scores, target_labels)  # expect: LG007
except Exception as e:
    print(f"error (or a wrong result) with raw scores: {e}")

# right 1: a LogSoftmax layer before NLLLoss
log_probs_layer = nn.LogSoftmax(dim=1)(raw_scores)
loss_correct_1 = nn.NLLLoss()(log_probs_layer, target_labels)
print(f"right loss 1 (nn.LogSoftmax): {loss_correct_1.item():.4f}")

# right 2: F.log_softmax
log_probs_func = F.log_softmax(raw_scores, dim=1)
loss_correct_2 = nn.NLLLoss()(log_probs_func, target_labels)
print(f"right loss 2 (F.log_softmax): {loss_correct_2.item():.4f}")
