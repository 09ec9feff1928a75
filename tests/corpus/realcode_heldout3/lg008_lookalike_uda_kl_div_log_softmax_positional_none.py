"""look-alike [LG008, LG009, LG010]: UDA's consistency loss passes F.log_softmax of the augmented view as input and the softmax of the clean view (under no_grad) as target to F.kl_div, with size_average and reduce given positionally as None and reduction='sum' divided by the batch size."""
# Source: https://github.com/peisuke/UnsupervisedDataAugmentation.pytorch train_CIFAR10.py at 5b64aaa9e1d4cb746d6316d480dba1e6cbb77994
# (issue #2 "Issue regarding uda loss function" asks why one side is log_softmax); re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torch.nn.functional as F
from tqdm import tqdm

import utils


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(3, 64, kernel_size=5)
        self.conv2 = nn.Conv2d(64, 128, kernel_size=3)
        self.conv3 = nn.Conv2d(128, 128, kernel_size=3)
        self.fc1 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2(x), 2))
        x = F.relu(F.max_pool2d(self.conv3(x), 2))
        x = F.adaptive_avg_pool2d(x, 1)
        x = x.view(-1, 128)
        x = self.fc1(x)
        return x


class UDALoss(nn.Module):
    def __init__(self):
        super(UDALoss, self).__init__()

    def forward(self, model, x, x_h):
        batchsize = x.shape[0]
        with torch.no_grad():
            pred_x = F.softmax(model(x), dim=1)
        pred_x_h = F.log_softmax(model(x_h), dim=1)
        lds = F.kl_div(pred_x_h, pred_x, None, None, reduction='sum') / batchsize
        return lds


def train(args, model, device, data_iterators, optimizer):
    model.train()
    for i in tqdm(range(args.iters)):
        if i % args.log_interval == 0:
            ce_losses = utils.AverageMeter()
            prec1 = utils.AverageMeter()
        x_l, y_l = next(data_iterators['labeled'])
        x_ul, x_ul_da, _ = next(data_iterators['unlabeled'])
        x_l, y_l = x_l.to(device), y_l.to(device)
        x_ul = x_ul.to(device)
        x_ul_da = x_ul_da.to(device)

        optimizer.zero_grad()
        uda_loss = UDALoss()
        cross_entropy = nn.CrossEntropyLoss()
        lds = uda_loss(model, x_ul, x_ul_da)
        output = model(x_l)
        classification_loss = cross_entropy(output, y_l)
        loss = classification_loss + args.alpha * lds
        loss.backward()
        optimizer.step()

        acc = utils.accuracy(output, y_l)
        ce_losses.update(classification_loss.item(), x_l.shape[0])
        prec1.update(acc.item(), x_l.shape[0])
