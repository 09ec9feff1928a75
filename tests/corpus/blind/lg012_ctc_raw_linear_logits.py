"""positive [LG012]: CRNN OCR model's forward ends in nn.Linear; the (T, N, C) raw logits are passed straight to nn.CTCLoss."""
import torch
import torch.nn as nn


class CRNN(nn.Module):
    def __init__(self, n_classes=37, hidden=256):
        super().__init__()
        self.cnn = nn.Sequential(
            nn.Conv2d(1, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),
            nn.Conv2d(64, 128, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),
            nn.Conv2d(128, 256, 3, padding=1), nn.BatchNorm2d(256), nn.ReLU(), nn.MaxPool2d((2, 1)),
        )
        self.rnn = nn.LSTM(256 * 4, hidden, bidirectional=True)
        self.fc = nn.Linear(hidden * 2, n_classes)

    def forward(self, x):
        f = self.cnn(x)
        b, c, h, w = f.size()
        f = f.view(b, c * h, w).permute(2, 0, 1)
        out, _ = self.rnn(f)
        return self.fc(out)


def train(loader, epochs=50, device="cuda"):
    model = CRNN().to(device)
    criterion = nn.CTCLoss(blank=0, zero_infinity=True)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        for images, targets, target_lengths in loader:
            images = images.to(device)
            preds = model(images)
            input_lengths = torch.full((images.size(0),), preds.size(0), dtype=torch.long)
            loss = criterion(preds, targets, input_lengths, target_lengths)  # expect: LG012
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5)
            optimizer.step()
        print(f"epoch {epoch} ctc {loss.item():.3f}")


if __name__ == "__main__":
    print(CRNN()(torch.randn(2, 1, 32, 100)).shape)
