"""look-alike [LG002, LG006]: a chest X-ray DenseNet's classifier is replaced by `nn.Sequential(nn.Linear(...), nn.Sigmoid())`, so `nn.BCELoss` gets probabilities; the phase loop sums `loss.data`, which holds no graph."""

# Source: jrzech/reproduce-chexnet@a011a9a model.py (re-typed, renamed, cut to the model and the training epochs)
import torch.nn as nn
import torch.optim as optim
from torch.autograd import Variable
from torchvision import models

NUM_FINDINGS = 14


def run_epochs(model, criterion, optimizer, loaders, sizes, num_epochs):
    for epoch in range(num_epochs):
        for phase in ["train", "val"]:
            model.train(phase == "train")
            running_loss = 0.0
            for inputs, labels, _ in loaders[phase]:
                batch_size = inputs.shape[0]
                inputs = Variable(inputs.cuda())
                labels = Variable(labels.cuda()).float()
                outputs = model(inputs)
                optimizer.zero_grad()
                loss = criterion(outputs, labels)
                if phase == "train":
                    loss.backward()
                    optimizer.step()
                running_loss += loss.data * batch_size
            epoch_loss = running_loss / sizes[phase]
            print(phase, epoch, epoch_loss)
    return model


def train_densenet(loaders, sizes, lr, weight_decay, num_epochs):
    model = models.densenet121(weights="DEFAULT")
    width = model.classifier.in_features
    model.classifier = nn.Sequential(nn.Linear(width, NUM_FINDINGS), nn.Sigmoid())
    model = model.cuda()
    criterion = nn.BCELoss()
    optimizer = optim.SGD(filter(lambda p: p.requires_grad, model.parameters()), lr=lr, momentum=0.9, weight_decay=weight_decay)
    return run_epochs(model, criterion, optimizer, loaders, sizes, num_epochs)
