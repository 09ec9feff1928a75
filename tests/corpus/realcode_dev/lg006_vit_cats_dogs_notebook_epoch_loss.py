"""positive [LG006]: ViT fine-tuning notebook: epoch_loss += loss / len(train_loader) inside the training loop (the validation loop does the same under torch.no_grad(), which is fine)."""
# Source: https://github.com/lucidrains/vit-pytorch examples/cats_and_dogs.ipynb at
# 69d24fe9e3024c0d4b02761123b8583a24ebed1e (found by this survey); re-typed from the notebook cell, names changed.
import torch
import torch.nn as nn
import torch.optim as optim
from vit_pytorch.efficient import ViT


def run(efficient_transformer, train_loader, valid_loader, device, epochs=20, lr=3e-5, gamma=0.7):
    model = ViT(dim=128, image_size=224, patch_size=32, num_classes=2, transformer=efficient_transformer, channels=3).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.Adam(model.parameters(), lr=lr)
    for epoch in range(epochs):
        epoch_loss = 0
        epoch_accuracy = 0
        for data, label in train_loader:
            data = data.to(device)
            label = label.to(device)
            output = model(data)
            loss = criterion(output, label)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            acc = (output.argmax(dim=1) == label).float().mean()
            epoch_accuracy += acc / len(train_loader)
            epoch_loss += loss / len(train_loader)  # expect: LG006
        with torch.no_grad():
            epoch_val_loss = 0
            for data, label in valid_loader:
                data = data.to(device)
                label = label.to(device)
                val_output = model(data)
                val_loss = criterion(val_output, label)
                epoch_val_loss += val_loss / len(valid_loader)
        print(f"Epoch : {epoch+1} - loss : {epoch_loss:.4f} - val_loss : {epoch_val_loss:.4f}")
