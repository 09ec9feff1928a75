"""part of look-alike project [LG014, LG017, LG018]: a configurable CNN wrapped in a class holding the network, nn.CrossEntropyLoss and SGD over the network's parameters; train() clears, back-propagates and steps that optimizer per batch; adversarial_attack() makes the input image a leaf with requires_grad, builds a second SGD over [X] and, per iteration, clears that optimizer, scores the image against the target label and back-propagates, then steps the attack's own optimizer over the image (the fix of the commit before)."""
# Source: DavideZFC/Pytorch-Exercises at 925118c6, Ex6/classes/CNN_general.py; re-typed, identifiers renamed; the layer-building loops kept, comments cut.
import torch
import torch.nn as nn
import torch.optim as optim


class Net(nn.Module):
    def __init__(self, conv_layers, fc_layers, input_dim_x, input_dim_y):
        super(Net, self).__init__()
        self.convs = nn.ModuleList()
        self.convs.append(nn.Conv2d(1, conv_layers[0], 3, padding=1))
        for i in range(len(conv_layers) - 1):
            self.convs.append(nn.Conv2d(conv_layers[i], conv_layers[i + 1], 3, padding=1))
        self.pool = nn.MaxPool2d(2, 2)
        for i in range(len(conv_layers)):
            input_dim_x /= 2
            input_dim_y /= 2
        input_dim_x = int(input_dim_x)
        input_dim_y = int(input_dim_y)
        self.fcs = nn.ModuleList()
        self.fcs.append(nn.Linear(conv_layers[-1] * input_dim_x * input_dim_y, fc_layers[0]))
        for i in range(len(fc_layers) - 1):
            self.fcs.append(nn.Linear(fc_layers[i], fc_layers[i + 1]))

    def forward(self, x):
        for lay in self.convs:
            x = self.pool(nn.functional.relu(lay(x)))
        x = torch.flatten(x, 1)
        for i, lay in enumerate(self.fcs):
            if i < len(self.fcs) - 1:
                x = nn.functional.relu(lay(x))
            else:
                x = lay(x)
        return x


class CNN:
    def __init__(self, conv_layers, fc_layers, input_dim_x, input_dim_y):
        self.net = Net(conv_layers, fc_layers, input_dim_x, input_dim_y)
        self.criterion = nn.CrossEntropyLoss()
        self.optimizer = optim.SGD(self.net.parameters(), lr=0.001, momentum=0.9)

    def train(self, dataloader, epochs=10):
        for epoch in range(epochs):
            running_loss = 0.0
            for i, data in enumerate(dataloader, 0):
                inputs, labels = data
                self.optimizer.zero_grad()
                outputs = self.net(inputs)
                loss = self.criterion(outputs, labels)
                loss.backward()
                self.optimizer.step()
                running_loss += loss.item()
                if i % 100 == 99:
                    print('[%d, %5d] loss: %.3f' % (epoch + 1, i + 1, running_loss / 100))
                    running_loss = 0.0

    def eval_net(self, dataloader):
        correct = 0
        total = 0
        with torch.no_grad():
            for inputs, labels in dataloader:
                outputs = self.net(inputs)
                _, predicted = torch.max(outputs.data, 1)
                total += labels.size(0)
                correct += (predicted == labels).sum().item()
        print('Accuracy on the dataset: %d %%' % (100 * correct / total))

    def numpy_predict(self, X):
        return self.net(torch.from_numpy(X)).detach().numpy()

    def adversarial_attack(self, X, label, iter=1):
        X = torch.from_numpy(X)
        X.requires_grad = True
        label = torch.tensor(label).unsqueeze(0)
        attack_criterion = nn.CrossEntropyLoss()
        optimizer = optim.SGD([X], lr=0.001, momentum=0.9)
        for i in range(iter):
            optimizer.zero_grad()
            outputs = self.net(X)
            loss = attack_criterion(outputs, label)
            loss.backward()
            optimizer.step()
            print('[%d] loss: %.3f' % (i + 1, loss.item()))
            if loss.item() < 0.5:
                return X.detach().numpy()
        return X.detach().numpy()
