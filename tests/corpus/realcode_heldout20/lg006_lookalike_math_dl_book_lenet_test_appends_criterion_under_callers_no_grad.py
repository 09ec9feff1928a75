"""look-alike [LG006, LG001, LG011]: a Manning book notebook: LeNet returns logits for CrossEntropyLoss (softmax only in predict and the accuracy helper, with dim); test() appends each batch's criterion value to a list and sums it, but the training cell calls test() inside torch.no_grad(), so no graph is kept."""
# Source: krishnonwork/mathematical-methods-in-deep-learning-ipython at 0f437c4a (read as is),
# python/ch11/11.2.1-mnist-lenet.ipynb (companion code of "Math and Architectures of Deep Learning", Manning), code
# cells 1-3 and 7-11; re-typed, identifiers renamed; the `%matplotlib inline` line, the data-shape checks and the
# plotting helpers cut (plot_data stays undefined, as in the cut).
import math
import torch
import matplotlib.pyplot as plt
from torch.utils.data import DataLoader
from torchvision import datasets, transforms, utils

# ---- cell 2
torch.manual_seed(42)

# ---- cell 3
tfm = transforms.Compose([transforms.Resize((32, 32)), transforms.ToTensor()])
train_data = datasets.MNIST(root='datasets', train=True, transform=tfm, download=True)
test_data = datasets.MNIST(root='datasets', train=False, transform=tfm, download=True)


# ---- cell 7
class LeNet(torch.nn.Module):
    def __init__(self, num_classes):
        super(LeNet, self).__init__()
        self.c1 = torch.nn.Sequential(torch.nn.Conv2d(1, 6, kernel_size=5, stride=1), torch.nn.Tanh(),
                                      torch.nn.AvgPool2d(kernel_size=2))
        self.c2 = torch.nn.Sequential(torch.nn.Conv2d(6, 16, kernel_size=5, stride=1), torch.nn.Tanh(),
                                      torch.nn.AvgPool2d(kernel_size=2))
        self.c3 = torch.nn.Sequential(torch.nn.Conv2d(16, 120, kernel_size=5, stride=1), torch.nn.Tanh())
        self.f1 = torch.nn.Sequential(torch.nn.Linear(120, 84), torch.nn.Tanh())
        self.f2 = torch.nn.Linear(84, num_classes)

    def forward(self, X):
        h = self.c3(self.c2(self.c1(X)))
        h = h.reshape(h.shape[0], -1)
        logits = self.f2(self.f1(h))
        return logits

    def predict(self, X):
        logits = self.forward(X)
        probs = torch.softmax(logits, dim=1)
        return torch.argmax(probs, 1)


# ---- cell 8
batch_size = 100
train_loader = torch.utils.data.DataLoader(train_data, batch_size=batch_size, shuffle=True, num_workers=0)
test_loader = torch.utils.data.DataLoader(test_data, batch_size=batch_size, shuffle=True, num_workers=0)


# ---- cell 9
def batch_accuracy(gt, logits):
    assert gt.shape[0] == logits.shape[0]
    with torch.no_grad():
        probs = torch.softmax(logits, 1)
        pred = torch.argmax(probs, 1)
        right = (pred == gt).to(torch.int).sum()
        acc = right / len(gt)
    return acc


def train(model, loader, criterion, optimizer, device, epoch):
    model.train()
    for i, (X, y) in enumerate(loader):
        optimizer.zero_grad()
        X = X.to(device)
        y = y.to(device)
        logits = model.forward(X)
        loss = criterion(logits, y)
        if i % 100 == 0:
            acc = batch_accuracy(y, logits)
            print(f"Epoch {epoch}, Step {i}: Training loss: {loss} Accuracy: {acc}")
        loss.backward()
        optimizer.step()


def test(model, loader, criterion, device):
    model.eval()
    losses, accs = [], []
    for i, (X, y) in enumerate(loader):
        X = X.to(device)
        y = y.to(device)
        logits = model.forward(X)
        losses.append(criterion(logits, y))
        accs.append(batch_accuracy(y, logits))
    avg_loss = sum(losses) / len(losses)
    avg_acc = sum(accs) / len(accs)
    return {"loss": avg_loss, "accuracy": avg_acc}


# ---- cell 10
num_classes = 10
device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
model = LeNet(num_classes).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
criterion = torch.nn.CrossEntropyLoss()
num_epochs = 10
for epoch in range(num_epochs):
    train(model, train_loader, criterion, optimizer, device, epoch)
    with torch.no_grad():
        results = test(model, test_loader, criterion, device)
        print(f"Epoch {epoch}, Test loss: {results['loss']} Accuracy: {results['accuracy']}")
torch.save({'epoch': epoch, 'model_state_dict': model.state_dict(),
            'optimizer_state_dict': optimizer.state_dict(), 'test_results': results}, "/tmp/lenet_mnist.pkl")

# ---- cell 11
model.eval()
X, y = next(iter(test_loader))
with torch.no_grad():
    y_pred = model.predict(X)
plot_data(X, y_pred, "pred", num_to_plot=24)
