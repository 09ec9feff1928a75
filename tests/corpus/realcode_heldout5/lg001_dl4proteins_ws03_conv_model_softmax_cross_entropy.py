"""positive [LG001]: the DL4Proteins CNN workshop (WS03) ends both DenseModel and ConvModel in F.softmax(..., dim=1); the training loop builds ConvModel and gives its output, named logits, to nn.CrossEntropyLoss."""
# Source: Graylab/DL4Proteins-notebooks@48720065cc06a703bbe255e8fcfab498bbf4e893 notebooks/WS03_ConvolutionalNeuralNetworks.ipynb
# at the commit read (issue #13 "WS03: Pass logits directly to CrossEntropyLoss", open); the imports of the set-up cell and the model,
# data, training and wandb cells; shell lines, %%capture, quizzes and convolution demos left out.
# ---- cell 5 (imports)
import time
import sys
import numpy as np
import matplotlib.pyplot as plt
from scipy.signal import convolve2d
from scipy import signal as sg
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
from torchvision import datasets, transforms
import random
import wandb
# ---- cell 27
# dense neural network
class DenseModel(nn.Module):
    def __init__(self):
        super(DenseModel, self).__init__()

        # Fully connected layers
        self.d1 = nn.Linear(28 * 28, 128)
        self.d2 = nn.Linear(128, 128)  # Added another fully connected layer
        self.d3 = nn.Linear(128, 10)

    def forward(self, x):
        # Flatten input
        x = x.view(x.size(0), -1)

        # Fully connected layers
        x = self.d1(x)
        x = F.relu(x)
        x = self.d2(x)  # Added another fully connected layer
        x = F.relu(x)
        x = self.d3(x)

        # Softmax activation
        out = F.softmax(x, dim=1)
        return out

# convolutional neural network
class ConvModel(nn.Module):
    def __init__(self):
        super(ConvModel, self).__init__()

        # 28x28x1 => 26x26x32
        self.conv1 = nn.Conv2d(in_channels=1, out_channels=32, kernel_size=3)
        self.d1 = nn.Linear(26 * 26 * 32, 128)
        self.d2 = nn.Linear(128, 10)

    def forward(self, x):
        # 32x1x28x28 => 32x32x26x26
        x = self.conv1(x)
        x = F.relu(x)

        # flatten => 32 x (32*26*26)
        x = x.flatten(start_dim = 1)

        # 32 x (32*26*26) => 32x128
        x = self.d1(x)
        x = F.relu(x)

        # logits => 32x10
        logits = self.d2(x)
        out = F.softmax(logits, dim=1)
        return out
# ---- cell 32
BATCH_SIZE = 32

## transformations
transform = transforms.Compose(
    [transforms.ToTensor()])

## download and load training dataset
trainset = torchvision.datasets.MNIST(root='./data', train=True,
                                        download=True, transform=transform)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=BATCH_SIZE,
                                          shuffle=True, num_workers=2)

## download and load testing dataset
testset = torchvision.datasets.MNIST(root='./data', train=False,
                                       download=True, transform=transform)
testloader = torch.utils.data.DataLoader(testset, batch_size=BATCH_SIZE,
                                         shuffle=False, num_workers=2)


# ---- cell 37
## test the model with 1 batch
model = ConvModel()
for images, labels in trainloader:
    print("batch size:", images.shape)
    out = model(images)
    print(out.shape)
    break
# ---- cell 39
learning_rate = 0.001
num_epochs = 5

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
model = ConvModel()
model = model.to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
# ---- cell 40
## compute accuracy
def get_accuracy(logit, target, batch_size):
    ''' Obtain accuracy for training round '''
    corrects = (torch.max(logit, 1)[1].view(target.size()).data == target.data).sum()
    accuracy = 100.0 * corrects/batch_size
    return accuracy.item()
# ---- cell 41
for epoch in range(num_epochs):
    train_running_loss = 0.0
    train_acc = 0.0

    model = model.train()

    ## training step
    for i, (images, labels) in enumerate(trainloader):

        images = images.to(device)
        labels = labels.to(device)

        ## forward + backprop + loss
        logits = model(images)
        loss = criterion(logits, labels)  # expect: LG001
        optimizer.zero_grad()
        loss.backward()

        ## update model params
        optimizer.step()

        train_running_loss += loss.detach().item()
        train_acc += get_accuracy(logits, labels, BATCH_SIZE)

    model.eval()
    print('Epoch: %d | Loss: %.4f | Train Accuracy: %.2f' \
          %(epoch, train_running_loss / i, train_acc/i))
# ---- cell 54
#Putting it all together:

wandb.login() #Go to bottom of cell and followw instructions. It will ask for an API from a given link that's connected to your account. Make sure you're logged into wandb before running this cell!

#🐝 initialize a wandb instance with relevant data:
wandb.init(
        project="CNN_Classifier",
        config={
            "epochs": num_epochs,
            "lr":learning_rate,
            })

#Setup training loop:
for epoch in range(num_epochs):
    train_running_loss = 0.0
    train_acc = 0.0

    model = model.train()

    ## training step
    for i, (images, labels) in enumerate(trainloader):

        images = images.to(device)
        labels = labels.to(device)

        ## forward + backprop + loss
        logits = model(images)
        loss = criterion(logits, labels)  # expect: LG001
        optimizer.zero_grad()
        loss.backward()
        #🐝 insert training logging step here:
        wandb.log({"epoch": epoch, "train/loss": loss})

        ## update model params
        optimizer.step()

        train_running_loss += loss.detach().item()
        train_acc += get_accuracy(logits, labels, BATCH_SIZE)

    model.eval()
    print('Epoch: %d | Loss: %.4f | Train Accuracy: %.2f' \
          %(epoch, train_running_loss / i, train_acc/i))
    #🐝 If we did a validation loop, we'd insert the logging step here:

#🐝 finish wandb run
wandb.finish()
