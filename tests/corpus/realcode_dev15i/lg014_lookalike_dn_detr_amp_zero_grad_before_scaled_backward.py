"""look-alike [LG014, LG006]: the detection trainer clears the gradients right before the (AMP-scaled or plain) backward, then steps; it logs the loss as a float and sums losses only inside a no_grad evaluation (the thread asks whether zero_grad must follow scaler.update())."""

# Source: https://github.com/IDEA-Research/DN-DETR/issues/18 (the thread points at engine.py#L76); IDEA-Research/DN-DETR@15fe049 engine.py (cut, renamed)
import math
import sys

import torch


def train_one_epoch(model, criterion, loader, optimizer, device, meter, max_norm=0.0, amp=False):
    scaler = torch.cuda.amp.GradScaler(enabled=amp)
    model.train()
    criterion.train()
    for samples, targets in loader:
        samples = samples.to(device)
        targets = [{k: v.to(device) for k, v in t.items()} for t in targets]
        with torch.cuda.amp.autocast(enabled=amp):
            outputs = model(samples)
            loss_dict = criterion(outputs, targets)
            weights = criterion.weight_dict
            losses = sum(loss_dict[k] * weights[k] for k in loss_dict.keys() if k in weights)
        loss_value = losses.item()
        if not math.isfinite(loss_value):
            print("Loss is {}, stopping training".format(loss_value))
            sys.exit(1)
        if amp:
            optimizer.zero_grad()
            scaler.scale(losses).backward()
            if max_norm > 0:
                scaler.unscale_(optimizer)
                torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
            scaler.step(optimizer)
            scaler.update()
        else:
            optimizer.zero_grad()
            losses.backward()
            if max_norm > 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
            optimizer.step()
        meter.update(loss=loss_value, lr=optimizer.param_groups[0]["lr"])
    return meter


@torch.no_grad()
def evaluate(model, criterion, loader, device, meter):
    model.eval()
    criterion.eval()
    for samples, targets in loader:
        outputs = model(samples.to(device))
        loss_dict = criterion(outputs, targets)
        weights = criterion.weight_dict
        scaled = {k: v * weights[k] for k, v in loss_dict.items() if k in weights}
        meter.update(loss=sum(scaled.values()), **scaled)
    return meter
