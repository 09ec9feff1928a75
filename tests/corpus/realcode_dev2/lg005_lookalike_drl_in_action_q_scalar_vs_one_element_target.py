"""look-alike [LG005]: the book's Q-learning step compares one Q-value, qval.squeeze()[action_] (a 0-d tensor), with Y = torch.Tensor([Y]) of shape (1,): torch warns about the sizes, but a scalar broadcast against one element is the same single difference, so the loss is right."""
# Source: https://github.com/DeepReinforcementLearning/DeepReinforcementLearningInAction Chapter 3/Ch3_book.ipynb
# at d0e0bb62b636aa70c112de5ab8af2374d7914b74 (Listing 3.3, the cells that build the model and train it; issue
# #15 "Different sizes for the loss_fn" asks how to silence the warning); the notebook cells as .py,
# re-typed, names changed, reduced (plotting left out).
import random

import numpy as np
import torch
from Gridworld import Gridworld
from IPython.display import clear_output

l1, l2, l3, l4 = 64, 150, 100, 4
model = torch.nn.Sequential(
    torch.nn.Linear(l1, l2),
    torch.nn.ReLU(),
    torch.nn.Linear(l2, l3),
    torch.nn.ReLU(),
    torch.nn.Linear(l3, l4),
)
loss_fn = torch.nn.MSELoss()
learning_rate = 1e-3
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
gamma = 0.9
epsilon = 1.0
action_set = {0: "u", 1: "d", 2: "l", 3: "r"}

epochs = 1000
losses = []
for i in range(epochs):
    game = Gridworld(size=4, mode="static")
    state_ = game.board.render_np().reshape(1, 64) + np.random.rand(1, 64) / 10.0
    state = torch.from_numpy(state_).float()
    status = 1
    while status == 1:
        qval = model(state)
        qval_ = qval.data.numpy()
        if random.random() < epsilon:
            action_ = np.random.randint(0, 4)
        else:
            action_ = np.argmax(qval_)
        action = action_set[action_]
        game.makeMove(action)
        state2_ = game.board.render_np().reshape(1, 64) + np.random.rand(1, 64) / 10.0
        state2 = torch.from_numpy(state2_).float()
        reward = game.reward()
        with torch.no_grad():
            newQ = model(state2.reshape(1, 64))
        maxQ = torch.max(newQ)
        if reward == -1:
            Y = reward + (gamma * maxQ)
        else:
            Y = reward
        Y = torch.Tensor([Y]).detach()
        X = qval.squeeze()[action_]
        loss = loss_fn(X, Y)
        print(i, loss.item())
        clear_output(wait=True)
        optimizer.zero_grad()
        loss.backward()
        losses.append(loss.item())
        optimizer.step()
        state1 = state2
        if reward != -1:
            status = 0
    if epsilon > 0.1:
        epsilon -= 1 / epochs
