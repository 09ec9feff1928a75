"""part of positive project [LG001]: main() builds MobileNet2, wraps it in DataParallel when GPUs are given, builds torch.nn.CrossEntropyLoss() and passes both to train_network, which calls run.train and run.test."""
# Source: https://github.com/Randl/MobileNetV2-pytorch imagenet.py at 3518846c69971c10cae89b6b29497a502200da65 (issue #5);
# re-typed, names changed, reduced (argument parsing, resume and plotting left out).
import torch

from data import get_loaders
from model import MobileNet2
from run import train, test


def main():
    args = parser.parse_args()
    if args.gpus is not None:
        args.gpus = [int(i) for i in args.gpus.split(',')]
        device = 'cuda:' + str(args.gpus[0])
    else:
        device = 'cpu'
    dtype = torch.float32

    model = MobileNet2(input_size=args.input_size, scale=args.scaling)
    train_loader, val_loader = get_loaders(args.dataroot, args.batch_size, args.batch_size, args.input_size, args.workers)
    criterion = torch.nn.CrossEntropyLoss()
    if args.gpus is not None:
        model = torch.nn.DataParallel(model, args.gpus)
    model.to(device=device, dtype=dtype)
    criterion.to(device=device, dtype=dtype)

    optimizer = torch.optim.SGD(model.parameters(), args.learning_rate, momentum=args.momentum, weight_decay=args.decay, nesterov=True)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, args.schedule, gamma=args.gamma)
    train_network(args.start_epoch, args.epochs, scheduler, model, train_loader, val_loader, optimizer, criterion, device, dtype, args.batch_size, args.log_interval)


def train_network(start_epoch, epochs, scheduler, model, train_loader, val_loader, optimizer, criterion, device, dtype, batch_size, log_interval):
    for epoch in range(start_epoch, epochs + 1):
        scheduler.step()
        train_loss, train_accuracy1, train_accuracy5, = train(model, train_loader, epoch, optimizer, criterion, device, dtype, batch_size, log_interval, scheduler)
        test_loss, test_accuracy1, test_accuracy5 = test(model, val_loader, criterion, device, dtype)


if __name__ == '__main__':
    main()
