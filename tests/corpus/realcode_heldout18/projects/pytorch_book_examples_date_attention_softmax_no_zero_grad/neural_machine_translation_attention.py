"""part of positive project [LG001, LG014]: the training script scores the model's stacked softmax outputs with nn.CrossEntropyLoss and steps Adam every batch with its optimizer.zero_grad() commented out (backward(retain_graph=True) keeps adding into the same gradients)."""
# Source: aurotripathy/pytorch-book-examples at 5be8121e (read as is), attention/neural_machine_translation_attention.py;
# re-typed, identifiers renamed; the shape-printing lines and the long comments on the data cut.
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

from nmt_utils import load_dataset, preprocess_data
from pyt_model import DateAttention

m = 10000
dataset, in_vocab, out_vocab, inv_out_vocab = load_dataset(m)

Tx = 30
Ty = 10
X, Y, Xoh, Yoh = preprocess_data(dataset, in_vocab, out_vocab, Tx, Ty)

Xoh = torch.from_numpy(Xoh).float()
Yoh = torch.from_numpy(Yoh).float()
Xoh = Xoh.transpose(0, 1)
Yoh = np.transpose(Yoh, (1, 0, 2))

epochs = 50
batch_size = 100
n_batches = Xoh.size()[1] // batch_size

n_a = 32
n_s = 64
model = DateAttention(Tx, Ty, n_a, n_s, len(in_vocab), len(out_vocab), batch_size)
optimizer = optim.Adam(model.parameters(), lr=0.005, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.001)
criterion = nn.CrossEntropyLoss()

for epoch in range(1, epochs + 1):
    model.train()
    for i in range(n_batches):
        xb, yb = Xoh[:, i * n_batches:(i + 1) * n_batches, ], Yoh[:, i * n_batches:(i + 1) * n_batches, ]
        # optimizer.zero_grad()
        with torch.autograd.set_detect_anomaly(True):
            probs = model(xb)
            targets = yb.argmax(2).view(batch_size, -1)
            loss = criterion(probs, targets)  # expect: LG001
            print('---loss---', loss)
            loss.backward(retain_graph=True)
            optimizer.step()  # expect: LG014

torch.save(model.state_dict(), 'models/attn-model.pt')
