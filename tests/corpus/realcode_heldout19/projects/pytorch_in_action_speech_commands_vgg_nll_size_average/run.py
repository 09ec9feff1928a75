"""part of positive project [LG010]: the entry script of the book's speech-command recogniser; builds the VGG from model.py and calls train/test from train.py each epoch."""
# Source: xiaobaoonline/pytorch-in-action at 193745dc (read as is), chapter8_PyTorch项目实战/speech_command/run.py;
# re-typed, identifiers renamed; the spectrogram arguments and the seed setup shortened. speech_loader (the
# dataset, another file of the folder) is not included and stays unresolved.
from __future__ import print_function

import argparse

import torch
import torch.optim as optim
from speech_loader import SpeechLoader

from model import SpeechVGG
from train import test, train

ap = argparse.ArgumentParser(description='Google Speech Commands Recognition')
ap.add_argument('--train_path', default='data/train')
ap.add_argument('--test_path', default='data/test')
ap.add_argument('--valid_path', default='data/valid')
ap.add_argument('--batch_size', type=int, default=100)
ap.add_argument('--test_batch_size', type=int, default=100)
ap.add_argument('--arc', default='VGG11')
ap.add_argument('--epochs', type=int, default=10)
ap.add_argument('--lr', type=float, default=0.001)
ap.add_argument('--momentum', type=float, default=0.9)
ap.add_argument('--optimizer', default='adam')
ap.add_argument('--cuda', default=True)
ap.add_argument('--seed', type=int, default=1234)
args = ap.parse_args()

args.cuda = args.cuda and torch.cuda.is_available()
torch.manual_seed(args.seed)

train_set = SpeechLoader(args.train_path)
train_dl = torch.utils.data.DataLoader(train_set, batch_size=args.batch_size, shuffle=True, num_workers=20,
                                       pin_memory=args.cuda, sampler=None)
valid_set = SpeechLoader(args.valid_path)
valid_dl = torch.utils.data.DataLoader(valid_set, batch_size=args.batch_size, shuffle=None, num_workers=20,
                                       pin_memory=args.cuda, sampler=None)
test_set = SpeechLoader(args.test_path)
test_dl = torch.utils.data.DataLoader(test_set, batch_size=args.test_batch_size, shuffle=None, num_workers=20,
                                      pin_memory=args.cuda, sampler=None)

net = SpeechVGG(args.arc)
if args.cuda:
    net = torch.nn.DataParallel(net).cuda()

if args.optimizer.lower() == 'adam':
    opt = optim.Adam(net.parameters(), lr=args.lr)
elif args.optimizer.lower() == 'sgd':
    opt = optim.SGD(net.parameters(), lr=args.lr, momentum=args.momentum)
else:
    opt = optim.SGD(net.parameters(), lr=args.lr, momentum=args.momentum)

for epoch in range(1, args.epochs + 1):
    train(train_dl, net, opt, epoch, args.cuda)
    test(valid_dl, net, args.cuda, 'valid')

test(test_dl, net, args.cuda, 'test')
