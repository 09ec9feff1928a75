"""positive [LG016]: torch.sigmoid(logits) in the loop, then F.binary_cross_entropy (use the with-logits loss instead)."""
import torch
import torch.nn.functional as F


def train(model, loader, optimizer, epochs=5):
    for epoch in range(epochs):
        for x, y in loader:
            optimizer.zero_grad()
            logits = model(x)
            probs = torch.sigmoid(logits)
            loss = F.binary_cross_entropy(probs, y.float())  # expect: LG016
            loss.backward()
            optimizer.step()
