"""positive [LG004]: spam classifier builds its label tensor with dtype=torch.long and passes it to nn.BCEWithLogitsLoss."""
import pandas as pd
import torch
import torch.nn as nn
from sklearn.feature_extraction.text import TfidfVectorizer

df = pd.read_csv("spam.csv", encoding="latin-1")[["v1", "v2"]]
df.columns = ["label", "text"]
df["label"] = (df["label"] == "spam").astype(int)

vec = TfidfVectorizer(max_features=5000)
X = torch.tensor(vec.fit_transform(df["text"]).toarray(), dtype=torch.float32)
y = torch.tensor(df["label"].values, dtype=torch.long)


class LogReg(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.linear = nn.Linear(n_in, 1)

    def forward(self, x):
        return self.linear(x).squeeze(1)


model = LogReg(X.shape[1])
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)

for epoch in range(200):
    optimizer.zero_grad()
    logits = model(X)
    loss = criterion(logits, y)  # expect: LG004
    loss.backward()
    optimizer.step()
    if epoch % 20 == 0:
        with torch.no_grad():
            acc = ((logits > 0).long() == y).float().mean()
        print(f"epoch {epoch} loss {loss.item():.4f} acc {acc.item():.3f}")
