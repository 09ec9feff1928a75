"""look-alike [LG006]: total_loss sums one step's micro-batches; the optimizer steps through the scaler after the loop and is cleared after the step, so the next call starts afresh."""
# Source: lucidrains/deep-daze@c3c471e deep_daze/deep_daze.py (cut, renamed)
import torch
import torch.nn as nn
from torch.cuda.amp import GradScaler, autocast
from tqdm import trange


class Painter(nn.Module):
    def __init__(self, dim=64):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, dim), nn.Tanh(), nn.Linear(dim, dim))

    def forward(self, encoding):
        out = self.net(encoding)
        loss = -torch.cosine_similarity(out, encoding, dim=-1).mean()
        return out, loss


class Imagine(nn.Module):
    def __init__(self, iterations=100, epochs=2, gradient_accumulate_every=4):
        super().__init__()
        self.model = Painter()
        self.encoding = torch.randn(1, 64)
        self.iterations = iterations
        self.epochs = epochs
        self.gradient_accumulate_every = gradient_accumulate_every
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=1e-5)
        self.scaler = GradScaler()

    def train_step(self, epoch, iteration):
        total_loss = 0

        for _ in range(self.gradient_accumulate_every):
            with autocast(enabled=True):
                out, loss = self.model(self.encoding)
            loss = loss / self.gradient_accumulate_every
            total_loss += loss
            self.scaler.scale(loss).backward()
        out = out.cpu().float().clamp(0.0, 1.0)
        self.scaler.step(self.optimizer)
        self.scaler.update()
        self.optimizer.zero_grad()

        return out, total_loss

    def forward(self):
        for epoch in trange(self.epochs, desc="epochs"):
            pbar = trange(self.iterations, desc="iteration")
            for i in pbar:
                _, loss = self.train_step(epoch, i)
                pbar.set_description(f"loss: {loss.item():.2f}")


if __name__ == "__main__":
    Imagine()()
