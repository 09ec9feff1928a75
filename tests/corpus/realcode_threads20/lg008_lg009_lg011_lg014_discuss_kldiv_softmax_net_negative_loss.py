"""positive [LG008, LG009, LG011, LG014]: the tutorial CIFAR net ends in F.softmax(x) with no dim, its output goes to a default KLDivLoss against one-hot labels, and the loop posted never clears the gradients."""

# Source: thread https://discuss.pytorch.org/t/kullback-leibler-divergence-loss-function-giving-negative-values/763
# (the user's full posted code, re-typed and renamed; the optimizer and the one-hot helper are not in the post and stay
# undefined). The thread concluded that KLDivLoss wants log-probabilities as its input (log_softmax), which is why the
# loss went negative.
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.view(-1, 16 * 5 * 5)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        x = F.softmax(x)  # expect: LG011
        return x


net = Net()
net = net.cuda()

criterion = nn.KLDivLoss()  # expect: LG009
n_classes = 10

for epoch in range(5):
    running = 0.0
    for i, data in enumerate(trainloader, 0):
        inputs, labels = data
        onehot = to_one_hot(labels, n_classes)
        inputs, labels = Variable(inputs).cuda(), Variable(onehot).cuda()
        outputs = net(inputs)
        loss = criterion(outputs, labels)  # expect: LG008
        loss.backward()
        optimizer.step()  # expect: LG014
        running += loss.data
        if i % 200 == 199:
            print(epoch + 1, i + 1, running / 200)
            running = 0.0
