"""part of positive project [LG006]: main_loop picks the criterion by the number of labels and calls train_one_epoch for training, then for validation under torch.no_grad."""
# Source: McGregorWwww/UDTransNet@46575873ef675acdc5d0aa5f79d5e48e99126339 train_kfold.py (read as is; re-typed, identifiers renamed, cut at function boundaries: the logger set-up, checkpoint saving, the k-fold split and the __main__ block left out; the model choice reduced to the UDTransNet branch)
import logging

import torch
import torch.optim
from tensorboardX import SummaryWriter

import Config as config
from nets.TF_configs import get_model_config
from nets.UDTransNet import UDTransNet
from train_one_epoch import train_one_epoch
from utils import BinaryDiceBCE, MultiClassDiceCE

logger = logging.getLogger()


def main_loop(train_loader, val_loader, batch_size=config.batch_size, model_type='', fold=0, tensorboard=True, kfold=0):
    lr = config.learning_rate
    if model_type == 'UDTransNet':
        cfg = get_model_config()
        model = UDTransNet(cfg, n_channels=config.n_channels, n_classes=config.n_labels, img_size=config.img_size)
    else:
        raise TypeError('Please enter a valid name for the model type')
    model = model.cuda()

    if config.n_labels == 1:
        criterion = BinaryDiceBCE(dice_weight=1, BCE_weight=1)
    else:
        criterion = MultiClassDiceCE(num_classes=config.n_labels)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)

    writer = SummaryWriter(config.tensorboard_folder) if tensorboard else None
    max_dice = 0.0
    for epoch in range(config.epochs):
        model.train(True)
        train_one_epoch(train_loader, model, criterion, optimizer, writer, epoch, None, fold, kfold, logger)
        with torch.no_grad():
            model.eval()
            val_loss, val_dice = train_one_epoch(val_loader, model, criterion, optimizer, writer, epoch, None, fold, kfold, logger)
        if val_dice > max_dice:
            max_dice = val_dice
    return max_dice
