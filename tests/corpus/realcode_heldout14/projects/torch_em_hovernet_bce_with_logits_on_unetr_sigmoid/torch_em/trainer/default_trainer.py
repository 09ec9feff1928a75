"""part of positive project [LG003]: the default trainer computes self.loss(pred, y) on the model's output and backpropagates it."""
# Source: constantinpape/torch-em at dfde97fd ("Fix minor issues with hovernet loss", which switched the loss to logits
# while UNETR still ended in nn.Sigmoid; the sigmoid became optional, default None, in 83f87fff), torch_em/trainer/default_trainer.py and torch_em/segmentation.py; re-typed; logging, validation,
# checkpointing and mixed precision cut.
import torch


class DefaultTrainer:
    def __init__(self, name, model, train_loader, val_loader, loss, metric, optimizer, device, max_iteration=100000):
        self.name = name
        self.model = model
        self.train_loader = train_loader
        self.val_loader = val_loader
        self.loss = loss
        self.metric = metric
        self.optimizer = optimizer
        self.device = device
        self.max_iteration = max_iteration
        self._iteration = 0

    def _forward_and_loss(self, x, y):
        pred = self.model(x)
        loss = self.loss(pred, y)
        return pred, loss

    def _train_epoch(self):
        self.model.train()
        for x, y in self.train_loader:
            x, y = x.to(self.device), y.to(self.device)
            self.optimizer.zero_grad()
            pred, loss = self._forward_and_loss(x, y)
            loss.backward()
            self.optimizer.step()
            self._iteration += 1
            if self._iteration >= self.max_iteration:
                break

    def fit(self, iterations):
        self.max_iteration = iterations
        while self._iteration < self.max_iteration:
            self._train_epoch()


def default_segmentation_trainer(name, model, train_loader, val_loader, loss=None, metric=None, learning_rate=1e-3, device=None, **kwargs):
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
    return DefaultTrainer(name, model, train_loader, val_loader, loss, metric, optimizer, device)
