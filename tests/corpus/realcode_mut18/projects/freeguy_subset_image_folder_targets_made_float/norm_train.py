"""part of positive project [LG013]: the script wires the model, the configured loss and the loaders together."""

# Source: nkdatascientist/pyfreeguy@5f4fe091bd tools/norm_train.py (main, re-typed; the scheduler, checkpoints and validation cut)
import torch
import torchvision
from classification import train_model
from dataloader import imagenet_dataloader
from loss import GetLoss


def main(args):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = torchvision.models.resnet18(num_classes=args.num_classes).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    criterion = GetLoss()(args)
    train_dl, val_dl = imagenet_dataloader(args)
    for epoch in range(args.epochs):
        train_model(epoch, model, train_dl, criterion, device, optimizer)
