"""positive [LG005]: a practice three-layer network ends in Linear(n_2, n_3) with n_3 = 1 and a sigmoid, so its prediction is (m, 1); the labels are drawn as an (m, n_3) float tensor and squeezed to (m,) before nn.MSELoss(reduction="sum"), which broadcasts the pair to (m, m)."""
# Source: JarvisLee0423/Pytorch_Practice at 6bc3479b (read as is),
# Simple_Neural_Network_with_Pytorch/Pytorch_Implementation/TorchNN.py; re-typed, identifiers renamed, the line-by-line
# comments cut. The `if torch.cuda.is_available:` test (the function, not its call) is kept as in the source.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

m = 100
n_0 = 1000
n_1 = 100
n_2 = 100
n_3 = 1
learning_rate = 1e-6
epoch = 1000

if torch.cuda.is_available:
    device = "cuda"
    torch.cuda.set_device(0)
else:
    device = "cpu"


class ThreeLayerNet(nn.Module):
    def __init__(self, n_0, n_1, n_2, n_3):
        super(ThreeLayerNet, self).__init__()
        self.fc1 = nn.Linear(n_0, n_1)
        self.fc2 = nn.Linear(n_1, n_2)
        self.fc3 = nn.Linear(n_2, n_3)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        x = F.sigmoid(x)
        return x

    @staticmethod
    def trainer(m=m, n_0=n_0, n_1=n_1, n_2=n_2, n_3=n_3, lr=learning_rate, epoch=epoch):
        X = torch.randn((m, n_0))
        Y = torch.randint(0, 2, (m, n_3), dtype=torch.float32).to(device)
        X = (X - torch.mean(X)) / torch.std(X)
        X = X.to(device)
        net = ThreeLayerNet(n_0, n_1, n_2, n_3).to(device)
        loss = nn.MSELoss(reduction="sum")
        optimizer = optim.Adam(net.parameters(), lr=lr)
        for epoch in range(epoch):
            pred = net(X)
            cost = loss(pred, Y.squeeze())  # expect: LG005
            print("The value of loss of epoch " + str(epoch + 1) + " is: " + str(cost.item()))
            optimizer.zero_grad()
            cost.backward()
            optimizer.step()
        acc = (torch.argmax(pred, 1) == Y)
        acc = acc.sum().float() / len(acc)
        print("The accuracy is: " + str(acc.item()))


if __name__ == "__main__":
    ThreeLayerNet.trainer()
