"""buggy: classifier on a CSV whose labels are read as floats (LG013 class-target-dtype)."""
import pandas as pd
import torch
import torch.nn as nn

df = pd.read_csv("iris.csv")
X = torch.tensor(df.drop(columns=["species_id"]).values, dtype=torch.float32)
y = torch.tensor(df["species_id"].values, dtype=torch.float32).view(-1)

model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)

for epoch in range(300):
    optimizer.zero_grad()
    logits = model(X)
    loss = criterion(logits, y)  # expect: LG013
    loss.backward()
    optimizer.step()
    if epoch % 50 == 0:
        acc = (logits.argmax(1) == y).float().mean()
        print(f"epoch {epoch}: loss {loss.item():.4f} acc {acc.item():.3f}")

@torch.no_grad()
def predict(features):
    model.eval()
    return model(features).argmax(dim=1)


print(predict(X[:5]))
