"""look-alike [LG014, LG007]: the fixed transfer-learning exercise: LogSoftmax(dim=1) classifier into NLLLoss, and optimizer.zero_grad() before every backward of the timed steps."""
# Source: https://github.com/udacity/deep-learning-v2-pytorch intro-to-pytorch/Part 8 - Transfer Learning (Exercises).ipynb
# at 335a5e1ba4a9ee1cc9a5e736dc4b321ef71d9d8d ("Add zero_grad to Transfer Learning notebook"); re-typed from cells 8 and 11,
# names changed. Correct code.
import time
from collections import OrderedDict

from torch import nn, optim
from torchvision import models

model = models.densenet121(pretrained=True)
for param in model.parameters():
    param.requires_grad = False

classifier = nn.Sequential(OrderedDict([
    ("fc1", nn.Linear(1024, 500)),
    ("relu", nn.ReLU()),
    ("fc2", nn.Linear(500, 2)),
    ("output", nn.LogSoftmax(dim=1)),
]))
model.classifier = classifier

for device in ["cpu", "cuda"]:
    criterion = nn.NLLLoss()
    optimizer = optim.Adam(model.classifier.parameters(), lr=0.001)
    model.to(device)
    for ii, (inputs, labels) in enumerate(trainloader):
        inputs, labels = inputs.to(device), labels.to(device)
        start = time.time()
        outputs = model.forward(inputs)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if ii == 3:
            break
    print(f"Device = {device}; Time per batch: {(time.time() - start)/3:.3f} seconds")
