"""look-alike [LG006, LG014]: a multi-task volume trainer sums each task's loss into a total made fresh per batch, logs the terms with .item(), and clears after the accumulated step."""

# Source: TingYi028/Kaggle-vesuvius-9th@7578914 villa/segmentation/models/multi-task-3d-unet/training/trainers/basetrainer.py (re-typed, renamed, cut to the loop)
import torch


def train_epochs(model, optimizer, scaler, loader, loss_fns, task_weights, n_epochs, accumulate=4):
    device = torch.device("cuda")
    for epoch in range(n_epochs):
        model.train()
        running = {name: 0.0 for name in loss_fns}
        steps = 0
        for i, batch in enumerate(loader):
            images = batch["image"].to(device, dtype=torch.float32)
            targets = {k: v.to(device, dtype=torch.float32) for k, v in batch.items() if k != "image"}
            with torch.amp.autocast("cuda"):
                outputs = model(images)
                total = 0.0
                for name, truth in targets.items():
                    term = loss_fns[name](outputs[name], truth) * task_weights.get(name, 1.0)
                    total += term
                    running[name] += term.item()
            total = total / accumulate
            scaler.scale(total).backward()
            if (i + 1) % accumulate == 0 or (i + 1) == len(loader):
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1)
                scaler.step(optimizer)
                scaler.update()
                optimizer.zero_grad(set_to_none=True)
            steps += 1
        print(epoch, {name: value / steps for name, value in running.items()})
