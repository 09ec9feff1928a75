"""positive [LG003]: recommender model's forward returns torch.sigmoid of a dot product; the fit loop feeds it to nn.BCEWithLogitsLoss."""
# Source: https://github.com/yudi-mars/daisyRec/pull/15 ("Do not need sigmoid because there is
# sigmoid in BCEWithLogitsLoss"); re-typed with names changed, structure kept.
import torch
import torch.nn as nn


class PointMF(nn.Module):
    def __init__(self, user_num, item_num, factors=32, epochs=20, lr=0.01, loss_type="CL"):
        super().__init__()
        self.embed_user = nn.Embedding(user_num, factors)
        self.embed_item = nn.Embedding(item_num, factors)
        self.epochs = epochs
        self.lr = lr
        self.loss_type = loss_type

    def forward(self, user, item):
        pred = (self.embed_user(user) * self.embed_item(item)).sum(dim=-1)
        return torch.sigmoid(pred)

    def fit(self, train_loader):
        optimizer = torch.optim.SGD(self.parameters(), lr=self.lr)
        if self.loss_type == "CL":
            criterion = nn.BCEWithLogitsLoss(reduction="sum")
        else:
            raise ValueError(f"Invalid loss type: {self.loss_type}")
        for epoch in range(1, self.epochs + 1):
            self.train()
            for user, item, label in train_loader:
                self.zero_grad()
                prediction = self.forward(user, item)
                loss = criterion(prediction, label)  # expect: LG003
                loss.backward()
                optimizer.step()
