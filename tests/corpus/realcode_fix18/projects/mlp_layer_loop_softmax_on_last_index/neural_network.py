"""part of positive project [LG001, LG011]: the ensemble member's network runs its three Linear layers in a loop and, on the last index, puts the output through a temperature softmax (a static method, softmax without dim); its own loss method hands that output to CrossEntropyLoss (the fix returns the scaled logits)."""

# Source: jackonelli/ensemble_distr_distillation@c71c962a32 src/neural_network.py, fixed in 6a46023bf8 (cut, renamed)
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
        for i, layer in enumerate(self.layers):
            x = nn.functional.relu(layer(x))
            if i == (len(self.layers) - 1):
                x = self.temperature_softmax(x, t)
        return x

    @staticmethod
    def temperature_softmax(x, t=1):
        return nn.functional.softmax(x / t)  # expect: LG011

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
        return loss(output, target)  # expect: LG001
