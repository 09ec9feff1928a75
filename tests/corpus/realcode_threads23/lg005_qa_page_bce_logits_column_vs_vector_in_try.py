"""positive [LG005]: a guide's "incorrect shapes": logits of shape (4, 1) against a target of shape (4,) in binary_cross_entropy_with_logits."""

# Source: https://runebook.dev/en/docs/pytorch/generated/torch.nn.functional.binary_cross_entropy_with_logits ("Common
# Issues with PyTorch's BCEWithLogitsLoss Explained"), its first example, re-typed and renamed. The page: the shapes
# must match exactly; add a dimension to the target with unsqueeze(1). The wrong call runs inside a try block.
import torch
import torch.nn.functional as F

# Incorrect shapes: target is (batch_size,), logits is (batch_size, 1)
scores_wrong = torch.randn(4, 1)
labels_wrong = torch.tensor([0, 1, 1, 0], dtype=torch.float32)
try:
    loss_wrong = F.binary_cross_entropy_with_logits(scores_wrong, labels_wrong)  # expect: LG005
except RuntimeError as e:
    print(f"Oops, a shape error occurred: {e}\n")

# Correct shapes: both are (batch_size, 1)
scores_right = torch.randn(4, 1)
labels_right = torch.tensor([0, 1, 1, 0], dtype=torch.float32).unsqueeze(1)
print(f"Shape of logits: {scores_right.shape}")
loss_right = F.binary_cross_entropy_with_logits(scores_right, labels_right)
