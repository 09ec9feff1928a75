"""positive [LG001]: a notebook's MNIST network ends forward in F.log_softmax and the training and test cells give its output to F.cross_entropy, which applies log-softmax again (redundant: same loss, wasted work)."""
# Source: ContinualAI/colab@6dd2bb2699 (the parent of c5e20ca, "Fixed cross_entropy usage", which returns x) notebooks/intro_to_continual_learning.ipynb (the .py text of cells 22 and 24, re-typed; names kept)
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.conv2_drop = nn.Dropout2d()
        self.fc1 = nn.Linear(320, 50)
        self.fc2 = nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))
        x = x.view(-1, 320)
        x = F.relu(self.fc1(x))
        x = F.dropout(x, training=self.training)
        x = self.fc2(x)
        return F.log_softmax(x, dim=1)


def train(model, device, x_train, t_train, optimizer, epoch):
    model.train()
    for start in range(0, len(t_train) - 1, 256):
        end = start + 256
        x, y = torch.from_numpy(x_train[start:end]), torch.from_numpy(t_train[start:end]).long()
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        output = model(x)
        loss = F.cross_entropy(output, y)  # expect: LG001
        loss.backward()
        optimizer.step()


def test(model, device, x_test, t_test):
    model.eval()
    test_loss = 0
    correct = 0
    for start in range(0, len(t_test) - 1, 256):
        end = start + 256
        with torch.no_grad():
            x, y = torch.from_numpy(x_test[start:end]), torch.from_numpy(t_test[start:end]).long()
            x, y = x.to(device), y.to(device)
            output = model(x)
            test_loss += F.cross_entropy(output, y).item()  # expect: LG001
            pred = output.max(1, keepdim=True)[1]
            correct += pred.eq(y.view_as(pred)).sum().item()
    return 100.0 * correct / len(t_test)


device = torch.device("cpu")
model = Net().to(device)
optimizer = optim.SGD(model.parameters(), lr=0.01, momentum=0.5)
for epoch in range(1, 3):
    train(model, device, x_train, t_train, optimizer, epoch)
    test(model, device, x_test, t_test)
