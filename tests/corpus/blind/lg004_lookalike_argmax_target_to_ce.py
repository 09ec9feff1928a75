"""look-alike [LG004, LG013]: integer targets from argmax go to CrossEntropyLoss (correct), and the binary auxiliary target is made float before BCEWithLogitsLoss."""
import torch
import torch.nn as nn


class Tagger(nn.Module):
    def __init__(self, d_in=300, n_cls=9):
        super().__init__()
        self.rnn = nn.LSTM(d_in, 128, batch_first=True, bidirectional=True)
        self.cls = nn.Linear(256, n_cls)
        self.is_entity = nn.Linear(256, 1)

    def forward(self, x):
        h, _ = self.rnn(x)
        return self.cls(h), self.is_entity(h).squeeze(-1)


def train(model, loader, epochs=8):
    ce = nn.CrossEntropyLoss(ignore_index=-100)
    bce = nn.BCEWithLogitsLoss()
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    for ep in range(epochs):
        for emb, onehot_tags in loader:
            tag_ids = onehot_tags.argmax(dim=-1)
            entity = (tag_ids != 0).float()
            cls_logits, ent_logits = model(emb)
            loss = ce(cls_logits.reshape(-1, cls_logits.size(-1)), tag_ids.reshape(-1))
            loss = loss + 0.3 * bce(ent_logits, entity)
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(ep, loss.item())


if __name__ == "__main__":
    m = Tagger()
    a, b = m(torch.randn(2, 7, 300))
    print(a.shape, b.shape)
