"""positive [LG006]: an autoencoder recommender's own fit() method steps its optimizer on every batch and adds each batch's loss tensor to `epoch_loss`, kept in the epoch's summary dict for the log: every batch's graph until the epoch ends."""

# Source: yoongi0428/RecSys_PyTorch@4787f1a models/DAE.py, models/CDAE.py (re-typed, renamed, cut to fit)
import torch
import torch.nn as nn
import torch.nn.functional as F


class DenoisingAE(nn.Module):
    def __init__(self, n_items, hidden=200, corruption=0.5, lr=1e-3):
        super().__init__()
        self.corruption = corruption
        self.encoder = nn.Linear(n_items, hidden)
        self.decoder = nn.Linear(hidden, n_items)
        self.optimizer = torch.optim.Adam(self.parameters(), lr=lr)

    def forward(self, ratings):
        ratings = F.dropout(ratings, self.corruption, training=self.training)
        return torch.sigmoid(self.decoder(torch.tanh(self.encoder(ratings))))

    def fit(self, batches, epochs, log):
        for epoch in range(1, epochs + 1):
            self.train()
            epoch_loss = 0.0
            for b, rows in enumerate(batches):
                self.optimizer.zero_grad()
                pred = self.forward(rows)
                batch_loss = F.binary_cross_entropy(pred, rows, reduction="none").sum(1).mean()
                batch_loss.backward()
                self.optimizer.step()
                epoch_loss += batch_loss  # expect: LG006
                if b % 50 == 0:
                    print("(%3d) loss = %.4f" % (b, batch_loss))
            summary = {"loss": epoch_loss}
            log(epoch, summary)


if __name__ == "__main__":
    DenoisingAE(1000).fit(matrix_batches, 50, print)
