"""part of positive project [LG005]: the module-level training loop feeds MSELoss the (N, 1) output of the LSTM regressor against a 1-D FloatTensor built from the batch's list of returns, so the loss broadcasts to (N, N)."""
# Source: mlpanda/DeepLearning_Financial@7e846144629d8b49b8fd74a87d5ff047b7af55d1 run_training.py (read as is; issue #2, see models/lstm.py; re-typed, the wavelet smoothing, the stacked autoencoders, the rolling windows and the evaluation and plotting left out)
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.optim as optim
from torch.autograd import Variable

from models import Sequence
from utils import ExampleDataset, prepare_data_lstm

frame = pd.read_csv("./data/S&P500IndexData-Table1.csv", sep=";")
time_steps = 4
batchsize = 60

encoded = np.load("encoded.npy")
closes = frame["Close Price"]
x_train, y_train = prepare_data_lstm(encoded, closes, time_steps, log_return=True, train=True)
y_train = y_train.as_matrix()

np.random.seed(0)
torch.manual_seed(0)
seq = Sequence(encoded.shape[1], hidden_size=100, nb_layers=3)
criterion = nn.MSELoss()
optimizer = optim.Adam(params=seq.parameters(), lr=0.0005)

for epoch in range(0, 1):
    seq.train()
    loss_train = 0
    pairs = list(zip(x_train, y_train))
    random.shuffle(pairs)
    x_train = []
    y_train = []
    x_train[:], y_train[:] = zip(*pairs)
    trainloader = ExampleDataset(x_train, y_train, batchsize)

    for j in range(len(trainloader)):
        sample = trainloader[j]
        sample_x = sample["x"]
        if len(sample_x) != 0:
            sample_x = np.stack(sample_x)
            input = Variable(torch.FloatTensor(sample_x), requires_grad=False)
            input = torch.transpose(input, 0, 1)
            target = Variable(torch.FloatTensor([x for x in sample["y"]]), requires_grad=False)

            optimizer.zero_grad()
            out = seq(input)
            loss = criterion(out, target)  # expect: LG005
            loss_train += float(loss.data.numpy())
            loss.backward()
            optimizer.step()
