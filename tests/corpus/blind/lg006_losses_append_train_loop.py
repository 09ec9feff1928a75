"""positive [LG006]: train loop stores every step's loss tensor in a list that lives across the whole run, for plotting at the end."""
import matplotlib.pyplot as plt
import torch
import torch.nn as nn
from torchvision import datasets, transforms

transform = transforms.Compose([transforms.ToTensor()])
train_ds = datasets.CIFAR10("data", train=True, download=True, transform=transform)
loader = torch.utils.data.DataLoader(train_ds, batch_size=128, shuffle=True, num_workers=2)

model = nn.Sequential(
    nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(64 * 8 * 8, 256), nn.ReLU(), nn.Linear(256, 10),
).cuda()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)

train_losses = []
for epoch in range(20):
    for images, labels in loader:
        images, labels = images.cuda(), labels.cuda()
        optimizer.zero_grad()
        outputs = model(images)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        train_losses.append(loss)  # expect: LG006
    print(f"epoch {epoch}: last loss {train_losses[-1].item():.4f}")

plt.plot([l.item() for l in train_losses])
plt.savefig("train_loss.png")
