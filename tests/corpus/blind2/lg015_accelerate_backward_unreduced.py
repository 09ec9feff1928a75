"""positive [LG015]: an accelerate loop computes a reduction='none' smooth-L1 keypoint loss, multiplies it by visibility, and passes the unreduced tensor to accelerator.backward."""
import torch
import torch.nn as nn
from accelerate import Accelerator


def train(model, loader, epochs=50):
    accelerator = Accelerator()
    kp_loss = nn.SmoothL1Loss(reduction="none", beta=0.05)
    optimizer = torch.optim.AdamW(model.parameters(), lr=5e-4)
    model, optimizer, loader = accelerator.prepare(model, optimizer, loader)
    for epoch in range(epochs):
        for images, keypoints, visible in loader:
            pred = model(images)
            loss = kp_loss(pred, keypoints) * visible.unsqueeze(-1)
            optimizer.zero_grad()
            accelerator.backward(loss)  # expect: LG015
            optimizer.step()
