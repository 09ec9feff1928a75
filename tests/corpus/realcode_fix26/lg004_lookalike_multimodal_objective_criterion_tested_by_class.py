"""look-alike [LG004]: a multimodal benchmark's objectives hand the supervised loss to a helper that gives each loss class the target it takes, testing the criterion's class: `.long()` for CrossEntropyLoss, `.float()` for the logits BCE and the regressions. The objective below defaults to BCEWithLogitsLoss, which never takes the `.long()` branch (reported as LG004 there before round 36; the same at every commit of the helper, with `type(criterion) ==` tests in 2021 and `isinstance` since)."""

# Source: pliang279/MultiBench@49f9be224f objective_functions/objectives_for_supervised_learning.py and training_structures/Supervised_Learning.py (cut, renamed)
import torch
import torch.nn as nn

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")


def _criterioning(pred, truth, criterion):
    if isinstance(criterion, torch.nn.CrossEntropyLoss):
        truth = truth.squeeze() if len(truth.shape) == len(pred.shape) else truth
        return criterion(pred, truth.long().to(device))
    if isinstance(criterion, (torch.nn.modules.loss.BCEWithLogitsLoss, torch.nn.MSELoss, torch.nn.L1Loss)):
        return criterion(pred, truth.float().to(device))


def RMFE_object(reg_weight=1e-10, criterion=torch.nn.BCEWithLogitsLoss()):
    def _regfunc(pred, truth, args):
        ce_loss = _criterioning(pred, truth, criterion)
        reg = sum(p.pow(2).sum() for p in args["model"].parameters())
        return ce_loss + reg_weight * reg

    return _regfunc


class LateFusion(nn.Module):
    def __init__(self, dims, n_labels):
        super().__init__()
        self.encoders = nn.ModuleList([nn.Linear(d, 64) for d in dims])
        self.head = nn.Linear(64 * len(dims), n_labels)

    def forward(self, inputs):
        return self.head(torch.cat([torch.relu(e(x)) for e, x in zip(self.encoders, inputs)], dim=1))


def train(train_loader, dims, n_labels, epochs=10):
    model = LateFusion(dims, n_labels).to(device)
    objective = RMFE_object()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    for _ in range(epochs):
        for j in train_loader:
            optimizer.zero_grad()
            out = model([i.float().to(device) for i in j[:-1]])
            loss = objective(out, j[-1], {"model": model})
            loss.backward()
            optimizer.step()
