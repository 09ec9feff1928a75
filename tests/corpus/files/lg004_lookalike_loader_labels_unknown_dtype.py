"""look-alike [LG004]: targets come straight from a DataLoader (dtype unknown to a static reader); never reported."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

tfm = transforms.Compose([transforms.Resize((128, 128)), transforms.ToTensor()])
train_ds = datasets.ImageFolder("data/hotdog/train", transform=tfm)
loader = DataLoader(train_ds, batch_size=32, shuffle=True, num_workers=4)

model = nn.Sequential(
    nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
    nn.Flatten(), nn.Linear(32, 1),
)
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(10):
    for images, labels in loader:
        optimizer.zero_grad()
        logits = model(images).squeeze(1)
        loss = criterion(logits, labels.type_as(logits))
        loss.backward()
        optimizer.step()
    print(epoch, loss.item())
