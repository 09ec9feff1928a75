"""look-alike [LG006]: gradient accumulation: `loss_sum = loss_sum + l` over micro-batches, then one loss_sum.backward() per step."""
import torch
import torch.nn.functional as F


def train_step(model, optimizer, big_batch, micro=4):
    optimizer.zero_grad()
    xs, ys = big_batch
    loss_sum = 0
    for x, y in zip(xs.chunk(micro), ys.chunk(micro)):
        l = F.cross_entropy(model(x), y)
        loss_sum = loss_sum + l
    loss_sum = loss_sum / micro
    loss_sum.backward()
    optimizer.step()
    return loss_sum.item()


def train(model, loader, epochs=10):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(epochs):
        total = 0.0
        for batch in loader:
            total += train_step(model, optimizer, batch)
        print(epoch, total / len(loader))
