"""part of look-alike project [LG014]: the voice-conversion solver's loop calls `self.optimizer.pre_step(self.step)` (the wrapper's `zero_grad()`, in src/optim.py) at the top of every batch, then the base solver's `backward()`, which steps."""

# Source: liusongxiang/ppg-vc@b59cb98 bin/train_linglf02mel_seq2seq_encAddlf0.py (re-typed, renamed, cut to the model, the optimizer and the training loop)
import torch
import torch.nn as nn

from src.optim import Optimizer

from .solver import BaseSolver


class MelDecoder(nn.Module):
    def __init__(self, ppg_dim=144, n_mels=80):
        super().__init__()
        self.rnn = nn.GRU(ppg_dim, 256, batch_first=True)
        self.proj = nn.Linear(256, n_mels)

    def forward(self, ppgs):
        out, _ = self.rnn(ppgs)
        return self.proj(out)


class Solver(BaseSolver):
    def __init__(self, config, paras, train_loader, max_step):
        super().__init__(config, paras)
        self.train_dataloader = train_loader
        self.max_step = max_step
        self.model = MelDecoder()
        self.optimizer = Optimizer(self.model.parameters(), **config["hparas"])
        self.criterion = nn.MSELoss()

    def exec(self):
        while self.step < self.max_step:
            for ppgs, mels in self.train_dataloader:
                lr_rate = self.optimizer.pre_step(self.step)
                mel_outputs = self.model(ppgs)
                loss = self.criterion(mel_outputs, mels)
                grad_norm = self.backward(loss)
                self.step += 1
                if self.step % 100 == 0:
                    print(f"step {self.step} lr {lr_rate:.2e} loss {loss.item():.4f} grad {grad_norm:.2f}")
                if self.step >= self.max_step:
                    break
