"""positive [LG013]: semantic segmentation with 59 classes: the ground-truth mask is a float tensor of class indices, shape (N, H, W), passed as the target of nn.CrossEntropyLoss on (N, 59, H, W) predictions; it raised on one platform and ran silently on others."""
# Source: the reporter's reproduction in https://github.com/pytorch/pytorch/issues/103813 (closed); re-typed,
# names changed. The bug is the reported one.
import torch

seg_loss = torch.nn.CrossEntropyLoss()
pred_masks = torch.randn((4, 59, 256, 256), dtype=torch.float32)
true_masks = torch.randn((4, 256, 256), dtype=torch.float32)
value = seg_loss(pred_masks, true_masks)  # expect: LG013
