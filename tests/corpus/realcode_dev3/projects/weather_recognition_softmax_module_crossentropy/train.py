"""part of positive project [LG001]: the training and validation functions apply nn.CrossEntropyLoss to the output of the imported module-level model, which is already softmax probabilities."""
# Source: mengxianglong123/weather-recognition@e888eda6d98830b2f8f17a1cb9c71dbe8e8dadbb train.py (read as is; re-typed, comments and per-batch prints left out)
import time

import torch
from torch import nn, optim
from torch.utils.tensorboard import SummaryWriter

from config import Common, Train
from data_loader import trainLoader, valLoader
from model import model as weatherModel

model = weatherModel
model.to(Common.device)
criterion = nn.CrossEntropyLoss()
optimizer = optim.Adam(model.parameters(), lr=0.001)
writer = SummaryWriter(log_dir=Train.logDir, flush_secs=500)


def train(epoch):
    model.train()
    epochLoss = 0
    correctNum = 0
    for data, label in trainLoader:
        data, label = data.to(Common.device), label.to(Common.device)
        optimizer.zero_grad()
        output = model(data)
        loss = criterion(output, label)  # expect: LG001
        loss.backward()
        optimizer.step()
        epochLoss += loss.item() * data.size(0)
        labels = torch.argmax(label, dim=1)
        outputs = torch.argmax(output, dim=1)
        for i in range(0, len(labels)):
            if labels[i] == outputs[i]:
                correctNum += 1
    epochLoss = epochLoss / len(trainLoader.dataset)
    epochAcc = correctNum / len(trainLoader.dataset)
    writer.add_scalar("train_loss", epochLoss, epoch)
    return epochAcc


def val(epoch):
    model.eval()
    epochLoss = 0
    correctNum = 0
    with torch.no_grad():
        for data, label in valLoader:
            data, label = data.to(Common.device), label.to(Common.device)
            output = model(data)
            loss = criterion(output, label)  # expect: LG001
            epochLoss += loss.item() * data.size(0)
            labels = torch.argmax(label, dim=1)
            outputs = torch.argmax(output, dim=1)
            for i in range(0, len(labels)):
                if labels[i] == outputs[i]:
                    correctNum += 1
        epochLoss = epochLoss / len(valLoader.dataset)
        epochAcc = correctNum / len(valLoader.dataset)
        writer.add_scalar("val_loss", epochLoss, epoch)
    return epochAcc


if __name__ == '__main__':
    best = 0.75
    for epoch in range(1, Train.epochs + 1):
        train(epoch)
        acc = val(epoch)
        if acc > best:
            best = acc
            torch.save(model, Train.modelDir + "weather-" + time.strftime('%Y-%m-%d-%H-%M-%S', time.gmtime()) + ".pth")
