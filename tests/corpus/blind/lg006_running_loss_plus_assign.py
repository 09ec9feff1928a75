"""positive [LG006]: seq2seq trainer sums the batch loss tensor into epoch_loss (defined before the loop) with `epoch_loss = epoch_loss + loss`."""
import torch
import torch.nn as nn


class Seq2Seq(nn.Module):
    def __init__(self, src_vocab, tgt_vocab, dim=256):
        super().__init__()
        self.src_emb = nn.Embedding(src_vocab, dim)
        self.tgt_emb = nn.Embedding(tgt_vocab, dim)
        self.encoder = nn.GRU(dim, dim, batch_first=True)
        self.decoder = nn.GRU(dim, dim, batch_first=True)
        self.out = nn.Linear(dim, tgt_vocab)

    def forward(self, src, tgt_in):
        _, h = self.encoder(self.src_emb(src))
        dec, _ = self.decoder(self.tgt_emb(tgt_in), h)
        return self.out(dec)


def train_epoch(model, iterator, optimizer, criterion, clip=1.0):
    model.train()
    epoch_loss = 0
    for i, (src, tgt) in enumerate(iterator):
        optimizer.zero_grad()
        logits = model(src, tgt[:, :-1])
        loss = criterion(logits.reshape(-1, logits.size(-1)), tgt[:, 1:].reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
        optimizer.step()
        epoch_loss = epoch_loss + loss  # expect: LG006
    return epoch_loss / len(iterator)


def main(train_iter, src_vocab=8000, tgt_vocab=6000, n_epochs=10):
    model = Seq2Seq(src_vocab, tgt_vocab)
    optimizer = torch.optim.Adam(model.parameters(), lr=5e-4)
    criterion = nn.CrossEntropyLoss(ignore_index=0)
    for epoch in range(n_epochs):
        train_loss = train_epoch(model, train_iter, optimizer, criterion)
        print(f"Epoch {epoch + 1:02} | Train Loss: {float(train_loss):.3f}")


if __name__ == "__main__":
    m = Seq2Seq(100, 100)
    print(m(torch.randint(0, 100, (2, 5)), torch.randint(0, 100, (2, 4))).shape)
