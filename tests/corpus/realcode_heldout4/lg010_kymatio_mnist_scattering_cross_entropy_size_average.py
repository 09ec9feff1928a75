"""positive [LG010]: kymatio's MNIST example sums the test loss with F.cross_entropy(output, target, size_average=False).item(); the classifier is one of three nn.Sequential heads (all ending in nn.Linear) on scattering features."""
# Source: https://github.com/kymatio/kymatio examples/2d/mnist.py at 289bc26551e92456ef7a48fbe83d48e157f7632c
# (issue #180 "Warning in `mnist.py`": size_average is deprecated, use reduction='sum'); re-typed, names changed,
# reduced (data loaders and the weight initialisation shortened).
import argparse
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim
from kymatio import Scattering2D


class View(nn.Module):
    def __init__(self, *args):
        super(View, self).__init__()
        self.shape = args

    def forward(self, x):
        return x.view(-1, *self.shape)


def train(model, device, train_loader, optimizer, epoch, scat):
    model.train()
    for batch_idx, (data, target) in enumerate(train_loader):
        data, target = data.to(device), target.to(device)
        optimizer.zero_grad()
        output = model(scat(data))
        loss = F.cross_entropy(output, target)
        loss.backward()
        optimizer.step()
        if batch_idx % 50 == 0:
            print("Train Epoch: {} [{}/{}]\tLoss: {:.6f}".format(epoch, batch_idx * len(data), len(train_loader.dataset), loss.item()))


def test(model, device, test_loader, scat):
    model.eval()
    test_loss = 0
    correct = 0
    with torch.no_grad():
        for data, target in test_loader:
            data, target = data.to(device), target.to(device)
            output = model(scat(data))
            test_loss += F.cross_entropy(output, target, size_average=False).item()  # expect: LG010
            pred = output.max(1, keepdim=True)[1]
            correct += pred.eq(target.view_as(pred)).sum().item()
    test_loss /= len(test_loader.dataset)
    print("Test set: Average loss: {:.4f}, Accuracy: {}/{}".format(test_loss, correct, len(test_loader.dataset)))


def main():
    parser = argparse.ArgumentParser(description="MNIST scattering + hybrid examples")
    parser.add_argument("--mode", type=int, default=2, help="scattering 1st or 2nd order")
    parser.add_argument("--classifier", type=str, default="linear", help="classifier model")
    args = parser.parse_args()
    use_cuda = torch.cuda.is_available()
    device = torch.device("cuda" if use_cuda else "cpu")

    if args.mode == 1:
        scattering = Scattering2D(M=28, N=28, J=2, order2=False)
        K = 17
    else:
        scattering = Scattering2D(M=28, N=28, J=2)
        K = 81
    if use_cuda:
        scattering = scattering.cuda()

    if args.classifier == "cnn":
        model = nn.Sequential(View(K, 7, 7), nn.BatchNorm2d(K), nn.Conv2d(K, 64, 3, padding=1), nn.ReLU(),
                              View(64 * 7 * 7), nn.Linear(64 * 7 * 7, 512), nn.ReLU(), nn.Linear(512, 10)).to(device)
    elif args.classifier == "mlp":
        model = nn.Sequential(View(K, 7, 7), nn.BatchNorm2d(K), View(K * 7 * 7), nn.Linear(K * 7 * 7, 512), nn.ReLU(),
                              nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))
    elif args.classifier == "linear":
        model = nn.Sequential(View(K, 7, 7), nn.BatchNorm2d(K), View(K * 7 * 7), nn.Linear(K * 7 * 7, 10))
    else:
        raise ValueError("Classifier should be cnn/mlp/linear")
    model.to(device)

    for m in model.modules():
        if isinstance(m, nn.Linear):
            m.weight.data.normal_(0, 2. / math.sqrt(m.in_features))
            m.bias.data.zero_()

    train_loader, test_loader = build_mnist_loaders(use_cuda)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=0.0005)
    for epoch in range(1, 16):
        train(model, device, train_loader, optimizer, epoch, scattering)
        test(model, device, test_loader, scattering)


if __name__ == "__main__":
    main()
