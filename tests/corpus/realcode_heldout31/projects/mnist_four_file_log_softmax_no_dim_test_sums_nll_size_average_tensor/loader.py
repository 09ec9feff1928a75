"""part of positive project [LG006, LG010, LG011]: MNIST train and test loaders built from the argparse namespace."""
# Source: PingjunChen/pytorch-study at 2bc05f3a310d4bf4f618b0a5adfc684a81f75efa mnist-pytorch/loader.py (re-typed)
import torch.utils.data
from torchvision import datasets, transforms


def make_train_loader(args):
    extra = {"num_workers": 1, "pin_memory": True} if args.cuda else {}
    return torch.utils.data.DataLoader(
        datasets.MNIST("./data", train=True, download=True,
                       transform=transforms.Compose([
                           transforms.ToTensor(),
                           transforms.Normalize((0.1307,), (0.3081,)),
                       ])),
        batch_size=args.batch_size, shuffle=True, **extra)


def make_test_loader(args):
    extra = {"num_workers": 1, "pin_memory": True} if args.cuda else {}
    return torch.utils.data.DataLoader(
        datasets.MNIST("./data", train=False,
                       transform=transforms.Compose([
                           transforms.ToTensor(),
                           transforms.Normalize((0.1307,), (0.3081,)),
                       ])),
        batch_size=args.test_batch_size, shuffle=False, **extra)
