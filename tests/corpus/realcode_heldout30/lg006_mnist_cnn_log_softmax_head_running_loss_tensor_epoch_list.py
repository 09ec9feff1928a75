"""positive [LG001, LG006]: a 2020 study script: the MNIST CNN's forward returns torch.log_softmax(x, dim=0) and the training function feeds it to a CrossEntropyLoss built inside the batch loop (log-softmax into cross-entropy, info), adds each batch's loss tensor to running_loss after backward(), and appends the epoch's running_loss / N, still a graph-holding tensor, to the losses list that is plotted at the end."""
# Source: XieChen10983/pytorch_learning at 303c8073, myCNN.py; re-typed, identifiers renamed; the commented-out first
# network and the Chinese progress prints shortened; the data loading through keras.datasets kept.
import torch
import torch.nn as nn
from keras.datasets import mnist
from torch.utils.data import Dataset, DataLoader
from PIL import Image
import numpy as np
from torch import optim
import matplotlib.pyplot as plt


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels=1, out_channels=25, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(in_channels=25, out_channels=50, kernel_size=3, padding=1)
        self.pool1 = nn.MaxPool2d(kernel_size=2)
        self.pool2 = nn.MaxPool2d(kernel_size=2)
        self.fc1 = nn.Linear(in_features=7 * 7 * 50, out_features=1000)
        self.fc2 = nn.Linear(in_features=1000, out_features=100)
        self.fc3 = nn.Linear(in_features=100, out_features=10)
        self.drop1 = nn.Dropout(0.4)
        self.drop2 = nn.Dropout(0.4)
        self.drop2d = nn.Dropout2d(0.2)

    def forward(self, x):
        out = self.conv1(x)
        out = torch.relu(self.pool1(out))
        out = torch.relu(self.pool2(self.conv2(out)))
        out = self.drop2d(out)
        out = out.view(-1, 7 * 7 * 50)
        out = torch.relu(self.fc1(out))
        out = self.drop1(out)
        out = torch.relu(self.fc2(out))
        out = self.drop2(out)
        out = self.fc3(out)
        return torch.log_softmax(out, dim=0)


class MnistSet(Dataset):
    def __init__(self, images, labels, size=(224, 224)):
        self.images = images
        self.labels = labels
        self.size = size

    def __len__(self):
        return len(self.images)

    def __getitem__(self, item):
        img = np.array(Image.fromarray(self.images[item]).resize(self.size))
        return img, self.labels[item]


def train(n_epochs, model, loader, optimizer):
    losses, accuracies = [], []
    for epoch in range(1, n_epochs + 1):
        running_loss = 0.
        running_correct = 0.
        for batch_index, (data, target) in enumerate(loader):
            data = data.view(-1, 1, 28, 28)
            target = target.long()
            optimizer.zero_grad()
            output = model(data)
            predicted = torch.from_numpy(np.argmax(output.detach().numpy(), axis=1))
            loss_function = torch.nn.CrossEntropyLoss()
            loss = loss_function(output, target)  # expect: LG001
            loss.backward()
            optimizer.step()
            running_loss += loss  # expect: LG006
            running_correct += np.sum(predicted.numpy() == target.numpy())
        epoch_loss = running_loss / len(loader.dataset)
        accuracy = 100. * running_correct / len(loader.dataset)
        losses.append(epoch_loss)  # expect: LG006
        accuracies.append(accuracy)
    print(losses)
    print(accuracies)
    plt.figure(1, figsize=(8, 6))
    plt.scatter(np.arange(1, len(losses) + 1), y=np.array(losses), c='r', s=100)
    plt.scatter(np.arange(1, len(accuracies) + 1), y=np.array(accuracies), c='b', s=50)
    plt.show()


data = mnist.load_data()
train_images = data[0][0] / 255.
train_labels = data[0][1]
test_images = data[1][0] / 255.
test_labels = data[1][1]

train_loader = DataLoader(MnistSet(train_images, train_labels, size=(28, 28)), batch_size=32, shuffle=True, num_workers=0)
test_loader = DataLoader(MnistSet(test_images, test_labels, size=(28, 28)), batch_size=32, shuffle=True, num_workers=0)

net = Net()
optimizer = optim.Adam(params=net.parameters(), lr=0.01, weight_decay=0.01)

if __name__ == '__main__':
    train(n_epochs=20, model=net, loader=train_loader, optimizer=optimizer)
