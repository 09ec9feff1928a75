"""look-alike [LG005, LG013]: segmentation: logits (2, 5, 64, 64) and class-index mask (2, 64, 64) in F.cross_entropy (correct)."""
import torch
import torch.nn.functional as F


def sanity_check():
    logits = torch.randn(2, 5, 64, 64, requires_grad=True)
    mask = torch.randint(0, 5, (2, 64, 64))
    loss = F.cross_entropy(logits, mask, ignore_index=255)
    loss.backward()
    assert logits.grad is not None
    soft = torch.softmax(torch.randn(2, 5, 64, 64), dim=1)
    soft_loss = F.cross_entropy(logits, soft)
    return loss.item(), soft_loss.item()


def check_masks(loader):
    for images, masks in loader:
        masks = masks.squeeze(1).long()
        assert masks.dim() == 3


if __name__ == "__main__":
    print(sanity_check())
