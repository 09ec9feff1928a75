"""positive [LG006]: multi-task detector: per-component losses summed into a dict of running totals without detaching."""
import torch


def train_one_epoch(model, optimizer, data_loader, device, print_freq=50):
    model.train()
    meters = {"loss_classifier": 0.0, "loss_box_reg": 0.0, "loss_objectness": 0.0}
    for i, (images, targets) in enumerate(data_loader):
        images = [img.to(device) for img in images]
        targets = [{k: v.to(device) for k, v in t.items()} for t in targets]
        loss_dict = model(images, targets)
        losses = sum(loss for loss in loss_dict.values())
        optimizer.zero_grad()
        losses.backward()
        optimizer.step()
        cls_loss = loss_dict["loss_classifier"]
        meters["loss_classifier"] += cls_loss  # expect: LG006
        if i % print_freq == 0:
            print(i, {k: float(v) for k, v in meters.items()})
    return meters
