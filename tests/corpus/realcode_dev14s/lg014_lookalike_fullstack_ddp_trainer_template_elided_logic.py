"""look-alike [LG014]: a DDP trainer template leaves each batch's training logic out with `...`; the gradient clearing may be in what is left out."""
# Source: seilk/fullstack-deeplearning@c38d973 ddp/train.py (cut, renamed)
import torch
import torch.distributed as dist


class DDPTrainer:
    def __init__(self, model, train_loader, val_loader, optimizer, device, epochs=10):
        self.model = model
        self.train_loader = train_loader
        self.val_loader = val_loader
        self.optimizer = optimizer
        self.device = device
        self.epochs = epochs

    def __call__(self):
        for epoch in range(self.epochs):
            self.train_epoch(self.model, self.train_loader, self.optimizer)
            self.validate_epoch()

    def train_epoch(self, model, loader, optimizer):
        """Fill in the training logic of one epoch."""
        loss = torch.Tensor([0.0]).to(self.device)
        self.model.train()
        for batch in loader:
            # the training logic of each batch goes here
            ...
            loss.backward()
            optimizer.step()
            self.save_state(model, "model_state.pth")
            dist.barrier()

    def validate_epoch(self):
        self.model.eval()
        with torch.no_grad():
            for batch in self.val_loader:
                ...

    def save_state(self, model, filename):
        if dist.get_rank() == 0:
            torch.save(model.state_dict(), filename)
