"""positive [LG001, LG006, LG011]: a deep-learning course homework trains a one-layer MNIST classifier whose nn.Sequential ends in nn.Sigmoid() and nn.Softmax() (no dim) and feeds its probabilities to nn.CrossEntropyLoss in both the training and the test loop; each batch's loss tensor is appended to train_loss_list / test_loss_list for plotting (the test loop runs without torch.no_grad)."""
# Source: yejh123/scut-dl-course at 5fd12ba5, hw1/hw-1-4-dnn.py; re-typed, identifiers renamed; the commented-out
# sample-image preview and epoch-summary lines cut; the plotting kept short. `import torch.functional as F` kept as in
# the source (unused).
import numpy as np
import random
import torch
import torch.nn as nn
import torch.functional as F
from torchvision import datasets, transforms
import matplotlib.pyplot as plt

manualSeed = 999
random.seed(manualSeed)
torch.manual_seed(manualSeed)

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
batch_size = 64
lr = 0.001
epoch = 5


class DNN(nn.Module):
    def __init__(self):
        super(DNN, self).__init__()
        self.main = nn.Sequential(
            nn.Linear(28 * 28, 10),
            nn.Sigmoid(),
            nn.Softmax(),  # expect: LG011
        )

    def forward(self, input):
        input = input.view(len(input), -1)
        return self.main(input)


transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean=[0.5], std=[0.5])])
data_train = datasets.MNIST(root="./data/", transform=transform, train=True, download=True)
data_test = datasets.MNIST(root="./data/", transform=transform, train=False)
loader_train = torch.utils.data.DataLoader(dataset=data_train, batch_size=batch_size, shuffle=True)
loader_test = torch.utils.data.DataLoader(dataset=data_test, batch_size=batch_size)

dnn = DNN().to(device)
optimizer = torch.optim.Adam(dnn.parameters(), lr=lr)
criterion = nn.CrossEntropyLoss()

train_loss_list = []
test_loss_list = []
train_acc_list = []
test_acc_list = []
for e in range(epoch):
    total_train_correct = 0
    total_test_correct = 0
    total_train_loss = 0.0
    total_test_loss = 0.0
    dnn.train()
    for i, (X, y) in enumerate(loader_train):
        optimizer.zero_grad()
        X, y = X.to(device), y.to(device)
        predict = dnn(X)
        train_loss = criterion(predict, y)  # expect: LG001
        total_train_loss = train_loss.item() * len(X)
        train_loss.backward()
        optimizer.step()
        train_correct = torch.sum(torch.argmax(predict, dim=1) == y.data).item()
        total_train_correct += train_correct
        train_loss_list.append(train_loss)  # expect: LG006
        train_acc_list.append(train_correct / len(X))

    dnn.eval()
    for i, (X, y) in enumerate(loader_test):
        X, y = X.to(device), y.to(device)
        predict = dnn(X)
        test_loss = criterion(predict, y)  # expect: LG001
        total_test_loss = test_loss.item() * len(X)
        predict_label = torch.argmax(predict, dim=1)
        test_correct = torch.sum(predict_label == y.data).item()
        total_test_correct += test_correct
        test_loss_list.append(test_loss)  # expect: LG006
        test_acc_list.append(test_correct / len(X))

    print("Epoch: {}/{}, Train Loss is:{:.4f}, Test Loss is:{:.4f}, Train Accuracy is:{:.4f}%, Test Accuracy is:{:.4f}"
          .format(e + 1, epoch, total_train_loss / len(data_train), total_test_loss / len(data_test),
                  100 * total_train_correct / len(data_train), 100 * total_test_correct / len(data_test)))

x_train = np.linspace(0, len(train_loss_list), len(train_loss_list) + 1)
plt.figure()
plt.plot(x_train[1:], train_loss_list, label='Train Loss')
plt.legend()
plt.show()
