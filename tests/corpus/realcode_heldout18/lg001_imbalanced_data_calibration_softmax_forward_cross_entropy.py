"""positive [LG001]: the book's calibration notebook returns torch.softmax(..., dim=1) from the network's forward (the probabilities feed the reliability diagram) and trains that same output with nn.CrossEntropyLoss."""
# Source: PacktPublishing/Machine-Learning-for-Imbalanced-Data at 1be35cc0 (read as is),
# chapter10/calibration_MNIST.ipynb; the code cells concerned (3 to 5), re-typed, identifiers renamed; the pip cell,
# the seeding lines and the legend patches cut.
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
import torchvision
import torchvision.transforms as transforms
from netcal.metrics import ECE, MCE
from netcal.presentation import ReliabilityDiagram
from torch.utils.data import DataLoader

# ---- cell 3
tfm = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5,), (0.5,))])
train_set = torchvision.datasets.MNIST(root="./data", train=True, download=True, transform=tfm)
test_set = torchvision.datasets.MNIST(root="./data", train=False, download=True, transform=tfm)
train_dl = DataLoader(train_set, batch_size=32, shuffle=True)
test_dl = DataLoader(test_set, batch_size=32, shuffle=False)


class DigitNet(nn.Module):
    def __init__(self):
        super(DigitNet, self).__init__()
        self.flat = nn.Flatten()
        self.hidden = nn.Linear(28 * 28, 128)
        self.out = nn.Linear(128, 10)

    def forward(self, x):
        x = self.flat(x)
        x = torch.relu(self.hidden(x))
        x = torch.softmax(self.out(x), dim=1)
        return x


net = DigitNet()
criterion = nn.CrossEntropyLoss()
opt = optim.Adam(net.parameters())

for epoch in range(10):
    for i, batch in enumerate(train_dl, 0):
        imgs, digits = batch
        opt.zero_grad()
        probs = net(imgs)
        loss = criterion(probs, digits)  # expect: LG001
        loss.backward()
        opt.step()

hits = 0
seen = 0
prob_rows = []
truth = []
with torch.no_grad():
    for imgs, digits in test_dl:
        probs = net(imgs)
        _, guess = torch.max(probs.data, 1)
        seen += digits.size(0)
        hits += (guess == digits).sum().item()
        prob_rows.extend(probs.numpy())
        truth.extend(digits.numpy())
print("Accuracy of the network on the test images: %d %%" % (100 * hits / seen))

# ---- cell 5
ece = ECE(10)
mce = MCE()
print("ece_score: ", ece.measure(np.array(prob_rows), np.array(truth)))
print("mce_score: ", mce.measure(np.array(prob_rows), np.array(truth)))
ReliabilityDiagram(bins=10).plot(np.array(prob_rows), np.array(truth))
