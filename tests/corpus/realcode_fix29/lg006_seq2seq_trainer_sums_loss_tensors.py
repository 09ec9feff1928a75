"""positive [LG006]: a sequence-to-sequence trainer adds every batch's summed cross-entropy to `running_total += loss`, the loss tensor itself, to print a running mean: each batch's graph stays reachable from the running total for the whole epoch (the fix sums `loss.data.item()`)."""

# Source: dumitrescustefan/sustain-seq2seq@cfc882cb4c models/util/trainer.py, fixed in 466ffe93c4 ("updates to the trainier and save/load in models") (cut, renamed)
import os

import torch
import torch.nn as nn
from tqdm import tqdm


def fit(model, train_loader, valid_loader=None, store_path=None, max_epochs=100000, patience=10, lr=0.0005):
    if store_path is None:
        store_path = os.path.dirname(os.path.realpath(__file__))
    criterion = nn.CrossEntropyLoss(reduction="sum")
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    n_class = model.vocab_size
    epoch = 0
    patience_left = patience
    while patience_left > 0 and epoch < max_epochs:
        model.train()
        running_total = 0
        bar = tqdm(train_loader, ncols=120, desc="Epoch " + str(epoch) + " [train]", unit="batches")
        for step, (src, tgt) in enumerate(bar):
            if model.on_gpu:
                src = src.cuda()
                tgt = tgt.cuda()
            tgt_in = tgt[:, :-1]
            tgt_out = tgt[:, 1:]
            optimizer.zero_grad()
            output = model.forward(src, tgt_in)
            loss = criterion(output.view(-1, n_class), tgt_out.contiguous().flatten())
            loss.backward()
            optimizer.step()
            running_total += loss  # expect: LG006
            shown = running_total.data.item() / (step + 1)
            bar.set_postfix(loss=shown)
        if valid_loader is not None:
            model.eval()
            correct = 0
            for src, tgt in valid_loader:
                predicted = model.forward(src, tgt[:, :-1]).argmax(dim=2).flatten()
                correct += (predicted == tgt[:, 1:].contiguous().flatten()).float().mean().item()
        epoch += 1
