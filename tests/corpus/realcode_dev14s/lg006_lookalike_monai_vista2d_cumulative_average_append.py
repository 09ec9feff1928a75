"""look-alike [LG006]: each step's loss goes to MONAI's CumulativeAverage.append, which averages a detached copy; the object is re-made every epoch."""
# Source: Project-MONAI/tutorials@b3c6c99 vista_2d/vista_2d_tutorial_monai.ipynb (cell 15, cut, renamed)
import time

import torch
import torch.nn as nn
from monai.metrics import CumulativeAverage
from torch import GradScaler, autocast

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 3, 1)).to(device)
flow_loss = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), momentum=0.9, lr=0.01, weight_decay=1e-5)
scaler = GradScaler("cuda")
train_loader = []
max_epochs = 10
epoch_losses = []

for epoch in range(max_epochs):
    started = time.time()
    model.train()
    running = CumulativeAverage()
    mean_loss = 0
    for step, batch in enumerate(train_loader):
        images = batch["image"].to(device)
        flows = batch["flow"].to(device)
        optimizer.zero_grad(set_to_none=True)
        with autocast("cuda", dtype=torch.float16):
            pred = model(images)
            loss = flow_loss(pred.float(), flows)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        running.append(loss, count=images.shape[0])
        mean_loss = running.aggregate()
        print(f"epoch {epoch} step {step} loss {mean_loss:.4f} {time.time() - started:.1f}s")
    epoch_losses.append(mean_loss)
