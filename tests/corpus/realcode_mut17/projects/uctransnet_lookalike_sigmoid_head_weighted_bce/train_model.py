"""part of look-alike project [LG003]: the training script builds the one-class model from the settings and trains it with the weighted Dice-BCE loss."""
# Source: McGregorWwww/UCTransNet@493bd8136b train_model.py and Train_one_epoch.py (main_loop, train_one_epoch, re-typed; datasets, logging, the scheduler, validation and checkpoints cut)
import torch

import Config as config
from nets.UCTransNet import UCTransNet
from utils import WeightedDiceBCE


def train_one_epoch(loader, model, criterion, optimizer):
    loss_sum = 0.0
    for i, (sampled_batch, names) in enumerate(loader, 1):
        images, masks = sampled_batch["image"], sampled_batch["label"]
        preds = model(images)
        out_loss = criterion(preds, masks.float())
        if model.training:
            optimizer.zero_grad()
            out_loss.backward()
            optimizer.step()
        loss_sum += len(images) * out_loss.item()
    return loss_sum


def main_loop(train_loader, model_type=""):
    if model_type == "UCTransNet":
        config_vit = config.get_CTranS_config()
        model = UCTransNet(config_vit, n_channels=config.n_channels, n_classes=config.n_labels)
    else:
        raise TypeError("Please enter a valid name for the model type")
    criterion = WeightedDiceBCE(dice_weight=0.5, BCE_weight=0.5)
    optimizer = torch.optim.Adam(filter(lambda p: p.requires_grad, model.parameters()), lr=config.learning_rate)
    for epoch in range(config.epochs):
        model.train(True)
        train_one_epoch(train_loader, model, criterion, optimizer)
    return model


if __name__ == "__main__":
    model = main_loop(train_loader, model_type=config.model_name)
