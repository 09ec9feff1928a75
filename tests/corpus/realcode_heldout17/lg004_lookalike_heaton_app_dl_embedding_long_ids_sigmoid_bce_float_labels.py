"""look-alike [LG004, LG002, LG016]: the course's embedding notebook casts the padded word ids with .long() for nn.Embedding, ends its nn.Sequential in nn.Sigmoid() and scores the squeezed probabilities with nn.BCELoss against labels built with dtype=torch.float."""
# Source: jeffheaton/app_deep_learning at c8d1e529 (read as is), t81_558_class_09_3_embedding.ipynb; the code cells
# concerned (20 to 32), re-typed, identifiers renamed; the embedding-weight printing cut.
import torch
import torch.nn as nn
import torch.optim as optim

# ---- cell 20
reviews = ['Never coming back!', 'Horrible service', 'Rude waitress', 'Cold food.', 'Horrible food!', 'Awesome',
           'Awesome service!', 'Rocks!', 'poor work', 'Couldn\'t have done better']
labels = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]

# ---- cell 22
VOCAB = 50
encoded = [torch.tensor([hash(w) % VOCAB for w in r.split()]) for r in reviews]

# ---- cell 24
MAXLEN = 4


def pad_or_truncate(seq, length):
    seq = seq[:length]
    if len(seq) < length:
        seq = torch.cat([seq, torch.zeros(length - len(seq), dtype=seq.dtype)])
    return seq


padded = torch.stack([pad_or_truncate(r, MAXLEN) for r in encoded])

# ---- cell 26
net = nn.Sequential(
    nn.Embedding(VOCAB, 8),
    nn.Flatten(),
    nn.Linear(8 * MAXLEN, 1),
    nn.Sigmoid()
)

# ---- cell 28
criterion = nn.BCELoss()
optimizer = optim.Adam(net.parameters())
y = torch.tensor(labels, dtype=torch.float)
for epoch in range(100):
    optimizer.zero_grad()
    out = net(padded.long())
    loss = criterion(out.squeeze(), y)
    loss.backward()
    optimizer.step()

# ---- cell 32
with torch.no_grad():
    out = net(padded.long())
    preds = (out > 0.5).float().squeeze()
    y = torch.tensor(labels, dtype=torch.float)
    acc = (preds == y).float().mean().item()
    ll = criterion(out.squeeze(), y).item()
print(f'Accuracy: {acc}')
print(f'Log-loss: {ll}')
