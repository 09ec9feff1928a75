"""positive [LG014]: the course's stacked-autoencoder recommender trains one user row at a time, calling loss.backward() and optimizer.step() for every user without ever clearing the gradients, so each step applies the sum of all earlier users' gradients."""
# Source: PacktPublishing/Deep-Learning-Projects-with-PyTorch at 96967b3e (read as is), Section_6/autoencoder.py;
# re-typed, identifiers renamed; the MovieLens 1M frames read but unused cut.
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.optim as optim
import torch.utils.data
from torch.autograd import Variable

train_rows = np.array(pd.read_csv('ml-100k/u1.base', delimiter='\t'), dtype='int')
test_rows = np.array(pd.read_csv('ml-100k/u1.test', delimiter='\t'), dtype='int')
n_users = int(max(max(train_rows[:, 0]), max(test_rows[:, 0])))
n_items = int(max(max(train_rows[:, 1]), max(test_rows[:, 1])))


def to_matrix(data):
    rows = []
    for u in range(1, n_users + 1):
        items = data[:, 1][data[:, 0] == u]
        stars = data[:, 2][data[:, 0] == u]
        r = np.zeros(n_items)
        r[items - 1] = stars
        rows.append(list(r))
    return rows


train_m = torch.FloatTensor(to_matrix(train_rows))
test_m = torch.FloatTensor(to_matrix(test_rows))


class StackedAE(nn.Module):
    def __init__(self, ):
        super(StackedAE, self).__init__()
        self.fc1 = nn.Linear(n_items, 20)
        self.fc2 = nn.Linear(20, 10)
        self.fc3 = nn.Linear(10, 20)
        self.fc4 = nn.Linear(20, n_items)
        self.act = nn.Sigmoid()

    def forward(self, x):
        x = self.act(self.fc1(x))
        x = self.act(self.fc2(x))
        x = self.act(self.fc3(x))
        return self.fc4(x)


sae = StackedAE()
criterion = nn.MSELoss()
optimizer = optim.RMSprop(sae.parameters(), lr=0.01, weight_decay=0.5)

n_epochs = 200
for epoch in range(1, n_epochs + 1):
    train_loss = 0
    s = 0.
    for u in range(n_users):
        x = Variable(train_m[u]).unsqueeze(0)
        y = x.clone()
        if torch.sum(y.data > 0) > 0:
            out = sae(x)
            y.require_grad = False
            out[y == 0] = 0
            loss = criterion(out, y)
            corr = n_items / float(torch.sum(y.data > 0) + 1e-10)
            loss.backward()
            train_loss += np.sqrt(loss.data[0] * corr)
            s += 1.
            optimizer.step()  # expect: LG014
    print('epoch: ' + str(epoch) + ' loss: ' + str(train_loss / s))

test_loss = 0
s = 0.
for u in range(n_users):
    x = Variable(train_m[u]).unsqueeze(0)
    y = Variable(test_m[u])
    if torch.sum(y.data > 0) > 0:
        out = sae(x)
        y.require_grad = False
        out[y == 0] = 0
        loss = criterion(out, y)
        corr = n_items / float(torch.sum(y.data > 0) + 1e-10)
        test_loss += np.sqrt(loss.data[0] * corr)
        s += 1.
print('test loss: ' + str(test_loss / s))
