"""look-alike [LG014, LG010, LG011, LG001, LG006]: a Korean PyTorch book's MNIST mini-project clears gradients with model.zero_grad() (the same parameters Adam steps), trains an MLP that returns logits with nn.CrossEntropyLoss handed in as loss_func, and tests with F.cross_entropy(..., reduction="sum").item() summed per batch under no_grad; predictions use output.softmax(1) (dim given by position)."""
# Source: simonjisu/pytorch-book at 64da686d (read as is), notebooks/Chapter-2/07-mini_project_minist.ipynb, code cells
# 1-3 and 5-9; re-typed, identifiers renamed; the `%matplotlib inline` line, the hand-drawing GUI helper, the data
# preview cells and the custom-digit cells cut. Chapter-2/train_utils.py holds the same three functions with
# optimizer.zero_grad().
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

# ---- cell 2
torch.manual_seed(70)
train_set = datasets.MNIST(root='./data', train=True, download=True, transform=transforms.ToTensor())
test_set = datasets.MNIST(root='./data', train=False, transform=transforms.ToTensor())
# ---- cell 3
BATCH = 64
DEV = 'cuda' if torch.cuda.is_available() else 'cpu'
STEPS = 10
train_dl = DataLoader(dataset=train_set, batch_size=BATCH, shuffle=True)
test_dl = DataLoader(dataset=test_set, batch_size=BATCH, shuffle=True)


# ---- cell 5
class MLP(nn.Module):
    def __init__(self, n_in, n_hidden, n_out):
        super(MLP, self).__init__()
        self.flatten = lambda x: x.view(x.size(0), -1)
        self.l1 = nn.Linear(n_in, n_hidden)
        self.l2 = nn.Linear(n_hidden, n_hidden)
        self.l3 = nn.Linear(n_hidden, n_out)
        self.relu = nn.ReLU()

    def forward(self, x):
        x = self.flatten(x)
        x = self.l1(x)
        x = self.relu(x)
        x = self.l2(x)
        x = self.relu(x)
        x = self.l3(x)
        return x


# ---- cell 6
net = MLP(n_in=28 * 28, n_hidden=100, n_out=10).to(DEV)
# ---- cell 7
crit = nn.CrossEntropyLoss()
opt = optim.Adam(net.parameters())
n_params = 0
for p in net.parameters():
    n_params += p.view(-1).size(0)
print("Total number of parameters: {}".format(n_params))


# ---- cell 8
def train(model, loader, loss_func, optimizer, step, device, print_step=200):
    model.train()
    for i, (x, y) in enumerate(loader):
        x, y = x.to(device), y.to(device)
        model.zero_grad()
        out = model(x)
        loss = loss_func(out, y)
        loss.backward()
        optimizer.step()
        if i % print_step == 0:
            print('Train Step: {} ({:05.2f}%)  \tLoss: {:.4f}'.format(
                step, 100. * (i * loader.batch_size) / len(loader.dataset), loss.item()))


def test(model, loader, loss_func, device):
    model.eval()
    total = 0
    hits = 0
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            out = model(x)
            total += loss_func(out, y, reduction="sum").item()
            guess = out.softmax(1).argmax(dim=1, keepdim=True)
            hits += guess.eq(y.view_as(guess)).sum().item()
    total /= len(loader.dataset)
    acc = hits / len(loader.dataset)
    print('Test set: Average loss: {:.4f}, Accuracy: {}/{} ({:05.2f}%)'.format(
        total, hits, len(loader.dataset), 100. * acc))
    return total, acc


def main(model, train_loader, test_loader, loss_func, optimizer, n_step, device, save_path=None, print_step=200):
    accs = []
    best = 0.0
    for step in range(1, n_step + 1):
        train(model, train_loader, loss_func, optimizer, step=step, device=device, print_step=print_step)
        loss, acc = test(model, test_loader, loss_func=F.cross_entropy, device=device)
        accs.append(acc)
        if len(accs) >= 2:
            if acc >= best:
                best = acc
                best_state = model.state_dict()
    if save_path is not None:
        torch.save(best_state, save_path)


# ---- cell 9
main(model=net, train_loader=train_dl, test_loader=test_dl, loss_func=crit, optimizer=opt, n_step=STEPS, device=DEV,
     save_path="mnist_model.pt", print_step=200)
