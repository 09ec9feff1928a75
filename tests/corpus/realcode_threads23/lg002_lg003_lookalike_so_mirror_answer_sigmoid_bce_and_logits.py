"""look-alike [LG002, LG003, LG016]: an answer's two correct pairings: Linear+Sigmoid into BCELoss, a bare Linear into BCEWithLogitsLoss."""

# Source: https://boohere.com/detail/10539770.html (a Stack Overflow mirror, Japanese rendering; the answer's code),
# re-typed and renamed. The answer's conclusion: BCELoss expects probabilities (a sigmoid in the model),
# BCEWithLogitsLoss expects logits (no sigmoid); the asker's accuracy was computed wrongly. Both pairings are right.
import torch
import torch.nn as nn

dummy_x = torch.randn(1000, 1)
dummy_y = (dummy_x > 0).type(torch.float)

prob_model = nn.Sequential(
    nn.Linear(1, 1),
    nn.Sigmoid(),
)
criterion1 = nn.BCELoss()
optimizer = torch.optim.Adam(prob_model.parameters(), 0.001)


def binary_accuracy(preds, y, logits=False):
    if logits:
        rounded_preds = torch.round(torch.sigmoid(preds))
    else:
        rounded_preds = torch.round(preds)
    correct = (rounded_preds == y).float()
    accuracy = correct.sum() / len(y)
    return accuracy


for e in range(2000):
    y_hat = prob_model(dummy_x)
    loss = criterion1(y_hat, dummy_y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if e != 0 and e % 100 == 0:
        print(f"Epoch: {e}, Loss: {loss:.4f}")
        print(f"Epoch: {e}, Acc: {binary_accuracy(y_hat, dummy_y)}")

logit_model = nn.Linear(1, 1)
criterion2 = nn.BCEWithLogitsLoss()
optimizer2 = torch.optim.Adam(logit_model.parameters(), 0.001)

for e in range(2000):
    y_hat = logit_model(dummy_x)
    loss = criterion2(y_hat, dummy_y)
    optimizer2.zero_grad()
    loss.backward()
    optimizer2.step()
    if e != 0 and e % 100 == 0:
        print(f"Epoch: {e}, Loss: {loss:.4f}")
        print(f"Epoch: {e}, Acc: {binary_accuracy(y_hat, dummy_y, logits=True)}")
