"""positive [LG001]: the criterion is created in a private helper that `__init__` calls (`self.__build_loss()`), and the training step feeds it softmax outputs."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Classifier(nn.Module):
    def __init__(self, n_in, n_classes):
        super().__init__()
        self.__build_model(n_in, n_classes)
        self.__build_loss()

    def __build_model(self, n_in, n_classes):
        self.body = nn.Sequential(nn.Linear(n_in, 64), nn.ReLU())
        self.head = nn.Linear(64, n_classes)

    def __build_loss(self):
        self.loss_func = nn.CrossEntropyLoss()

    def forward(self, x):
        return F.softmax(self.head(self.body(x)), dim=1)

    def training_loss(self, x, y):
        return self.loss_func(self(x), y)  # expect: LG001


model = Classifier(20, 5)
optimizer = torch.optim.Adam(model.parameters())
for x, y in loader:
    optimizer.zero_grad()
    model.training_loss(x, y).backward()
    optimizer.step()
