"""part of positive project [LG014]: the entry point builds the model, the cross-entropy criterion and the optimizer regime, evaluates only when asked, and otherwise trains every epoch with batches split into chunks."""

# Source: eladhoffer/convNet.pytorch@f434235f09 main.py, fixed in 56705c2146 (cut, renamed)
import argparse

import torch

import models
from data import DataRegime
from trainer import ChunkedTrainer
from utils.cross_entropy import CrossEntropyLoss
from utils.optim import OptimRegime

parser = argparse.ArgumentParser(description='PyTorch ConvNet Training')
parser.add_argument('--model', '-a', metavar='MODEL', default='alexnet')
parser.add_argument('--dataset', metavar='DATASET', default='imagenet')
parser.add_argument('--device', default='cuda')
parser.add_argument('--epochs', default=90, type=int)
parser.add_argument('--start-epoch', default=0, type=int)
parser.add_argument('-b', '--batch-size', default=256, type=int)
parser.add_argument('--optimizer', default='SGD', type=str)
parser.add_argument('--lr', default=0.1, type=float)
parser.add_argument('--chunk-batch', default=1, type=int, help='chunk batch size for multiple passes (training)')
parser.add_argument('--grad-clip', default=-1, type=float)
parser.add_argument('-e', '--evaluate', type=str, metavar='FILE', help='evaluate model FILE on validation set')


def main():
    global args
    args = parser.parse_args()
    model = models.__dict__[args.model]
    model = model(dataset=args.dataset)
    criterion = CrossEntropyLoss()
    criterion.to(args.device, torch.float)
    model.to(args.device, torch.float)
    optim_regime = getattr(model, 'regime', [{'epoch': 0, 'optimizer': args.optimizer, 'lr': args.lr}])
    optimizer = OptimRegime(model, optim_regime)
    trainer = ChunkedTrainer(model, criterion, optimizer, device=args.device, grad_clip=args.grad_clip)
    val_data = DataRegime(getattr(model, 'data_eval_regime', None), defaults={'name': args.dataset, 'split': 'val', 'batch_size': args.batch_size})
    if args.evaluate:
        results = trainer.validate(val_data.get_loader())
        print(results)
        return
    train_data = DataRegime(getattr(model, 'data_regime', None), defaults={'name': args.dataset, 'split': 'train', 'batch_size': args.batch_size})
    trainer.training_steps = args.start_epoch * len(train_data)
    for epoch in range(args.start_epoch, args.epochs):
        trainer.epoch = epoch
        train_results = trainer.train(train_data.get_loader(), chunk_batch=args.chunk_batch)
        val_results = trainer.validate(val_data.get_loader())
        print(train_results, val_results)


if __name__ == '__main__':
    main()
