"""positive [LG014]: `optimizer.zero_grad` written without parentheses: the attribute is read, the method is never called."""
import torch
import torch.nn.functional as F


def train(model, loader, optimizer, epochs=5):
    model.train()
    for epoch in range(epochs):
        for step, (x, y) in enumerate(loader):
            optimizer.zero_grad
            logits = model(x)
            loss = F.cross_entropy(logits, y)
            loss.backward()
            optimizer.step()  # expect: LG014
            if step % 50 == 0:
                print(epoch, step, loss.item())
