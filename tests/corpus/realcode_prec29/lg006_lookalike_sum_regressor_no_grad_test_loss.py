"""look-alike [LG006]: a script keeps each epoch's held-out loss in a preallocated tensor; the prediction is remade under no_grad (the same name trained with grad above) against targets made a tensor from numbers, so the stored loss holds no graph."""

# Source: dtgfdgfgf/Pytorch_Practice@1489e7ff11 practice/ANN_proj1.py; re-typed, identifiers renamed; the plotting cut
# Mutation: the training loss stored as `loss.item()` (the repository stores the tensor itself, line 54: LG006, the
# positive beside this file); the held-out loss at line 63 as written
import numpy as np
import torch
import torch.nn as nn
from sklearn.model_selection import train_test_split

np.random.seed(0)
count = 1000
pairs = np.random.randint(-10, 11, (count, 2))
sums = np.sum(pairs, axis=1)

features = torch.tensor(pairs).float()
answers = torch.tensor(sums).float()
answers = answers[:, None]

x_fit, x_held, y_fit, y_held = train_test_split(features, answers, test_size=0.1)

regressor = nn.Sequential(
    nn.Linear(2, 16),
    nn.ReLU(),
    nn.Linear(16, 16),
    nn.ReLU(),
    nn.Linear(16, 1),
)

mse = nn.MSELoss()
sgd = torch.optim.SGD(regressor.parameters(), lr=0.01)

repeats = 10
epochs = 1000
fit_mean = torch.zeros(repeats)
held_mean = torch.zeros(repeats)
fit_curve = torch.zeros(repeats, epochs)
held_curve = torch.zeros(repeats, epochs)

for rep in range(repeats):
    for epoch in range(epochs):
        regressor.train()
        guess = regressor(x_fit)
        loss = mse(guess, y_fit)
        fit_curve[rep][epoch] = loss.item()

        sgd.zero_grad()
        loss.backward()
        sgd.step()

        regressor.eval()
        with torch.no_grad():
            guess = regressor(x_held)
        held_curve[rep][epoch] = mse(guess, y_held)

for rep in range(repeats):
    fit_mean[rep] = torch.mean(fit_curve[rep]).detach()
    held_mean[rep] = torch.mean(held_curve[rep]).detach()
for rep in range(repeats):
    print(f"train:{torch.mean(fit_curve[rep])}, test:{torch.mean(held_curve[rep])}")
