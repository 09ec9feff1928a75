"""positive [LG001, LG006]: Kaggle digit-recognizer MLP whose nn.Sequential ends in nn.Softmax feeds CrossEntropyLoss; epoch loss summed as a tensor."""
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

train_df = pd.read_csv("../input/digit-recognizer/train.csv")
X = train_df.drop("label", axis=1).values.astype(np.float32) / 255.0
y = train_df["label"].values

X_t = torch.from_numpy(X)
y_t = torch.from_numpy(y).long()
loader = DataLoader(TensorDataset(X_t, y_t), batch_size=128, shuffle=True)

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

model = nn.Sequential(
    nn.Linear(784, 256),
    nn.ReLU(),
    nn.Dropout(0.2),
    nn.Linear(256, 128),
    nn.ReLU(),
    nn.Linear(128, 10),
    nn.Softmax(dim=1),
).to(device)

criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

EPOCHS = 15
for epoch in range(EPOCHS):
    model.train()
    epoch_loss = 0
    correct = 0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        out = model(xb)
        loss = criterion(out, yb)  # expect: LG001
        loss.backward()
        optimizer.step()
        epoch_loss += loss  # expect: LG006
        correct += (out.argmax(1) == yb).sum().item()
    print(f"epoch {epoch+1}: loss={epoch_loss / len(loader):.4f} acc={correct / len(X):.4f}")

test_df = pd.read_csv("../input/digit-recognizer/test.csv")
X_test = torch.from_numpy(test_df.values.astype(np.float32) / 255.0).to(device)
model.eval()
with torch.no_grad():
    preds = model(X_test).argmax(1).cpu().numpy()
pd.DataFrame({"ImageId": np.arange(1, len(preds) + 1), "Label": preds}).to_csv("submission.csv", index=False)
