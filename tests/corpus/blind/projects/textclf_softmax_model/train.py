"""part of positive project [LG001, LG006]: trains models.TextRNN (softmax output) with nn.CrossEntropyLoss; the epoch loss list keeps loss tensors."""
import argparse

import torch
import torch.nn as nn

from metrics import accuracy
from models import TextRNN


def train(model, loader, val_loader, epochs, lr, device):
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    epoch_losses = []
    for epoch in range(epochs):
        model.train()
        for tokens, labels in loader:
            tokens, labels = tokens.to(device), labels.to(device)
            optimizer.zero_grad()
            scores = model(tokens)
            loss = criterion(scores, labels)  # expect: LG001
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            epoch_losses.append(loss)  # expect: LG006

        model.eval()
        accs = []
        with torch.no_grad():
            for tokens, labels in val_loader:
                accs.append(accuracy(model(tokens.to(device)), labels.to(device)))
        print(f"epoch {epoch}: val acc {sum(accs) / len(accs):.3f}")
    return epoch_losses


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vocab", type=int, default=30000)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--lr", type=float, default=1e-3)
    args = parser.parse_args()
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = TextRNN(args.vocab).to(device)
    from data import get_loaders

    train_loader, val_loader = get_loaders()
    train(model, train_loader, val_loader, args.epochs, args.lr, device)


if __name__ == "__main__":
    main()
