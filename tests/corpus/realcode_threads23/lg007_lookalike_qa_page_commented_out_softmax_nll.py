"""look-alike [LG007, LG011]: a page's "incorrect way" (Softmax into NLLLoss) left as a comment, the "correct way" LogSoftmax into NLLLoss."""

# Source: https://runebook.dev/en/docs/pytorch/generated/torch.nn.softmax ("Understanding PyTorch's torch.nn.Softmax
# and CrossEntropyLoss", 2025-08-26), its example, re-typed and renamed. The wrong call is commented out on the page,
# so the code as posted never runs it; the live call is log-probabilities into NLLLoss.
import torch
import torch.nn as nn

logits = torch.randn(1, 5)

# Incorrect way: Softmax + NLLLoss
softmax_layer = nn.Softmax(dim=1)
probs = softmax_layer(logits)
nll = nn.NLLLoss()
target = torch.tensor([2])
# loss = nll(probs, target)

# Correct way: LogSoftmax + NLLLoss
log_softmax_layer = nn.LogSoftmax(dim=1)
log_probs = log_softmax_layer(logits)
nll2 = nn.NLLLoss()
loss = nll2(log_probs, target)
print(f"Correct loss: {loss.item()}")
