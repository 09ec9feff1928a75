"""positive [LG001]: cross-file: FlowerNet from model.py ends in softmax; CrossEntropyLoss here."""
import torch
import torch.nn as nn
from torchvision import datasets, transforms

from model import FlowerNet


def main():
    tfm = transforms.Compose([transforms.Resize((64, 64)), transforms.ToTensor()])
    ds = datasets.Flowers102("data", split="train", download=True, transform=tfm)
    loader = torch.utils.data.DataLoader(ds, batch_size=32, shuffle=True)
    model = FlowerNet()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(20):
        running = 0.0
        for images, labels in loader:
            optimizer.zero_grad()
            outputs = model(images)
            loss = criterion(outputs, labels)  # expect: LG001
            loss.backward()
            optimizer.step()
            running += loss.item()
        print(epoch, running / len(loader))


if __name__ == "__main__":
    main()
