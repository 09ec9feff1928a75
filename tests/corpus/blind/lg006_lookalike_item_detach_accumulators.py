"""look-alike [LG006]: every accumulator takes loss.item(), loss.detach() or a float; the validation loop stores loss tensors but runs under torch.inference_mode()."""
import torch
import torch.nn as nn


def train_and_validate(model, train_loader, val_loader, epochs=10, device="cuda"):
    criterion = nn.CrossEntropyLoss()
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    log = {"train": [], "val": []}
    for epoch in range(epochs):
        model.train()
        running = 0.0
        running_dev = torch.zeros((), device=device)
        step_losses = []
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            opt.step()
            running += loss.item()
            running_dev += loss.detach()
            step_losses.append(loss.detach().cpu())
        log["train"].append(running / len(train_loader))

        model.eval()
        val_losses = []
        with torch.inference_mode():
            for x, y in val_loader:
                x, y = x.to(device), y.to(device)
                val_loss = criterion(model(x), y)
                val_losses.append(val_loss)
        log["val"].append(torch.stack(val_losses).mean().item())
        print(epoch, log["train"][-1], running_dev.item() / len(train_loader), log["val"][-1])
    return log


if __name__ == "__main__":
    net = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
    print(net)
