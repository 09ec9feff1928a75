"""look-alike [LG006]: the same loop takes `outputs["loss"].item()` for the total and adds an accuracy entry that is never back-propagated."""
import torch
from torch.utils.data import DataLoader


def train(model, dataset, epochs=3, lr=5e-5):
    loader = DataLoader(dataset, batch_size=16, shuffle=True)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
    model.train()
    for epoch in range(epochs):
        epoch_loss, epoch_acc = 0.0, 0.0
        for batch in loader:
            optimizer.zero_grad()
            outputs = model(**batch)
            outputs["loss"].backward()
            optimizer.step()
            epoch_loss += outputs["loss"].item()
            epoch_acc += outputs["accuracy"]
        print(f"epoch {epoch}: {epoch_loss / len(loader):.4f} {epoch_acc / len(loader):.3f}")
