"""part of positive project [LG015]: the base trainer keeps the model, optimizer and loss function."""

# Source: zh320/image-classification-pytorch@defb6b3112 core/base_trainer.py (BaseTrainer.__init__, re-typed; the
# distributed setup, EMA, checkpoints and validation cut)
import torch
from torch.cuda import amp

from .loss import make_loss_fn


class TrainerBase:
    def __init__(self, config, model, train_loader):
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.model = model.to(self.device)
        self.train_loader = train_loader
        self.loss_fn = make_loss_fn(config, self.device)
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=config.lr, momentum=0.9)
        self.scheduler = torch.optim.lr_scheduler.OneCycleLR(self.optimizer, max_lr=config.lr, total_steps=config.total_itrs)
        self.scaler = amp.GradScaler(enabled=config.amp_training)
