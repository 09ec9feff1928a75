"""look-alike [LG013, LG005]: float 'labels' are regression targets for MSELoss, and the class target for CrossEntropyLoss is built with dtype=torch.long."""
import torch
import torch.nn as nn


class AgeGender(nn.Module):
    def __init__(self, d=512):
        super().__init__()
        self.shared = nn.Sequential(nn.Linear(d, 256), nn.ReLU())
        self.age = nn.Linear(256, 1)
        self.gender = nn.Linear(256, 2)

    def forward(self, f):
        h = self.shared(f)
        return self.age(h).squeeze(1), self.gender(h)


def batch_targets(records):
    age_labels = torch.tensor([r["age"] for r in records], dtype=torch.float32)
    gender_labels = torch.tensor([r["gender"] for r in records], dtype=torch.long)
    return age_labels, gender_labels


def train(model, batches, epochs=10):
    mse = nn.MSELoss()
    ce = nn.CrossEntropyLoss()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        for feats, records in batches:
            age_labels, gender_labels = batch_targets(records)
            age_pred, gender_logits = model(feats)
            loss = mse(age_pred, age_labels) / 100.0 + ce(gender_logits, gender_labels)
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    m = AgeGender()
    a, g = m(torch.randn(3, 512))
    print(a.shape, g.shape)
