"""part of look-alike project [LG014, LG017, LG018]: builds the dataset of 28x28 digit images with int64 labels, the loader, the CNN wrapper ([32, 64] convolutions, [128, 10] Linear layers) and trains it for one epoch."""
# Source: DavideZFC/Pytorch-Exercises at 925118c6, Ex6/functions/train_on_data.py; re-typed, identifiers renamed; the Italian comments dropped.
import torch
from torch.utils.data import DataLoader
from torchvision import transforms
from classes.CustomDataset import CustomDataset
from classes.CNN_general import CNN


def train_on_data(X_train, y_train):
    y_train = torch.from_numpy(y_train.to_numpy()).long()
    transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5,), (0.5,))])
    dataset = CustomDataset(X_train, y_train, transform=transform)
    dataloader = DataLoader(dataset, batch_size=32, shuffle=True)
    net = CNN([32, 64], [128, 10], 28, 28)
    net.train(dataloader, epochs=1)
    return net
