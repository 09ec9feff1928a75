"""part of positive project [LG007, LG010]: build_model picks the network by the name given on the command line (LeNet, ResNet18, ...); the module star-imports the model modules, so their torch, nn and F names reach whoever star-imports util."""
# Source: hwang595/ps_pytorch at 096f3de3 (the parent of 812988cb), src/util.py; re-typed, identifiers renamed; prepare_data (the MNIST
# and CIFAR-10 loaders) shortened to its first branch.
from torchvision import datasets, transforms

from model_ops.lenet import LeNet
from model_ops.resnet import *


def build_model(model_name, num_classes):
    if model_name == "LeNet":
        return LeNet()
    elif model_name == "ResNet18":
        return ResNet18(num_classes)
    elif model_name == "ResNet34":
        return ResNet34()


def prepare_data(args):
    if args.dataset == "MNIST":
        train_set = datasets.MNIST('./mnist_data', train=True, download=True,
                                   transform=transforms.Compose([transforms.ToTensor(),
                                                                 transforms.Normalize((0.1307,), (0.3081,))]))
        train_loader = torch.utils.data.DataLoader(train_set, batch_size=args.batch_size, shuffle=True)
        test_loader = torch.utils.data.DataLoader(
            datasets.MNIST('./mnist_data', train=False,
                           transform=transforms.Compose([transforms.ToTensor(),
                                                         transforms.Normalize((0.1307,), (0.3081,))])),
            batch_size=args.test_batch_size, shuffle=True)
    return train_loader, test_loader
