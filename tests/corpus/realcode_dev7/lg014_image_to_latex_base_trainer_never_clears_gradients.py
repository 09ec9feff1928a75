"""positive [LG014]: the trainer's fit loop back-propagates and steps every batch of the training phase but never calls optimizer.zero_grad(), so each step adds its gradients to all the earlier ones."""
# Source: kingyiusuen/image-to-latex@f65e93f571 (the parent of 8320c30, "Zero grad", which adds self.optimizer.zero_grad() before training_step) image_to_latex/trainers/base_trainer.py (re-typed: fit and the steps it calls; checkpointing, wandb and the learning-rate finder cut; names kept)
import time

import torch
import torch.nn as nn
from tqdm import tqdm


class BaseTrainer:
    def __init__(self, model, max_epochs=100, lr=0.001, use_scheduler=False):
        self.model = model
        self.max_epochs = max_epochs
        self.start_epoch = 1
        self.lr = lr
        self.use_scheduler = use_scheduler
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.criterion = nn.CrossEntropyLoss(ignore_index=0)

    def _configure_optimizer(self, train_dataloader):
        self.optimizer = torch.optim.AdamW(self.model.parameters(), lr=self.lr)
        if self.use_scheduler:
            self.scheduler = torch.optim.lr_scheduler.OneCycleLR(
                self.optimizer, max_lr=self.lr, epochs=self.max_epochs, steps_per_epoch=len(train_dataloader)
            )

    def _move_to_device(self, batch):
        return [x.to(self.device) for x in batch]

    def training_step(self, batch):
        imgs, targets = batch
        logits = self.model(imgs, targets[:, :-1])
        return self.criterion(logits, targets[:, 1:])

    @torch.no_grad()
    def validation_step(self, batch):
        return self.training_step(batch)

    def fit(self, train_dataloader, val_dataloader):
        self._configure_optimizer(train_dataloader)
        data_loaders = {"train": train_dataloader, "val": val_dataloader}
        self.model.to(self.device)
        for epoch in range(self.start_epoch, self.max_epochs + 1):
            avg_loss = {"train": 0.0, "val": 0.0}
            start_time = time.time()
            for phase in ["train", "val"]:
                total_loss = 0.0
                if phase == "train":
                    self.model.train()
                else:
                    self.model.eval()
                pbar = tqdm(data_loaders[phase], desc=phase, leave=False)
                for batch in pbar:
                    batch = self._move_to_device(batch)
                    if phase == "train":
                        loss = self.training_step(batch)
                        loss.backward()
                        self.optimizer.step()  # expect: LG014
                        if self.use_scheduler:
                            self.scheduler.step()
                    else:
                        loss = self.validation_step(batch)
                    total_loss += loss.item()
                    pbar.set_postfix({f"{phase}_loss": loss.item()})
                avg_loss[phase] = total_loss / len(data_loaders[phase].dataset)
            print(f"Epoch {epoch} | Train loss: {avg_loss['train']:.3f} | Val loss: {avg_loss['val']:.3f} | {time.time() - start_time:.0f}s")
