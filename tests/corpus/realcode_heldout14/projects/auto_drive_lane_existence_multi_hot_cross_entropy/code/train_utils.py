"""part of positive project [LG005]: the training schedule hands inputs, masks and existence flags to the criterion together with the network."""
# Source: voldemortX/pytorch-auto-drive at the parent of df6a58e ("SCNN bugs fixed", which switches the existence loss to
# binary_cross_entropy_with_logits on a float target and drops the head's sigmoid), code/all_utils_landec.py; re-typed, identifiers renamed; testing, checkpointing and the data-loader setup cut.
import torch
from torch.cuda.amp import GradScaler, autocast

from erfnet import ERFNet

num_lanes_tusimple = 6


def erfnet_tusimple(num_classes, encoder, decoder, spatial_conv=None):
    return ERFNet(num_classes=num_classes, encoder=encoder, decoder=decoder, aux=num_lanes_tusimple,
                  flattened_size=4500, spatial_conv=spatial_conv)


def train_schedule(writer, loader, device, criterion, net, optimizer, lr_scheduler, num_epochs, is_mixed_precision):
    net.train()
    epoch = 0
    loss_num_steps = int(len(loader) / 10) if len(loader) > 10 else 1
    if is_mixed_precision:
        scaler = GradScaler()
    while epoch < num_epochs:
        net.train()
        running_loss = 0.0
        for i, data in enumerate(loader, 0):
            inputs, labels, lane_existence = data
            inputs, labels, lane_existence = inputs.to(device), labels.to(device), lane_existence.to(device)
            optimizer.zero_grad()
            with autocast(is_mixed_precision):
                loss = criterion(inputs, labels, lane_existence, net)
            if is_mixed_precision:
                scaler.scale(loss).backward()
                scaler.step(optimizer)
                scaler.update()
            else:
                loss.backward()
                optimizer.step()
            lr_scheduler.step()
            running_loss += loss.item()
            current_step_num = int(epoch * len(loader) + i + 1)
            if current_step_num % loss_num_steps == (loss_num_steps - 1):
                writer.add_scalar("training loss", running_loss / 100, current_step_num)
                running_loss = 0.0
        epoch += 1
