"""positive [LG006]: `train_one_epoch` sums every batch's loss tensor after its backward() and returns the sum; the trainer only logs it (`log_metric`, a `%.4f` line), so the graphs of the whole epoch are kept for a number."""

# Source: khanhnamle1994/MetaRec@b5e36cb Autoencoders-Experiments/CDAE-PyTorch/CDAE.py and Trainer.py (re-typed, renamed, cut to the epoch)
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class CollaborativeDAE(nn.Module):
    def __init__(self, n_users, n_items, hidden=50):
        super().__init__()
        self.user_embedding = nn.Embedding(n_users, hidden)
        self.encoder = nn.Linear(n_items, hidden)
        self.decoder = nn.Linear(hidden, n_items)

    def forward(self, user_ids, ratings):
        ratings = F.dropout(ratings, 0.5, training=self.training)
        enc = torch.tanh(self.encoder(ratings) + self.user_embedding(user_ids))
        return torch.sigmoid(self.decoder(enc))

    def train_one_epoch(self, matrix, optimizer, batch_size):
        self.train()
        n = matrix.shape[0]
        perm = np.random.permutation(n)
        loss = 0.0
        for b in range(int(np.ceil(n / batch_size))):
            optimizer.zero_grad()
            idx = perm[b * batch_size : (b + 1) * batch_size]
            rows = torch.FloatTensor(matrix[idx])
            pred = self.forward(torch.LongTensor(idx), rows)
            batch_loss = F.binary_cross_entropy(pred, rows, reduction="sum")
            batch_loss.backward()
            optimizer.step()
            loss += batch_loss  # expect: LG006
        return loss


class Trainer:
    def __init__(self, model, matrix, epochs=100, batch_size=256, lr=1e-3):
        self.model = model
        self.matrix = matrix
        self.epochs = epochs
        self.batch_size = batch_size
        self.lr = lr

    def train(self, experiment):
        optimizer = torch.optim.Adam(self.model.parameters(), self.lr)
        for epoch in range(1, self.epochs + 1):
            loss = self.model.train_one_epoch(self.matrix, optimizer, self.batch_size)
            experiment.log_metric("loss", loss, step=epoch)
            print("[Epoch %3d/%3d] loss = %.4f" % (epoch, self.epochs, loss))


if __name__ == "__main__":
    Trainer(CollaborativeDAE(943, 1682), rating_matrix).train(comet_experiment)
