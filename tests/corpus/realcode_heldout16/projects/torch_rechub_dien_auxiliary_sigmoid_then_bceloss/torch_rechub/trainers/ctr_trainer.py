"""part of positive project [LG016]: the CTR trainer scores the model's sigmoid prediction with nn.BCELoss and, for models that return a second loss (DIEN, loss_mode=False), adds it before backward."""
# Source: datawhalechina/torch-rechub at 5a73b2e, torch_rechub/trainers/ctr_trainer.py; re-typed, identifiers
# renamed; early stopping, evaluation, ONNX export and the distributed set-up cut.
import torch
import tqdm

from ..basic.loss_func import RegularizationLoss


class ClickTrainer(object):
    def __init__(self, model, optimizer_fn=torch.optim.Adam, optimizer_params=None, regularization_params=None,
                 scheduler_fn=None, scheduler_params=None, n_epoch=10, device="cpu", loss_mode=True):
        self.model = model
        self.device = torch.device(device)
        self.model.to(self.device)
        if optimizer_params is None:
            optimizer_params = {"lr": 1e-3, "weight_decay": 1e-5}
        self.optimizer = optimizer_fn(self.model.parameters(), **optimizer_params)
        self.scheduler = None
        if scheduler_fn is not None:
            self.scheduler = scheduler_fn(self.optimizer, **scheduler_params)
        self.loss_mode = loss_mode
        self.criterion = torch.nn.BCELoss()
        self.n_epoch = n_epoch
        if regularization_params is None:
            regularization_params = {}
        self.reg_loss = RegularizationLoss(**regularization_params)

    def train_one_epoch(self, loader, log_interval=10):
        self.model.train()
        running = 0
        epoch_total = 0
        n = 0
        bar = tqdm.tqdm(loader, desc="train", smoothing=0, mininterval=1.0)
        for i, (x, y) in enumerate(bar):
            x = {k: v.to(self.device) for k, v in x.items()}
            y = y.to(self.device).float()
            if self.loss_mode:
                pred = self.model(x)
                loss = self.criterion(pred, y)
            else:
                pred, extra = self.model(x)
                loss = self.criterion(pred, y) + extra
            loss = loss + self.reg_loss(self.model)
            self.model.zero_grad()
            loss.backward()
            self.optimizer.step()
            running += loss.item()
            epoch_total += loss.item()
            n += 1
            if (i + 1) % log_interval == 0:
                bar.set_postfix(loss=running / log_interval)
                running = 0
        return epoch_total / n if n > 0 else 0

    def fit(self, train_loader, val_loader=None):
        for epoch in range(self.n_epoch):
            print('epoch:', epoch)
            self.train_one_epoch(train_loader)
            if self.scheduler is not None:
                self.scheduler.step()
