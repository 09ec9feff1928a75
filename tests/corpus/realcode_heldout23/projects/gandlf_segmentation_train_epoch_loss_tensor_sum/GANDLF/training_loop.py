"""part of positive project [LG006]: GaNDLF's train_network adds each batch's loss tensor (returned by step(), back-propagated just before) to total_epoch_train_loss for the whole epoch, so every batch's graph stays referenced until the epoch ends (the commit "mem leak fix" changes it to loss.cpu().data.item())."""
# Source: mlcommons/GaNDLF at 4bb1ec75 (the parent of 293b08c4, "mem leak fix"), GANDLF/training_loop.py; re-typed, identifiers
# renamed; the verbose memory printout, validate_network (which sums the same way, outside torch.no_grad) and the
# epoch driver cut. The data loader, torchio and the parameter parsing are not included.
import math
import os

import torch
import torchio

from GANDLF.losses import fetch_loss_function
from GANDLF.metrics import fetch_metric

os.environ["TORCHIO_HIDE_CITATION_PROMPT"] = "1"


def get_loss_and_metrics(ground_truth, predicted, params):
    loss_fn = fetch_loss_function(params["loss_function"], params)
    loss = loss_fn(predicted, ground_truth, params)
    metric_out = {}
    for metric in params["metrics"]:
        metric_fn = fetch_metric(metric)
        metric_out[metric] = metric_fn(predicted, ground_truth, params)
    return loss, metric_out


def step(model, image, label, params):
    if params["model"]["dimension"] == 2:
        image = torch.squeeze(image, -1)
        if len(params["value_keys"]) == 0:
            label = torch.squeeze(label, -1)
    if params["model"]["amp"]:
        with torch.cuda.amp.autocast():
            output = model(image)
    else:
        output = model(image)
    loss, metric_out = get_loss_and_metrics(label, output, params)
    if params["model"]["dimension"] == 2:
        output = torch.unsqueeze(output, -1)
    return loss, metric_out, output


def train_network(model, train_dataloader, optimizer, params):
    total_epoch_train_loss = 0
    total_epoch_train_metric = {}
    average_epoch_train_metric = {}
    for metric in params["metrics"]:
        total_epoch_train_metric[metric] = 0

    if params["model"]["amp"]:
        print("Using Automatic mixed precision", flush=True)
        scaler = torch.cuda.amp.GradScaler()

    model.train()
    for batch_idx, subject in enumerate(train_dataloader):
        optimizer.zero_grad()
        image = torch.cat(
            [subject[key][torchio.DATA] for key in params["channel_keys"]], dim=1
        ).float().to(params["device"])
        if len(params["value_keys"]) > 0:
            label = torch.cat([subject[key] for key in params["value_keys"]], dim=0)
            label = label.reshape(params["batch_size"], len(params["value_keys"]))
        else:
            label = subject["label"][torchio.DATA]
        label = label.to(params["device"])
        loss, calculated_metrics, _ = step(model, image, label, params)
        if params["model"]["amp"]:
            with torch.cuda.amp.autocast():
                if not torch.isnan(loss):
                    scaler.scale(loss).backward()
                    scaler.step(optimizer)
                    scaler.update()
        else:
            if not math.isnan(loss):
                loss.backward()
                optimizer.step()

        total_epoch_train_loss += loss  # expect: LG006
        for metric in calculated_metrics.keys():
            total_epoch_train_metric[metric] += calculated_metrics[metric]

        if (batch_idx + 1) % (len(train_dataloader) / 2) == 0:
            print("Epoch Average Train loss : ", total_epoch_train_loss / (batch_idx + 1))

    average_epoch_train_loss = total_epoch_train_loss / len(train_dataloader)
    for metric in params["metrics"]:
        average_epoch_train_metric[metric] = total_epoch_train_metric[metric] / len(train_dataloader)
    return average_epoch_train_loss, average_epoch_train_metric
