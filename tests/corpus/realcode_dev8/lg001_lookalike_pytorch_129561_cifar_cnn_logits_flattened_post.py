"""look-alike [LG001, LG006]: an "accuracy is not increasing" report whose CNN returns fc2's logits to nn.CrossEntropyLoss, clears, steps and sums loss.item(); the post lost its indentation and the underscores of __init__."""
# Source: https://github.com/pytorch/pytorch/issues/129561 "my accuracy is not increasing" (the description as posted up to where the text read ends, inside the progress print; its lines came without indentation, which is restored to make it parse; the cut print is replaced by `pass`; "init" is kept as posted)
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torchvision
import torchvision.transforms as transforms

class CustomCNN(nn.Module):
    def init(self):
        super(CustomCNN, self).init()
        self.conv1 = nn.Conv2d(in_channels=3, out_channels=32, kernel_size=3, stride=1, padding=1)
        self.pool = nn.MaxPool2d(kernel_size=2, stride=2, padding=0)
        self.conv2 = nn.Conv2d(in_channels=32, out_channels=64, kernel_size=3, stride=1, padding=1)
        self.fc1 = nn.Linear(64 * 8 * 8, 512) # Assuming input size is 32x32
        self.fc2 = nn.Linear(512, 10) # CIFAR-10 has 10 classes

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))  # Apply Conv1 + ReLU + Pooling
        x = self.pool(F.relu(self.conv2(x)))  # Apply Conv2 + ReLU + Pooling
        x = x.view(-1, 64 * 8 * 8)  # Flatten the tensor
        x = F.relu(self.fc1(x))     # Apply FC1 + ReLU
        x = self.fc2(x)             # Apply FC2
        return x
def train_model(net, trainloader, criterion, optimizer, num_epochs=10):
    net.train() # Set the model to training mode
    for epoch in range(num_epochs):
        running_loss = 0.0
        for i, data in enumerate(trainloader, 0):
            inputs, labels = data
            optimizer.zero_grad()
            outputs = net(inputs)
            loss = criterion(outputs, labels)
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
            if i % 100 == 99: # Print every 100 mini-batches
                pass
