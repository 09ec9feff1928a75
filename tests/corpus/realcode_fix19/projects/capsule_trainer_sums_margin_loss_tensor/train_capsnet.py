"""part of positive project [LG006]: the entry point builds the model, its optimizer and scheduler, the level-weighted margin loss and the trainer, and runs the epochs."""

# Source: rzissoldt/Hierarchical-Multi-Label-Classification@464facd8d0 HARNN/train_buhcapsnet.py, fixed in f45e6b5fa6 (cut, renamed)
import torch
import torch.optim as optim

from losses import LevelMarginLoss
from trainer import CapsuleTrainer


def train_capsnet(args, model, data_loader, num_classes_list):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    optimizer = optim.Adam(model.parameters(), lr=args.learning_rate, weight_decay=args.l2_lambda)
    scheduler = optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, 10, 2)
    criterion = LevelMarginLoss(device=device, num_classes_list=num_classes_list)
    trainer = CapsuleTrainer(model=model, criterion=criterion, optimizer=optimizer, scheduler=scheduler, path_to_model=args.path, device=device)
    for epoch in range(args.epochs):
        trainer.train(epoch, data_loader)
