"""look-alike [LG004, LG005, LG016, LG002]: the workshop's review classifier casts the word ids with .long() (for nn.Embedding), ends its forward in torch.sigmoid(...).unsqueeze(0) (shape (1,)) and scores it with nn.BCELoss against torch.Tensor([label]) (float32, shape (1,))."""
# Source: PacktWorkshops/The-Deep-Learning-with-PyTorch-Workshop at 373cfb26 (read as is),
# Chapter06/Activity6.03/Activity6.03.ipynb; the code cells, re-typed, identifiers renamed; the two plotting cells cut.
from string import punctuation

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import accuracy_score
from torch import nn, optim

torch.manual_seed(0)
# ---- cell 2
frame = pd.read_csv("amazon_cells_labelled.txt", sep="\t", header=None)
texts = frame.iloc[:, 0].str.lower()
polarity = frame.iloc[:, 1].values
# ---- cell 3
for ch in punctuation:
    texts = texts.str.replace(ch, "")
# ---- cell 4
vocab = set(' '.join(texts).split())
word_to_id = {w: i for (i, w) in enumerate(vocab)}
# ---- cell 5
encoded = []
for t in texts:
    encoded.append([word_to_id[w] for w in t.split()])


# ---- cell 6
class ReviewLSTM(nn.Module):
    def __init__(self, n_vocab, emb_dim, hidden, n_layers):
        super().__init__()
        self.hidden = hidden
        self.emb = nn.Embedding(n_vocab, emb_dim)
        self.lstm = nn.LSTM(emb_dim, hidden, n_layers, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        out = self.emb(x)
        out, _ = self.lstm(out)
        out = out.contiguous().view(-1, self.hidden)
        out = self.head(out)
        out = out[-1, 0]
        out = torch.sigmoid(out).unsqueeze(0)
        return out


# ---- cell 7
net = ReviewLSTM(len(vocab), 64, 128, 3)
# ---- cell 8
criterion = nn.BCELoss()
opt = optim.Adam(net.parameters(), lr=0.001)
n_epochs = 10
# ---- cell 9
epoch_losses = []
epoch_accs = []
for e in range(1, n_epochs + 1):
    step_losses = []
    guesses = []
    truths = []
    for i, ids in enumerate(encoded):
        if len(ids) <= 1:
            continue
        x = torch.Tensor([ids]).long()
        y = torch.Tensor([polarity[i]])
        p = net(x)
        loss = criterion(p, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        guesses.append(np.round(p.detach().numpy()))
        truths.append(y)
        step_losses.append(loss.item())
    epoch_losses.append(np.mean(step_losses))
    acc = accuracy_score(truths, guesses)
    epoch_accs.append(acc)
    print("Epoch: ", e, "... Loss function: ", epoch_losses[-1], "... Accuracy: ", acc)
