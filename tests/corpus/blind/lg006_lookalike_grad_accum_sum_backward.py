"""look-alike [LG006, LG014]: long documents are split into chunks whose losses are summed and backward() is called on the sum; zero_grad runs once per document, inside the loop."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ChunkEncoder(nn.Module):
    def __init__(self, vocab=32000, dim=256, n_cls=2):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim)
        layer = nn.TransformerEncoderLayer(dim, 4, 512, batch_first=True)
        self.enc = nn.TransformerEncoder(layer, 2)
        self.head = nn.Linear(dim, n_cls)

    def forward(self, ids):
        return self.head(self.enc(self.emb(ids)).mean(1))


def train(model, documents, epochs=3, chunk=512):
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    for epoch in range(epochs):
        log_total = 0.0
        for ids, label in documents:
            opt.zero_grad()
            doc_loss = 0
            chunks = ids.split(chunk, dim=1)
            for piece in chunks:
                logits = model(piece)
                doc_loss += F.cross_entropy(logits, label) / len(chunks)
            doc_loss.backward()
            opt.step()
            log_total += doc_loss.item()
        print(epoch, log_total / len(documents))


if __name__ == "__main__":
    m = ChunkEncoder()
    print(m(torch.randint(0, 32000, (1, 64))).shape)
