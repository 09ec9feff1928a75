"""positive [LG014]: a course stacked autoencoder for movie ratings back-propagates one user's masked MSE at a time and steps RMSprop after each, but no zero_grad is ever called, so every user's gradient is added to all earlier ones."""
# Source: laloceh/Torch_tests at cf13f8fa (read as is), AutoEncoder.py (a re-typing of a course recommender script, with
# Spanish comments); re-typed, identifiers renamed, comments translated and shortened; the test-set evaluation loop
# after training kept short.
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.parallel
import torch.optim as optim
import torch.utils.data
from torch.autograd import Variable

train_rows = pd.read_csv("ml-100k/u1.base", sep="\t", engine="python", encoding="latin-1", header=None)
train_rows = np.array(train_rows, dtype="int")
test_rows = pd.read_csv("ml-100k/u1.test", sep="\t", engine="python", encoding="latin-1", header=None)
test_rows = np.array(test_rows, dtype="int")

n_users = int(max(max(train_rows[:, 0]), max(test_rows[:, 0])))
n_movies = int(max(max(train_rows[:, 1]), max(test_rows[:, 1])))


def to_matrix(rows):
    out = []
    for uid in range(1, n_users + 1):
        movie_ids = rows[:, 1][rows[:, 0] == uid]
        ratings_of_user = rows[:, 2][rows[:, 0] == uid]
        ratings = np.zeros(n_movies)
        ratings[movie_ids - 1] = ratings_of_user
        out.append(list(ratings))
    return out


train_matrix = torch.FloatTensor(to_matrix(train_rows))
test_matrix = torch.FloatTensor(to_matrix(test_rows))


class StackedAE(nn.Module):
    def __init__(self):
        super(StackedAE, self).__init__()
        self.enc1 = nn.Linear(in_features=n_movies, out_features=20)
        self.enc2 = nn.Linear(in_features=20, out_features=10)
        self.dec1 = nn.Linear(in_features=10, out_features=20)
        self.dec2 = nn.Linear(in_features=20, out_features=n_movies)
        self.act = nn.Sigmoid()

    def forward(self, x):
        x = self.act(self.enc1(x))
        x = self.act(self.enc2(x))
        x = self.act(self.dec1(x))
        return self.dec2(x)  # no activation: ratings are not in [0, 1]


ae = StackedAE()
criterion = nn.MSELoss()
optimizer = optim.RMSprop(ae.parameters(), lr=0.01, weight_decay=0.5)

n_epochs = 10
for epoch in range(1, n_epochs + 1):
    running = 0
    rated_users = 0.
    for uid in range(n_users):
        x = Variable(train_matrix[uid]).unsqueeze(0)
        target = x.clone()
        if torch.sum(target.data > 0) > 0:
            recon = ae(x)
            target.require_grad = False
            recon[target == 0] = 0  # unrated movies count neither in the loss nor in the gradient
            loss = criterion(recon, target)
            corrector = n_movies / float(torch.sum(target.data > 0) + 1e-10)
            loss.backward()
            running += np.sqrt(loss.item() * corrector)
            rated_users += 1.
            optimizer.step()  # expect: LG014
    print("Epoch: {}, Train Loss: {}".format(epoch, running / rated_users))

test_running = 0
rated_users = 0.
for uid in range(n_users):
    x = Variable(train_matrix[uid]).unsqueeze(0)
    target = Variable(test_matrix[uid]).unsqueeze(0)
    if torch.sum(target.data > 0) > 0:
        recon = ae(x)
        target.require_grad = False
        recon[target == 0] = 0
        loss = criterion(recon, target)
        corrector = n_movies / float(torch.sum(target.data > 0) + 1e-10)
        test_running += np.sqrt(loss.item() * corrector)
        rated_users += 1.
print("Test Loss: {}".format(test_running / rated_users))
