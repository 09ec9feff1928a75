"""part of positive project [LG006, LG010, LG011]: the test loop adds F.nll_loss(..., size_average=False) tensors, outside no_grad, into test_loss."""
# Source: PingjunChen/pytorch-study at 2bc05f3a310d4bf4f618b0a5adfc684a81f75efa mnist-pytorch/test_mnist.py (argument parser shortened; the summed loss is added without .data[0]/.item(), as in the source)
import os
import argparse

import torch
from torch.autograd import Variable
import torch.nn.functional as F

from network import DigitNet
from loader import make_test_loader


def set_args():
    parser = argparse.ArgumentParser(description='PyTorch MNIST Example')
    parser.add_argument('--test-batch-size', type=int, default=32)
    parser.add_argument('--seed', type=int, default=3)
    parser.add_argument('--device_id', type=int, default=0)
    parser.add_argument('--model-dir', type=str, default="../models/MNIST")
    parser.add_argument('--model-name', type=str, default="mnist-10.pth")
    return parser.parse_args()


def test(data_loader, model, args):
    weights_path = os.path.join(args.model_dir, args.model_name)
    model.load_state_dict(torch.load(weights_path))

    model.eval()
    test_loss, correct = 0.0, 0
    for data, target in data_loader:
        if args.cuda:
            data, target = data.cuda(args.device_id), target.cuda(args.device_id)
        data, target = Variable(data), Variable(target)
        output = model(data)
        test_loss += F.nll_loss(output, target, size_average=False)  # expect: LG006, LG010
        pred = output.data.max(1)[1]
        correct += pred.eq(target.data.view_as(pred)).cpu().sum()

    test_loss /= len(data_loader.dataset)
    print("\n Test set: Average loss: {:.4f}, Accuracy: {}/{}\n".format(
        test_loss, correct, len(data_loader.dataset)))


if __name__ == '__main__':
    args = set_args()
    args.cuda = torch.cuda.is_available()
    torch.manual_seed(args.seed)
    model = DigitNet()
    if args.cuda:
        torch.cuda.manual_seed(args.seed)
        model.cuda(args.device_id)

    data_loader = make_test_loader(args)
    test(data_loader, model, args)
