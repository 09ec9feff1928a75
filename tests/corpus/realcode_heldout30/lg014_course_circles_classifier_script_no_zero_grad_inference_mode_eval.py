"""positive [LG014]: a study script re-typing a course's make_circles classifier: the training loop computes BCE-with-logits on the squeezed logits, calls loss.backward() and optimizer.step() every epoch and never clears the gradients (the next script of the same repository, with more layers, has optimizer.zero_grad() before backward); the test pass runs under torch.inference_mode()."""
# Source: jenabesaman/pytorch_learning at 6d42599d, p02_classification.py; re-typed, identifiers renamed; the
# exploratory prints and the scatter plots shortened; the first CircleModelV0 class (immediately replaced by the
# nn.Sequential) and the decision-boundary plots kept short.
import matplotlib.pyplot as plt
import pandas as pd
import torch
from torch import nn
from sklearn.datasets import make_circles
from sklearn.model_selection import train_test_split
from helper_functions import plot_decision_boundary

n_samples = 1000
X, y = make_circles(n_samples, noise=0.03, random_state=42)
circles = pd.DataFrame({"X1": X[:, 0], "X2": X[:, 1], "label": y})
print(circles.label.value_counts())

X = torch.from_numpy(X).type(torch.float)
y = torch.from_numpy(y).type(torch.float)

torch.manual_seed(42)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

device = "cuda" if torch.cuda.is_available() else "cpu"


class CircleNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer1 = nn.Linear(in_features=2, out_features=5)
        self.layer2 = nn.Linear(in_features=2, out_features=1)

    def forward(self, x):
        return self.layer2(self.layer1(x))


net = CircleNet().to(device)

net = nn.Sequential(
    nn.Linear(in_features=2, out_features=5),
    nn.Linear(in_features=5, out_features=1)
).to(device)

with torch.inference_mode():
    untrained = net(X_test.to(device))
print(untrained.shape, torch.round(untrained[:10]), y_test[:10])

loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(params=net.parameters(), lr=0.1)


def accuracy_fn(y_true, y_pred):
    correct = torch.eq(y_true, y_pred).sum().item()
    return (correct / len(y_pred)) * 100


net.eval()
with torch.inference_mode():
    first_logits = net(X_test.to(device))[:5]
print(first_logits)

torch.manual_seed(42)
torch.cuda.manual_seed(42)
epochs = 100
X_train, y_train = X_train.to(device), y_train.to(device)
X_test, y_test = X_test.to(device), y_test.to(device)

for epoch in range(epochs):
    net.train()
    logits = net(X_train).squeeze()
    preds = torch.round(torch.sigmoid(logits))
    loss = loss_fn(logits, y_train)
    acc = accuracy_fn(y_true=y_train, y_pred=preds)
    loss.backward()
    optimizer.step()  # expect: LG014
    net.eval()
    with torch.inference_mode():
        test_logits = net(X_test).squeeze()
        test_preds = torch.round(torch.sigmoid(test_logits))
        test_loss = loss_fn(test_logits, y_test)
        test_acc = accuracy_fn(y_true=y_test, y_pred=test_preds)
    if epoch % 10 == 0:
        print(f"Epoch:{epoch} | Loss: {loss:.5f} | Acc: {acc:.2f}% | Test loss: {test_loss:.5f} | Test acc: {test_acc:.2f}%")

plt.figure(figsize=(12, 6))
plt.subplot(1, 2, 1)
plot_decision_boundary(net, X_train, y_train)
plt.subplot(1, 2, 2)
plot_decision_boundary(net, X_test, y_test)
