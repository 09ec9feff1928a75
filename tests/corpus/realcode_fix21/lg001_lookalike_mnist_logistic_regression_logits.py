"""look-alike [LG001, LG011]: the same logistic-regression script at the fix commit: the forward returns the linear layer's logits to CrossEntropyLoss."""

# Source: SherlockLiao/pytorch-beginner@51b108ce25 02-Logistic Regression/Logistic_Regression.py (the fix commit; cut, renamed)
import torch
import torch.nn.functional as F
from torch import nn, optim
from torch.autograd import Variable
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

batch_size = 32
lr = 1e-3
epochs = 20

train_set = datasets.MNIST(root="./data", train=True, transform=transforms.ToTensor(), download=True)
test_set = datasets.MNIST(root="./data", train=False, transform=transforms.ToTensor())
train_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True)
test_loader = DataLoader(test_set, batch_size=batch_size, shuffle=False)


class LogisticRegression(nn.Module):
    def __init__(self, in_dim, n_class):
        super(LogisticRegression, self).__init__()
        self.linear = nn.Linear(in_dim, n_class)

    def forward(self, x):
        out = self.linear(x)
        return out


net = LogisticRegression(28 * 28, 10)
if torch.cuda.is_available():
    net = net.cuda()
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=lr)

for epoch in range(epochs):
    running_loss = 0.0
    for i, (img, label) in enumerate(train_loader, 1):
        img = Variable(img.view(img.size(0), -1))
        label = Variable(label)
        out = net(img)
        loss = criterion(out, label)
        running_loss += loss.data[0] * label.size(0)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print("epoch {} loss {:.6f}".format(epoch + 1, running_loss / len(train_set)))
    net.eval()
    eval_loss = 0
    for img, label in test_loader:
        img = Variable(img.view(img.size(0), -1), volatile=True)
        label = Variable(label, volatile=True)
        out = net(img)
        loss = criterion(out, label)
        eval_loss += loss.data[0] * label.size(0)
    print("test loss {:.6f}".format(eval_loss / len(test_set)))

torch.save(net.state_dict(), "./logistic.pth")
