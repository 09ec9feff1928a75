"""look-alike [LG001]: the model applies softmax only when not self.training; in training the loss receives logits."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class AudioTagger(nn.Module):
    def __init__(self, n_mels=64, n_classes=50):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
        )
        self.fc = nn.Linear(64, n_classes)

    def forward(self, spec):
        h = self.features(spec.unsqueeze(1)).flatten(1)
        logits = self.fc(h)
        if not self.training:
            return F.softmax(logits, dim=-1)
        return logits


def fit(model, train_loader, val_loader, epochs=30, device="cuda"):
    model.to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-2)
    criterion = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        model.train()
        for spec, label in train_loader:
            spec, label = spec.to(device), label.to(device)
            opt.zero_grad()
            loss = criterion(model(spec), label)
            loss.backward()
            opt.step()

        model.eval()
        correct = total = 0
        with torch.no_grad():
            for spec, label in val_loader:
                probs = model(spec.to(device))
                correct += (probs.argmax(-1).cpu() == label).sum().item()
                total += label.numel()
        print(f"epoch {epoch} val acc {correct / total:.3f}")


if __name__ == "__main__":
    m = AudioTagger()
    print(sum(p.numel() for p in m.parameters()))
