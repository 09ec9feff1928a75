"""positive [LG003]: torch.sigmoid(logits) passed to nn.BCEWithLogitsLoss in a multi-label training loop."""
import torch
import torch.nn as nn
import torchvision


def build_model(n_labels):
    model = torchvision.models.densenet121(weights="DEFAULT")
    model.classifier = nn.Linear(model.classifier.in_features, n_labels)
    return model


def train(loader, n_labels=14, epochs=3, device="cuda"):
    model = build_model(n_labels).to(device)
    criterion = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4, betas=(0.9, 0.999))
    for epoch in range(epochs):
        model.train()
        for images, findings in loader:
            images, findings = images.to(device), findings.to(device).float()
            logits = model(images)
            preds = torch.sigmoid(logits)
            loss = criterion(preds, findings)  # expect: LG003
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print(f"epoch {epoch} loss {loss.item():.4f}")
    return model
