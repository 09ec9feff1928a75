"""positive [LG010]: the book notebook's MNIST fit() sums the epoch loss with F.nll_loss(output, target, size_average=False), the deprecated pre-1.0 argument (reduction='sum' is its spelling), next to the mean loss it back-propagates; the network ends in F.log_softmax(dim=1)."""
# Source: PacktPublishing/Deep-Learning-with-PyTorch-1.x at 157fa721 (read as is), Chapter04/Chapter04a.ipynb; the code
# cells concerned, re-typed, identifiers renamed; the image plotting cells and the `%matplotlib inline` magic cut.
# The same call is in Chapter05/Chapter05a.ipynb, and F.cross_entropy(..., size_average=False) in the Chapter08
# notebooks.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.autograd import Variable
from torchvision import datasets, transforms

# ---- cell 1
use_cuda = False
if torch.cuda.is_available():
    use_cuda = True

# ---- cell 2
tfm = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))])
train_ds = datasets.MNIST('data/', train=True, transform=tfm, download=True)
test_ds = datasets.MNIST('data/', train=False, transform=tfm, download=True)
train_dl = torch.utils.data.DataLoader(train_ds, batch_size=32, shuffle=True)
test_dl = torch.utils.data.DataLoader(test_ds, batch_size=32, shuffle=True)


# ---- cell 7
class DigitNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 10, kernel_size=5)
        self.c2 = nn.Conv2d(10, 20, kernel_size=5)
        self.c2_drop = nn.Dropout2d()
        self.f1 = nn.Linear(320, 50)
        self.f2 = nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.c1(x), 2))
        x = F.relu(F.max_pool2d(self.c2_drop(self.c2(x)), 2))
        x = x.view(-1, 320)
        x = F.relu(self.f1(x))
        x = self.f2(x)
        return F.log_softmax(x, dim=1)


# ---- cell 8
net = DigitNet()
if use_cuda:
    net.cuda()

# ---- cell 9
opt = optim.SGD(net.parameters(), lr=0.01)


# ---- cell 14
def fit(epoch, net, loader, phase='training', volatile=False):
    if phase == 'training':
        net.train()
    if phase == 'validation':
        net.eval()
        volatile = True
    run_loss = 0.0
    run_correct = 0
    for i, (x, y) in enumerate(loader):
        if use_cuda:
            x, y = x.cuda(), y.cuda()
        x, y = Variable(x, volatile), Variable(y)
        if phase == 'training':
            opt.zero_grad()
        out = net(x)
        loss = F.nll_loss(out, y)
        run_loss += F.nll_loss(out, y, size_average=False).data[0]  # expect: LG010
        preds = out.data.max(dim=1, keepdim=True)[1]
        run_correct += preds.eq(y.data.view_as(preds)).cpu().sum()
        if phase == 'training':
            loss.backward()
            opt.step()
    loss = run_loss / len(loader.dataset)
    acc = 100. * run_correct / len(loader.dataset)
    print(f'{phase} loss is {loss:{5}.{2}} and {phase} accuracy is {run_correct}/{len(loader.dataset)}{acc:{10}.{4}}')
    return loss, acc


# ---- cell 15
tr_losses, tr_acc = [], []
va_losses, va_acc = [], []
for epoch in range(1, 20):
    e_loss, e_acc = fit(epoch, net, train_dl, phase='training')
    v_loss, v_acc = fit(epoch, net, test_dl, phase='validation')
    tr_losses.append(e_loss)
    tr_acc.append(e_acc)
    va_losses.append(v_loss)
    va_acc.append(v_acc)
