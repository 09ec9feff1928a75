"""positive [LG015]: F.binary_cross_entropy_with_logits(..., reduction='none').backward() inline in a masked segmentation loop."""
import torch
import torch.nn.functional as F


def train(model, loader, optimizer, epochs=10):
    for epoch in range(epochs):
        for image, mask, valid in loader:
            optimizer.zero_grad()
            logits = model(image)
            F.binary_cross_entropy_with_logits(logits, mask, reduction="none").backward()  # expect: LG015
            optimizer.step()
