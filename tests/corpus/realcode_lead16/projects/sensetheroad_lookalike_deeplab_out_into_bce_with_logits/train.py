"""part of look-alike project [LG002]: the DeepLabV3 wrapper returns torchvision's raw 'out' logits into BCEWithLogitsLoss, as the repository has it."""
# Source: SinaRaoufi/SenseTheRoad@e857976 src/train.py (train() and the main block; metrics, image saving, the
# validation pass and checkpointing cut; re-typed, renamed)
# Unmutated: the repository's own BCEWithLogitsLoss on the raw 'out' logits
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader

from model import RoadSegmenter


def fit(model, optimizer, criterion, epochs, loaders, device):
    model.to(device)
    for epoch in range(epochs):
        running = 0.0
        model.train()
        for images, masks in loaders["train"]:
            images, masks = images.to(device).float(), masks.to(device).float()
            optimizer.zero_grad()
            outputs = model(images)
            loss = criterion(outputs, masks)
            running += loss.item()
            loss.backward()
            optimizer.step()
        print(epoch, running / len(loaders["train"]))


if __name__ == "__main__":
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    loaders = {"train": DataLoader(train_set, batch_size=4, shuffle=True)}
    model = RoadSegmenter()
    criterion = nn.BCEWithLogitsLoss()
    optimizer = optim.Adam(model.parameters(), lr=1e-4)
    fit(model, optimizer, criterion, 20, loaders, device)
