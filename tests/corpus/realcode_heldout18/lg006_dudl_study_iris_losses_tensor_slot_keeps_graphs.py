"""positive [LG006]: a student's copy of a deep-learning course notebook stores every epoch's full-batch loss into a preallocated torch.zeros tensor (losses[epochi] = loss), which makes the tensor part of the graph and keeps all 1000 epochs' graphs alive (the plot reads losses.detach()); the softmax after training only shows the probabilities."""
# Source: SebinSong/deep-learning-pytorch-study at f3fb6844 (read as is), ANN/DUDL_ANN_multioutput.ipynb; the code
# cells, re-typed, identifiers renamed; the seaborn pair plot and the plotting cells cut (the same store is in
# ANN/DUDL_ANN_classifyQwerties.ipynb, DUDL_ANN_learningrates.ipynb, DUDL_ANN_nHiddenUnits.ipynb and four others).
import matplotlib.pyplot as plt
import seaborn as sns
import torch
import torch.nn as nn

# ---- cell 2
flowers = sns.load_dataset('iris')
# ---- cell 4
feats = torch.tensor(flowers[flowers.columns[0:4]].values).float()
species = torch.zeros(len(feats), dtype=torch.long)
species[flowers.species == 'versicolor'] = 1
species[flowers.species == 'virginica'] = 2
# ---- cell 5
net = nn.Sequential(
    nn.Linear(4, 64),
    nn.ReLU(),
    nn.Linear(64, 64),
    nn.ReLU(),
    nn.Linear(64, 3),
)
criterion = nn.CrossEntropyLoss()
opt = torch.optim.SGD(net.parameters(), lr=.01)
# ---- cell 6
n_epochs = 1000
losses = torch.zeros(n_epochs)
accs = []
for epoch in range(n_epochs):
    scores = net(feats)
    loss = criterion(scores, species)
    losses[epoch] = loss  # expect: LG006
    opt.zero_grad()
    loss.backward()
    opt.step()
    hits = torch.argmax(scores, axis=1) == species
    accs.append(100 * torch.mean(hits.float()))

final = net(feats)
guess = torch.argmax(final, axis=1)
total_acc = 100 * torch.mean((guess == species).float())
# ---- cell 8
print('Final accuracy: %g%%' % total_acc)
fig, ax = plt.subplots(1, 2, figsize=(13, 4))
ax[0].plot(losses.detach())
ax[1].plot(accs)
plt.show()
# ---- cell 9
sm = nn.Softmax(1)
torch.sum(sm(scores), axis=1)
# ---- cell 10
plt.plot(sm(scores.detach()), 's-', markerfacecolor='w')
plt.show()
