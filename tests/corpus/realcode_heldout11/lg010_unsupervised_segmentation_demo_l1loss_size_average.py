"""positive [LG010]: the unsupervised-segmentation demo script builds its two continuity losses as torch.nn.L1Loss(size_average = True), the deprecated argument, and adds them to the similarity cross-entropy every iteration."""
# Source: kanezaki/pytorch-unsupervised-segmentation-tip@181318ad40dbfb5c0add8580a05c30e5e3a7ad58 demo.py (read as is; re-typed, identifiers renamed, the argument parser shortened, np.int written np.int64, and the final image writing left out)
import argparse

import cv2
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.autograd import Variable

use_cuda = torch.cuda.is_available()

parser = argparse.ArgumentParser(description='PyTorch Unsupervised Segmentation')
parser.add_argument('--scribble', action='store_true', default=False)
parser.add_argument('--nChannel', default=100, type=int)
parser.add_argument('--maxIter', default=1000, type=int)
parser.add_argument('--minLabels', default=3, type=int)
parser.add_argument('--lr', default=0.1, type=float)
parser.add_argument('--nConv', default=2, type=int)
parser.add_argument('--input', required=True)
parser.add_argument('--stepsize_sim', default=1, type=float)
parser.add_argument('--stepsize_con', default=1, type=float)
parser.add_argument('--stepsize_scr', default=0.5, type=float)
args = parser.parse_args()


class MyNet(nn.Module):
    def __init__(self, input_dim):
        super(MyNet, self).__init__()
        self.conv1 = nn.Conv2d(input_dim, args.nChannel, kernel_size=3, stride=1, padding=1)
        self.bn1 = nn.BatchNorm2d(args.nChannel)
        self.conv2 = nn.ModuleList()
        self.bn2 = nn.ModuleList()
        for i in range(args.nConv - 1):
            self.conv2.append(nn.Conv2d(args.nChannel, args.nChannel, kernel_size=3, stride=1, padding=1))
            self.bn2.append(nn.BatchNorm2d(args.nChannel))
        self.conv3 = nn.Conv2d(args.nChannel, args.nChannel, kernel_size=1, stride=1, padding=0)
        self.bn3 = nn.BatchNorm2d(args.nChannel)

    def forward(self, x):
        x = self.bn1(F.relu(self.conv1(x)))
        for i in range(args.nConv - 1):
            x = self.bn2[i](F.relu(self.conv2[i](x)))
        return self.bn3(self.conv3(x))


im = cv2.imread(args.input)
data = torch.from_numpy(np.array([im.transpose((2, 0, 1)).astype('float32') / 255.]))
if use_cuda:
    data = data.cuda()
data = Variable(data)

if args.scribble:
    mask = cv2.imread(args.input.replace('.' + args.input.split('.')[-1], '_scribble.png'), -1).reshape(-1)
    mask_ids = np.unique(mask)
    mask_ids = np.delete(mask_ids, np.argwhere(mask_ids == 255))
    idx_sim = torch.from_numpy(np.where(mask == 255)[0])
    idx_scr = torch.from_numpy(np.where(mask != 255)[0])
    target_scr = torch.from_numpy(mask.astype(np.int64))
    if use_cuda:
        idx_sim, idx_scr, target_scr = idx_sim.cuda(), idx_scr.cuda(), target_scr.cuda()
    args.minLabels = len(mask_ids)

model = MyNet(data.size(1))
if use_cuda:
    model.cuda()
model.train()

loss_sim = torch.nn.CrossEntropyLoss()
loss_scr = torch.nn.CrossEntropyLoss()
loss_hpy = torch.nn.L1Loss(size_average = True)  # expect: LG010
loss_hpz = torch.nn.L1Loss(size_average = True)  # expect: LG010

HPy_target = torch.zeros(im.shape[0] - 1, im.shape[1], args.nChannel)
HPz_target = torch.zeros(im.shape[0], im.shape[1] - 1, args.nChannel)
if use_cuda:
    HPy_target = HPy_target.cuda()
    HPz_target = HPz_target.cuda()

optimizer = optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)

for it in range(args.maxIter):
    optimizer.zero_grad()
    output = model(data)[0]
    output = output.permute(1, 2, 0).contiguous().view(-1, args.nChannel)
    out_hw = output.reshape((im.shape[0], im.shape[1], args.nChannel))
    HPy = out_hw[1:, :, :] - out_hw[0:-1, :, :]
    HPz = out_hw[:, 1:, :] - out_hw[:, 0:-1, :]
    lhpy = loss_hpy(HPy, HPy_target)
    lhpz = loss_hpz(HPz, HPz_target)
    _, target = torch.max(output, 1)
    n_labels = len(np.unique(target.data.cpu().numpy()))
    if args.scribble:
        loss = args.stepsize_sim * loss_sim(output[idx_sim], target[idx_sim]) + args.stepsize_scr * loss_scr(output[idx_scr], target_scr[idx_scr]) + args.stepsize_con * (lhpy + lhpz)
    else:
        loss = args.stepsize_sim * loss_sim(output, target) + args.stepsize_con * (lhpy + lhpz)
    loss.backward()
    optimizer.step()
    print(it, '/', args.maxIter, '|', ' label num :', n_labels, ' | loss :', loss.item())
    if n_labels <= args.minLabels:
        break
