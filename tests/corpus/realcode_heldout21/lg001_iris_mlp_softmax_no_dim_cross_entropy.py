"""positive [LG001, LG011]: a tutorial iris MLP ends its forward in a self.softmax = nn.Softmax() attribute (no dim); the full-batch loop scores those probabilities with nn.CrossEntropyLoss."""
# Source: aman-17/pytorch-tutorial at d3d049d1 (read as is), iris.py; re-typed, identifiers renamed; the unused
# torchvision imports and the commented plotting cut.
import numpy as np
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
import torch
import torch.nn as nn
from torch.autograd import Variable
import tqdm

data = load_iris()
features = data["data"]
classes = data["target"]

scaler = StandardScaler()
features_scaled = scaler.fit_transform(features)
x_tr, x_te, y_tr, y_te = train_test_split(features_scaled, classes, test_size=0.2, random_state=2)

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


class FlowerNet(nn.Module):
    def __init__(self, n_in):
        super(FlowerNet, self).__init__()
        self.lin1 = nn.Linear(n_in, 64)
        self.act = nn.Sigmoid()
        self.norm1 = nn.BatchNorm1d(64)
        self.softmax = nn.Softmax()  # expect: LG011
        self.drop = nn.Dropout()
        self.lin2 = nn.Linear(64, 32)
        self.norm2 = nn.BatchNorm1d(32)
        self.lin3 = nn.Linear(32, 16)
        self.norm3 = nn.BatchNorm1d(16)
        self.lin4 = nn.Linear(16, 3)
        self.norm4 = nn.BatchNorm1d(3)

    def forward(self, x):
        x = self.drop(self.act(self.norm1(self.lin1(x))))
        x = self.drop(self.act(self.norm2(self.lin2(x))))
        x = self.drop(self.act(self.norm3(self.lin3(x))))
        x = self.lin4(x)
        x = self.norm4(x)
        x = self.softmax(x)
        return x


net = FlowerNet(x_tr.shape[1]).to(device)

criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(net.parameters(), lr=0.001)

N_EPOCHS = 100
x_tr = Variable(torch.from_numpy(x_tr)).float()
y_tr = Variable(torch.from_numpy(y_tr)).long()
x_te = Variable(torch.from_numpy(x_te)).float()
y_te = Variable(torch.from_numpy(y_te)).long()

losses = np.zeros((N_EPOCHS,))
accs = np.zeros((N_EPOCHS,))

for ep in tqdm.trange(N_EPOCHS):
    probs = net(x_tr)
    loss = criterion(probs, y_tr)  # expect: LG001
    losses[ep] = loss.item()

    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(f"Epoch [{ep+1}/{N_EPOCHS}], Loss: {loss.item():.4f}")
    with torch.no_grad():
        probs = net(x_te)
        hits = (torch.argmax(probs, dim=1) == y_te).type(torch.FloatTensor)
        accs[ep] = hits.mean()
