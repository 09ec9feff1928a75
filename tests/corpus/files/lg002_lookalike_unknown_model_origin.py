"""look-alike [LG002]: the model comes from a registry of unknown origin (documented to end in sigmoid); nothing is certain, nothing is reported."""
import torch
import torch.nn as nn
from omegaconf import OmegaConf

from mylab.registry import build_model

cfg = OmegaConf.load("configs/wound_seg.yaml")
model = build_model(cfg.model).cuda()
criterion = nn.BCELoss()
optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.train.lr)


def train_one_epoch(loader):
    model.train()
    running = 0.0
    for step, (image, mask) in enumerate(loader):
        image, mask = image.cuda(), mask.cuda()
        prob = model(image)
        loss = criterion(prob, mask)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        running += loss.item()
    return running / (step + 1)
