"""positive [LG006]: a session-based recommender's shared train/test pass adds `loss / batch.num_graphs` to an epoch mean after the step of the training pass: the sum keeps every batch's graph (the test pass runs under no_grad)."""

# Source: userbehavioranalysis/SR-GNN_PyTorch-Geometric@25f6bcd src/train.py, src/main.py (re-typed, renamed, cut to the pass)
import numpy as np
import torch
import torch.nn as nn


class SessionGraphModel(nn.Module):
    def __init__(self, hidden, n_node):
        super().__init__()
        self.embedding = nn.Embedding(n_node, hidden)
        self.readout = nn.Linear(hidden, hidden)
        self.loss_function = nn.CrossEntropyLoss()

    def forward(self, data):
        hidden = self.embedding(data.x).mean(dim=1)
        return self.readout(hidden) @ self.embedding.weight[1:].t()


def forward_pass(model, loader, device, writer, epoch, top_k=20, optimizer=None, train_flag=True):
    if train_flag:
        model.train()
    else:
        model.eval()
        hit = []
    mean_loss = 0.0
    for i, batch in enumerate(loader):
        if train_flag:
            optimizer.zero_grad()
        scores = model(batch.to(device))
        targets = batch.y - 1
        loss = model.loss_function(scores, targets)
        if train_flag:
            loss.backward()
            optimizer.step()
            writer.add_scalar("loss/train_batch_loss", loss.item(), epoch * len(loader) + i)
        else:
            sub_scores = scores.topk(top_k)[1]
            for score, target in zip(sub_scores.detach().cpu().numpy(), targets.detach().cpu().numpy()):
                hit.append(np.isin(target, score))
        mean_loss += loss / batch.num_graphs  # expect: LG006
    writer.add_scalar("loss/mean", mean_loss.item(), epoch)


def main(train_loader, test_loader, device, writer, epochs, n_node):
    model = SessionGraphModel(100, n_node).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        forward_pass(model, train_loader, device, writer, epoch, optimizer=optimizer, train_flag=True)
        with torch.no_grad():
            forward_pass(model, test_loader, device, writer, epoch, train_flag=False)
