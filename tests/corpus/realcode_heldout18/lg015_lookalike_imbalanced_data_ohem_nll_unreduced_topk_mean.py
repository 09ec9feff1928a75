"""look-alike [LG015, LG007]: the book's online-hard-example-mining loss subclasses torch.nn.NLLLoss, computes F.nll_loss(..., reduction="none") on the model's log_softmax output, keeps the top half of the per-sample losses and returns their mean; the loss class is passed to process() and instantiated there."""
# Source: PacktPublishing/Machine-Learning-for-Imbalanced-Data at 1be35cc0 (read as is),
# chapter09/Online_hard_example_mining-OHEM.ipynb; the code cells concerned (5 to 8), re-typed, identifiers renamed;
# the imbalanced-MNIST construction (cells 1 to 4, so the loaders, device, vis and class_labels stay undefined) and
# the bar charts cut.
import numpy as np
import sklearn.metrics as sm
import torch
import torch.nn.functional as F


# ---- cell 5
class SmallCNN(torch.nn.Module):
    def __init__(self):
        super(SmallCNN, self).__init__()
        self.c1 = torch.nn.Conv2d(1, 10, kernel_size=5)
        self.c2 = torch.nn.Conv2d(10, 20, kernel_size=5)
        self.c2_drop = torch.nn.Dropout2d()
        self.f1 = torch.nn.Linear(320, 50)
        self.f2 = torch.nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.c1(x), 2))
        x = F.relu(F.max_pool2d(self.c2_drop(self.c2(x)), 2))
        x = x.view(-1, 320)
        x = F.relu(self.f1(x))
        x = F.dropout(x, training=self.training)
        x = self.f2(x)
        return F.log_softmax(x, dim=1)


def process(train_loader, test_loader, loss_cls, epochs=20, weight=None):
    net = SmallCNN().to(device)
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.5)
    criterion = loss_cls()

    def train(loader):
        net.train()
        for batch_idx, (x, y) in enumerate(loader):
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            out = net(x)
            loss = criterion(out, y)
            loss.backward()
            opt.step()

    def test(loader):
        net.eval()
        hits = 0
        ys, preds = [], []
        with torch.no_grad():
            for x, y in loader:
                x, y = x.to(device), y.to(device)
                out = net(x)
                pred = out.max(1, keepdim=True)[1]
                hits += pred.eq(y.view_as(pred)).sum().item()
                ys += list(y.cpu().numpy())
                preds += list(pred.cpu().numpy())
        return 100.0 * hits / len(loader.dataset), sm.confusion_matrix(ys, preds)

    accs, mtxs = [], []
    for epoch in range(0, epochs):
        train(train_loader)
        acc, mtx = test(test_loader)
        accs.append(acc)
        mtxs.append(mtx)
        print("\rBest test acc = %2.2f%%" % max(accs))
    mtx = vis(accs, mtxs, class_labels)
    return accs[np.argmax(accs)], mtx


# ---- cell 6
acc_plain, mtx_plain = process(imbalanced_train_loader, test_loader, torch.nn.NLLLoss)


# ---- cell 7
class HardMiningNLL(torch.nn.NLLLoss):
    def __init__(self):
        super(HardMiningNLL, self).__init__()

    def forward(self, log_probs, targets, rate=0.5):
        n = log_probs.size(0)
        per_sample = F.nll_loss(log_probs, targets, reduction="none", ignore_index=-1)
        keep = int(n * rate)
        per_sample = per_sample.topk(keep)[0]
        return per_sample.sum() / keep


# ---- cell 8
acc_ohem, mtx_ohem = process(imbalanced_train_loader, test_loader, HardMiningNLL)
