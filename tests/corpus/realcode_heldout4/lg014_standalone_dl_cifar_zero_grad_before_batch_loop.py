"""positive [LG014]: a course notebook's train() calls optimizer.zero_grad() once before its batch loop and then backward() and step() on every batch, so each step uses the gradients of all earlier batches of the epoch."""
# Source: https://github.com/heartcored98/Standalone-DeepLearning Lec5/Lab7_CIFAR-10_with_CNN.ipynb at
# 50efcda01dcd01f4f8e7d271a579329627cec136, the parent of 3e3942a78e61212476cb9f6667d31794cebc4a87 ("Fix optimizer.zero_grad()
# position", issue #11); the code cells concerned, re-typed, names changed, reduced (the MLP cell, test() and the result
# plots left out).
import time

import torch
import torch.nn as nn
import torch.optim as optim

cfg = {
    "VGG11": [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    "VGG13": [64, 64, "M", 128, 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
}


class CNN(nn.Module):
    def __init__(self, model_code, in_channels, out_dim, act, use_bn):
        super(CNN, self).__init__()
        if act == "relu":
            self.act = nn.ReLU()
        elif act == "sigmoid":
            self.act = nn.Sigmoid()
        elif act == "tanh":
            self.act = nn.Tanh()
        else:
            raise ValueError("Not a valid activation function code")
        self.layers = self._make_layers(model_code, in_channels, use_bn)
        self.classifier = nn.Sequential(nn.Linear(512, 256), self.act, nn.Linear(256, out_dim))

    def forward(self, x):
        x = self.layers(x)
        x = x.view(x.size(0), -1)
        x = self.classifier(x)
        return x

    def _make_layers(self, model_code, in_channels, use_bn):
        layers = []
        for x in cfg[model_code]:
            if x == "M":
                layers += [nn.MaxPool2d(kernel_size=2, stride=2)]
            else:
                layers += [nn.Conv2d(in_channels=in_channels, out_channels=x, kernel_size=3, stride=1, padding=1)]
                if use_bn:
                    layers += [nn.BatchNorm2d(x)]
                layers += [self.act]
                in_channels = x
        return nn.Sequential(*layers)


def train(net, partition, optimizer, criterion, args):
    loader = torch.utils.data.DataLoader(partition["train"], batch_size=args.train_batch_size, shuffle=True, num_workers=2)
    net.train()
    optimizer.zero_grad()
    correct = 0
    total = 0
    train_loss = 0.0
    for i, data in enumerate(loader, 0):
        inputs, labels = data
        inputs = inputs.cuda()
        labels = labels.cuda()
        outputs = net(inputs)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()  # expect: LG014
        train_loss += loss.item()
        _, predicted = torch.max(outputs.data, 1)
        total += labels.size(0)
        correct += (predicted == labels).sum().item()
    train_loss = train_loss / len(loader)
    train_acc = 100 * correct / total
    return net, train_loss, train_acc


def validate(net, partition, criterion, args):
    loader = torch.utils.data.DataLoader(partition["val"], batch_size=args.test_batch_size, shuffle=False, num_workers=2)
    net.eval()
    correct = 0
    total = 0
    val_loss = 0
    with torch.no_grad():
        for data in loader:
            images, labels = data
            images = images.cuda()
            labels = labels.cuda()
            outputs = net(images)
            loss = criterion(outputs, labels)
            val_loss += loss.item()
            _, predicted = torch.max(outputs.data, 1)
            total += labels.size(0)
            correct += (predicted == labels).sum().item()
        val_loss = val_loss / len(loader)
        val_acc = 100 * correct / total
    return val_loss, val_acc


def experiment(partition, args):
    net = CNN(model_code=args.model_code, in_channels=args.in_channels, out_dim=args.out_dim, act=args.act, use_bn=args.use_bn)
    net.cuda()
    criterion = nn.CrossEntropyLoss()
    if args.optim == "SGD":
        optimizer = optim.SGD(net.parameters(), lr=args.lr, weight_decay=args.l2)
    elif args.optim == "RMSprop":
        optimizer = optim.RMSprop(net.parameters(), lr=args.lr, weight_decay=args.l2)
    elif args.optim == "Adam":
        optimizer = optim.Adam(net.parameters(), lr=args.lr, weight_decay=args.l2)
    else:
        raise ValueError("In-valid optimizer choice")

    train_losses, val_losses = [], []
    for epoch in range(args.epoch):
        ts = time.time()
        net, train_loss, train_acc = train(net, partition, optimizer, criterion, args)
        val_loss, val_acc = validate(net, partition, criterion, args)
        train_losses.append(train_loss)
        val_losses.append(val_loss)
        print("Epoch {}, Acc(train/val): {:2.2f}/{:2.2f}, took {:2.2f} sec".format(epoch, train_acc, val_acc, time.time() - ts))
    return vars(args), {"train_losses": train_losses, "val_losses": val_losses}
