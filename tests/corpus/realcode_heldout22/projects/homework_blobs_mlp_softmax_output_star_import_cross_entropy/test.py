"""part of positive project [LG001]: the training script star-imports the MLP from utils and trains it full-batch with nn.CrossEntropyLoss on its softmax output (nn and F come through the star import too)."""
# Source: rezaAdinepour/Deep-Learning-Homework at cd4e54ff ("add softmax in output layer of MLP"; its parent 613fc1b7
# returned the Linear output), HWs/HW2/Code/test.py;
# re-typed, identifiers renamed; the commented-out scatter plot and the decision-boundary plotting after training
# shortened.
import matplotlib.pyplot as plt
import numpy as np
import seaborn as sns
import torch
from sklearn import datasets
from sklearn.metrics import confusion_matrix

from utils import *

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

pts, lab = datasets.make_blobs(n_samples=200, centers=[(-1, -1), (1, 1)], cluster_std=0.5)
pts = torch.tensor(pts, dtype=torch.float32, device=device)
lab = torch.tensor(lab, dtype=torch.float32, device=device)

net = MLP().to(device)
optimizer = torch.optim.Adam(net.parameters(), lr=0.01)
criterion = nn.CrossEntropyLoss()

epochs = 50
lab_onehot = F.one_hot(lab.long(), num_classes=2)

loss_values = []
acc_values = []
for epoch in range(epochs):
    out = net(pts)
    loss = criterion(out, lab.long())  # expect: LG001

    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

    loss_values.append(loss.item())
    _, pred = torch.max(out.data, 1)
    correct = (pred == lab.long()).sum().item()
    acc = correct / lab.size(0)
    acc_values.append(acc)
    if (epoch + 1) % 5 == 0:
        print("Epoch [{}/{}], Loss: {:.4f}, Accuracy: {:.2f}".format(epoch + 1, epochs, loss.item(), acc))

plt.figure(figsize=(15, 9))
plt.subplot(2, 2, 1)
plt.plot(loss_values, label="Loss", color="red")
_, pred = torch.max(net(pts).data, 1)
cm = confusion_matrix(lab.cpu().numpy(), pred.cpu().numpy())
plt.subplot(2, 2, 3)
sns.heatmap(cm, annot=True, fmt="d", cmap="Blues")
