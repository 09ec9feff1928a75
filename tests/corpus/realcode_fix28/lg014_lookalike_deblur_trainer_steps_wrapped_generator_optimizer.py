"""look-alike [LG014]: a deblurring trainer, read alone, is handed an optimizer wrapper and calls `self.optimizer.zero_grad()` every batch, then steps the generator optimizer the wrapper holds, `self.scaler.step(self.optimizer.G)`: the wrapper's own `zero_grad` (in another file) clears `G`, so the gradients are cleared every step."""

# Source: SeungjunNah/DeepDeblur-PyTorch@26503541f9 src/train.py (the wrapper's zero_grad is `self.G.zero_grad()` in src/optim/__init__.py, not in this unit) (cut, renamed)
import torch
import torch.cuda.amp as amp
from tqdm import tqdm


class DeblurTrainer:
    def __init__(self, args, model, criterion, optimizer, loaders):
        self.args = args
        self.model = model
        self.criterion = criterion
        self.optimizer = optimizer
        self.loaders = loaders
        self.device = args.device
        self.scaler = amp.GradScaler(init_scale=args.init_scale, enabled=args.amp)

    def train(self, epoch):
        self.model.train()
        self.criterion.train()
        bar = tqdm(self.loaders["train"], ncols=80)
        torch.set_grad_enabled(True)
        for idx, batch in enumerate(bar):
            self.optimizer.zero_grad()
            blurred, sharp = batch[0].to(self.device), batch[1].to(self.device)
            with amp.autocast(self.args.amp):
                restored = self.model(blurred)
                loss = self.criterion(restored, sharp)
            self.scaler.scale(loss).backward()
            self.scaler.step(self.optimizer.G)
            self.scaler.update()
            bar.set_description(self.criterion.get_loss_desc())
        self.criterion.step()
        self.optimizer.schedule(self.criterion.get_last_loss())
