"""part of look-alike project [LG001, LG011]: the same network at the fix commit: relu on the two hidden layers, the last layer's output divided by the temperature and returned as logits to CrossEntropyLoss; the temperature softmax, now with dim=-1, is not called in training."""

# Source: jackonelli/ensemble_distr_distillation@6a46023bf8 src/neural_network.py (the fix commit; cut, renamed)
import torch
import torch.nn as nn
import torch.optim as torch_optim


class MemberNet(nn.Module):
    def __init__(self, input_size, hidden_size_1, hidden_size_2, output_size):
        super(MemberNet, self).__init__()
        self.fc1 = nn.Linear(input_size, hidden_size_1)
        self.fc2 = nn.Linear(hidden_size_1, hidden_size_2)
        self.fc3 = nn.Linear(hidden_size_2, output_size)
        self.layers = [self.fc1, self.fc2, self.fc3]
        self.optimizer = torch_optim.SGD(self.parameters(), lr=0.001, momentum=0.9)

    def forward(self, x, t=1):
        x = nn.functional.relu(self.fc1(x))
        x = nn.functional.relu(self.fc2(x))
        x = self.fc3(x) / t
        return x

    @staticmethod
    def temperature_softmax(x, t=1):
        return nn.functional.softmax(x / t, dim=-1)

    def train_epoch(self, train_loader):
        running_loss = 0
        for inputs, labels in train_loader:
            self.optimizer.zero_grad()
            loss = self.loss(inputs, labels)
            loss.backward()
            self.optimizer.step()
            running_loss += loss.item()
        return running_loss

    def loss(self, x, target):
        output = self.forward(x)
        loss = nn.CrossEntropyLoss()
        return loss(output, target.type(torch.LongTensor))
