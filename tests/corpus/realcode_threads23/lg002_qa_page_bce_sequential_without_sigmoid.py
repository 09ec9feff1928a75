"""positive [LG002]: a Q&A page's "incorrect BCELoss usage": a Sequential ending in a Linear layer (no sigmoid) feeds BCELoss."""

# Source: https://taourl.com/read-2485436.html ("Why does my CNN for a Binary Classification problem have a constant
# 50% accuracy with BCELoss vs 80%+ with Cross Entropy Loss", answer, 2025-05-11), re-typed and renamed. The stored
# page lost every "()" and "*" of its code (nn.ReLU, nn.BCELoss, 16 26 26); they are restored here. The answer's own
# conclusion: BCELoss gets raw logits, the training is unstable; add a sigmoid or use BCEWithLogitsLoss. `batch` and
# `labels` are not defined in the post and stay undefined.
import torch
import torch.nn as nn

# Incorrect BCELoss usage (missing sigmoid)
net = nn.Sequential(
    nn.Conv2d(3, 16, kernel_size=3),
    nn.ReLU(),
    nn.Linear(16 * 26 * 26, 1),  # No sigmoid
)
bce = nn.BCELoss()
scores = net(batch)  # Raw logits
loss = bce(scores, labels)  # expect: LG002

# Correct CrossEntropyLoss usage (implicit softmax)
net2 = nn.Sequential(
    nn.Conv2d(3, 16, kernel_size=3),
    nn.ReLU(),
    nn.Linear(16 * 26 * 26, 2),
)
ce = nn.CrossEntropyLoss()
scores2 = net2(batch)
loss2 = ce(scores2, labels)
