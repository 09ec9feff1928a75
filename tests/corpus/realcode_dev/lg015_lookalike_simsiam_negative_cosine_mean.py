"""look-alike [LG015, LG006]: SimSiam: criterion = nn.CosineSimilarity(dim=1) gives one value per sample; the loss is -(criterion(p1, z2).mean() + criterion(p2, z1).mean()) * 0.5, a scalar, before backward."""
# Source: https://github.com/facebookresearch/simsiam main_simsiam.py at a7bc1772896d0dad0806c51f0bb6f3b16d290468;
# re-typed, names changed, reduced. Correct code.
import torch
import torch.nn as nn


def train(train_loader, model, criterion, optimizer, epoch, losses):
    model.train()
    for i, (images, _) in enumerate(train_loader):
        p1, p2, z1, z2 = model(x1=images[0], x2=images[1])
        loss = -(criterion(p1, z2).mean() + criterion(p2, z1).mean()) * 0.5
        losses.update(loss.item(), images[0].size(0))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def main(model, train_loader, init_lr, epochs):
    criterion = nn.CosineSimilarity(dim=1)
    optimizer = torch.optim.SGD(model.parameters(), init_lr, momentum=0.9, weight_decay=1e-4)
    for epoch in range(epochs):
        train(train_loader, model, criterion, optimizer, epoch, [])
