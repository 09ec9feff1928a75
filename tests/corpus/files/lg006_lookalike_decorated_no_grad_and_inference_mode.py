"""look-alike [LG006]: `@torch.no_grad()` decorated evaluate() and a `torch.inference_mode()` test loop both accumulate raw loss tensors."""
import torch
import torch.nn.functional as F


@torch.no_grad()
def evaluate(model, loader):
    model.eval()
    total = torch.zeros(())
    losses = []
    for x, y in loader:
        loss = F.mse_loss(model(x), y)
        total += loss
        losses.append(loss)
    return total / len(loader), torch.stack(losses).std()


def test(model, loader):
    model.eval()
    with torch.inference_mode():
        running = 0
        for x, y in loader:
            running += F.mse_loss(model(x), y)
    return running / len(loader)


def train(model, loader, epochs=3):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(epochs):
        for x, y in loader:
            opt.zero_grad()
            F.mse_loss(model(x), y).backward()
            opt.step()
        print(evaluate(model, loader), test(model, loader))
