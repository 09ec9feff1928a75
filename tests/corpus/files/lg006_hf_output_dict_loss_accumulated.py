"""positive [LG006]: a Hugging Face style loop back-propagates `outputs["loss"]` and adds the same expression to the epoch total, keeping every batch's graph."""
import torch
from torch.utils.data import DataLoader


def train(model, dataset, epochs=3, lr=5e-5):
    loader = DataLoader(dataset, batch_size=16, shuffle=True)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
    model.train()
    for epoch in range(epochs):
        epoch_loss = 0.0
        for batch in loader:
            optimizer.zero_grad()
            outputs = model(**batch)
            outputs["loss"].backward()
            optimizer.step()
            epoch_loss += outputs["loss"]  # expect: LG006
        print(f"epoch {epoch}: {epoch_loss / len(loader):.4f}")
