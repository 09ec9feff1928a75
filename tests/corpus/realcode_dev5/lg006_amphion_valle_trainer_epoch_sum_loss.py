"""positive [LG006]: an accelerate-based trainer adds each step's loss tensor to the epoch's sum after back-propagating it, so every step's graph lives until the epoch ends."""
# Source: open-mmlab/Amphion@6b1411c7a4 (the parent of c532b04, which removed valle_v2; the bug was confirmed in issue #263, "epoch_sum_loss += loss" to be "+= loss.item()") models/tts/valle_v2/base_trainer.py (re-typed: _train_epoch, _valid_epoch and train_loop; checkpointing, profiling and logging cut; names renamed)
import torch
from tqdm import tqdm


class ValleTrainer:
    def __init__(self, cfg, model, optimizer, accelerator, train_dataloader, valid_dataloader):
        self.cfg = cfg
        self.model = model
        self.optimizer = optimizer
        self.accelerator = accelerator
        self.train_dataloader = train_dataloader
        self.valid_dataloader = valid_dataloader
        self.epoch = 0
        self.step = 0
        self.batch_count = 0

    def get_lr(self, step):
        return self.cfg.train.base_lr * min(1.0, (step + 1) / self.cfg.train.warmup_steps)

    def _train_step(self, batch):
        out = self.model(**batch)
        return out.loss

    def _train_epoch(self):
        self.model.train()
        epoch_sum_loss: float = 0.0
        ema_loss = None
        for batch in tqdm(self.train_dataloader, desc=f"Training Epoch {self.epoch}", disable=not self.accelerator.is_main_process):
            lr = self.get_lr(self.step)
            for param_group in self.optimizer.param_groups:
                param_group["lr"] = lr
            with self.accelerator.accumulate(self.model):
                loss = self._train_step(batch)
                self.current_loss = loss.item()
                ema_loss = 0.99 * ema_loss + 0.01 * self.current_loss if ema_loss is not None else self.current_loss
                self.accelerator.backward(loss)
                if self.accelerator.sync_gradients:
                    self.accelerator.clip_grad_norm_(self.model.parameters(), 1.0)
                self.optimizer.step()
                self.optimizer.zero_grad()
            self.batch_count += 1
            if self.accelerator.sync_gradients:
                self.accelerator.log({"Step/Train Loss": loss, "Step/Learning Rate": self.optimizer.param_groups[0]["lr"]}, step=self.step)
                epoch_sum_loss += loss  # expect: LG006
                self.step += 1
        return epoch_sum_loss / len(self.train_dataloader) * self.cfg.train.gradient_accumulation_step

    @torch.inference_mode()
    def _valid_epoch(self):
        self.model.eval()
        epoch_sum_loss = 0.0
        for batch in self.valid_dataloader:
            batch_loss = self._train_step(batch)
            epoch_sum_loss += batch_loss.item()
        return epoch_sum_loss / len(self.valid_dataloader)

    def train_loop(self):
        while self.epoch < self.cfg.train.max_epoch:
            train_loss = self._train_epoch()
            valid_loss = self._valid_epoch()
            self.accelerator.log({"Epoch/Train Loss": train_loss, "Epoch/Valid Loss": valid_loss}, step=self.epoch)
            self.epoch += 1
