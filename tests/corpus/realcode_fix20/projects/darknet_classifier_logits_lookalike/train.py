"""part of look-alike project [LG001, LG011]: the entry point builds the small Darknet and trains it."""

# Source: hoel-bagard/image_classification_pytorch@e97c8f4448 train.py (the fix commit; cut, renamed)
import torch

from src.dataset.dataset import Dataset
from src.networks.small_darknet import TinyDarknet
from src.train import train


def main():
    train_dataloader = torch.utils.data.DataLoader(Dataset("train"), batch_size=32, shuffle=True)
    val_dataloader = torch.utils.data.DataLoader(Dataset("val"), batch_size=32)
    model = TinyDarknet()
    model.to(torch.device("cuda:0" if torch.cuda.is_available() else "cpu")).float()
    train(model, train_dataloader, val_dataloader)


if __name__ == '__main__':
    main()
