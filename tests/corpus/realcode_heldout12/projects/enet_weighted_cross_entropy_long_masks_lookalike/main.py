"""part of look-alike project [LG001, LG006, LG013]: builds the long-mask loaders, class weights from label frequencies (as float32, the unlabeled class zeroed), ENet (its last layer a transposed convolution), nn.CrossEntropyLoss(weight=...) and Adam, and runs the epoch trainer."""
# Source: davidtvs/PyTorch-ENet@e17d404e2f649a3476eabe39f8a05e5eb77c55fd main.py (read as is; re-typed, identifiers renamed, cut to load_dataset() and train(): the test and prediction paths, the checkpoint resume and the validation branch shortened)
import torch
import torch.nn as nn
import torch.optim as optim
import torch.optim.lr_scheduler as lr_scheduler
import torch.utils.data as data
import torchvision.transforms as transforms
from PIL import Image

import transforms as ext_transforms
from data.utils import enet_weighing, median_freq_balancing
from metric.iou import IoU
from models.enet import ENet
from train import EpochTrainer


def load_dataset(dataset, args, device):
    image_transform = transforms.Compose([transforms.Resize((args.height, args.width)), transforms.ToTensor()])
    label_transform = transforms.Compose([
        transforms.Resize((args.height, args.width), Image.NEAREST),
        ext_transforms.MaskToLong()
    ])
    train_set = dataset(args.dataset_dir, transform=image_transform, label_transform=label_transform)
    train_loader = data.DataLoader(train_set, batch_size=args.batch_size, shuffle=True, num_workers=args.workers)
    class_encoding = train_set.color_encoding
    num_classes = len(class_encoding)
    if args.weighing.lower() == 'enet':
        class_weights = enet_weighing(train_loader, num_classes)
    elif args.weighing.lower() == 'mfb':
        class_weights = median_freq_balancing(train_loader, num_classes)
    else:
        class_weights = None
    if class_weights is not None:
        class_weights = torch.from_numpy(class_weights).float().to(device)
        if args.ignore_unlabeled:
            ignore_index = list(class_encoding).index('unlabeled')
            class_weights[ignore_index] = 0
    return train_loader, class_weights, class_encoding


def train(train_loader, class_weights, class_encoding, args, device):
    num_classes = len(class_encoding)
    model = ENet(num_classes).to(device)
    criterion = nn.CrossEntropyLoss(weight=class_weights)
    optimizer = optim.Adam(model.parameters(), lr=args.learning_rate, weight_decay=args.weight_decay)
    lr_updater = lr_scheduler.StepLR(optimizer, args.lr_decay_epochs, args.lr_decay)
    if args.ignore_unlabeled:
        ignore_index = list(class_encoding).index('unlabeled')
    else:
        ignore_index = None
    metric = IoU(num_classes, ignore_index=ignore_index)
    trainer = EpochTrainer(model, train_loader, optimizer, criterion, metric, device)
    for epoch in range(0, args.epochs):
        epoch_loss, (iou, miou) = trainer.run_epoch(args.print_step)
        lr_updater.step()
        print(">>>> [Epoch: {0:d}] Avg. loss: {1:.4f} | Mean IoU: {2:.4f}".format(epoch, epoch_loss, miou))
    return model
