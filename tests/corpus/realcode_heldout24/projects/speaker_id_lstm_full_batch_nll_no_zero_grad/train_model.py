"""part of positive project [LG014]: the training script flattens every MFCC window, feeds the whole set as one sequence batch, and for 1000 iterations computes torch.nn.NLLLoss()(y, Y) on the model's log-probabilities, calls backward and optimizer.step(), never clearing the gradients."""
# Source: RobZelluf/Speaker-Verification at 01378730 (read as is; the repository is over the snapshot size limit, so the files were read through the file index at that commit), train_model.py;
# re-typed, identifiers renamed. Model.py is star-imported, which also brings optim.
import numpy as np
import torch

from Model import *
from utils import read_data


def get_accuracy(logits, target):
    corrects = (torch.max(logits, 1)[1].view(target.size()).data == target.data).sum()
    accuracy = 100.0 * corrects / len(target)
    return accuracy.item()


X, Y = read_data()
num_speakers = np.max(Y) + 1

X = torch.from_numpy(X)
X = X.flatten(1, -1)
input_dim = X.shape[1]

X = X.reshape(1, X.shape[0], X.shape[1])
Y = torch.from_numpy(Y)

model = SpeakerNet(input_dim, num_speakers)
optimizer = optim.Adam(model.parameters(), lr=0.001)

iterations = 1000
for i in range(iterations):
    y = model.forward(X)
    loss = torch.nn.NLLLoss()(y, Y)
    loss.backward()
    optimizer.step()  # expect: LG014
    print(loss.detach())
    print(get_accuracy(y, Y))
