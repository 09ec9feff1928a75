"""part of look-alike project [LG001, LG006, LG014]: main builds the model through generate_model, CrossEntropyLoss imported by name, and runs train_epoch per epoch with a multistep scheduler."""
# Source: https://github.com/kenshohara/3D-ResNets-PyTorch main.py at 540a0ea1abaee379fa3651d4d5afbd2d667a1f49; re-typed, names changed, reduced. Correct code.
import torch
from torch.nn import CrossEntropyLoss
from torch.optim import SGD, lr_scheduler

from inference import inference
from models import resnet
from training import train_epoch


def main_worker(opt, train_loader, train_logger, train_batch_logger, inference_loader):
    model = resnet.generate_model(model_depth=opt.model_depth, n_classes=opt.n_classes)
    criterion = CrossEntropyLoss().to(opt.device)
    optimizer = SGD(model.parameters(), lr=opt.learning_rate, momentum=opt.momentum, weight_decay=opt.weight_decay)
    scheduler = lr_scheduler.MultiStepLR(optimizer, opt.multistep_milestones)
    for i in range(opt.begin_epoch, opt.n_epochs + 1):
        current_lr = optimizer.param_groups[0]["lr"]
        train_epoch(i, train_loader, model, criterion, optimizer, opt.device, current_lr, train_logger, train_batch_logger)
        scheduler.step()
    inference(inference_loader, model, opt.result_path, opt.class_names)
