"""part of positive project [LG006]: the trainer picks its loss function by the name in its options (`globals()[name]`) inside a helper, and adds each batch's loss tensor to total_loss (the fix adds .item())."""

# Source: stratifIAD/unet-pytorch@21aafd4f19 src/lib/trainer.py, fixed in fddcdea6f4 (cut, renamed)
import torch
from tqdm import tqdm

from loss import BCELogitsLoss, DiceLoss


class Trainer:
    def __init__(self, model, loaders, train_par, device):
        self.model = model.to(device)
        self.loaders = loaders
        self.train_par = train_par
        self.device = device
        self.op = torch.optim.Adam(self.model.parameters(), lr=train_par.lr)

    def get_loss(self, y_hat, y):
        if self.train_par.loss_opts.name is not None:
            self.loss_f = globals()[self.train_par.loss_opts.name]
        if self.train_par.loss_opts.name == 'BCELogitsLoss':
            if self.train_par.loss_opts.args.weight:
                return self.loss_f(y_hat, y, weight=self.pos_weight)
            else:
                return self.loss_f(y_hat, y)
        if self.train_par.loss_opts.name == 'DiceLoss':
            return self.loss_f(y_hat, y)

    def train_epoch(self, train_loader):
        self.model.train()
        total_loss = 0
        for img, mask in tqdm(train_loader):
            self.pos_weight = mask.mean()
            img, mask = img.to(self.device, dtype=torch.float), mask.to(self.device, dtype=torch.float)
            pred = self.model(img)
            loss = self.get_loss(pred, mask)
            total_loss += loss  # expect: LG006
            loss.backward()
            self.op.step()
            self.op.zero_grad()
        return total_loss / len(train_loader)
