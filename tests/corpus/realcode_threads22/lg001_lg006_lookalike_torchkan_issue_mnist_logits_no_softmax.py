"""look-alike [LG001, LG006, LG014]: a user asks why the MNIST example's outputs are all negative and never go through softmax; the KAN's raw scores go to CrossEntropyLoss, the loop clears the gradients every step and sums loss.item()."""

# Source: thread https://github.com/1ssb/torchkan/issues/9 (the script the issue links, mnist.py at 06d4a45e, cut to the
# trainer and its setup; re-typed and renamed; the KAN class comes from the package and is not in the excerpt). The
# answer: the outputs are the network's raw scores, which is what CrossEntropyLoss takes; softmax is only needed for
# probabilities at inference.
import torch
import torch.nn as nn
import torch.optim as optim
from torchkan import KAN


class Runner:
    def __init__(self, net, device, train_loader, val_loader, opt, sched, loss_fn):
        self.net = net
        self.device = device
        self.train_loader = train_loader
        self.val_loader = val_loader
        self.opt = opt
        self.sched = sched
        self.loss_fn = loss_fn

    def one_epoch(self):
        self.net.train()
        running, acc = 0, 0
        for images, labels in self.train_loader:
            images, labels = images.view(-1, 28 * 28).to(self.device), labels.to(self.device)
            self.opt.zero_grad()
            out = self.net(images)
            loss = self.loss_fn(out, labels)
            loss.backward()
            self.opt.step()
            acc += (out.argmax(dim=1) == labels).float().mean().item()
            running += loss.item()
        return running / len(self.train_loader), acc / len(self.train_loader)

    def validate(self):
        self.net.eval()
        total = 0
        with torch.no_grad():
            for images, labels in self.val_loader:
                images, labels = images.view(-1, 28 * 28).to(self.device), labels.to(self.device)
                total += self.loss_fn(self.net(images), labels).item()
        return total / len(self.val_loader)

    def fit(self, epochs):
        for _ in range(epochs):
            self.one_epoch()
            self.validate()
            self.sched.step()


def main(epochs=15):
    net = KAN([28 * 28, 64, 10])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    net.to(device)
    opt = optim.AdamW(net.parameters(), lr=1e-3, weight_decay=1e-5)
    sched = optim.lr_scheduler.ExponentialLR(opt, gamma=0.85)
    loss_fn = nn.CrossEntropyLoss()
    runner = Runner(net, device, train_loader, val_loader, opt, sched, loss_fn)
    runner.fit(epochs)


main()
