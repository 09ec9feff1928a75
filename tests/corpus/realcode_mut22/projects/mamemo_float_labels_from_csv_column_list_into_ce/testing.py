"""part of positive project [LG013]: the test report runs the model over the loader's batches and gives the third item
of each to the criterion (CrossEntropyLoss)."""

# Source: mamemo/CNN-Binary-Classification@c0751e41b1 code/testing.py (test_report), code/run_test.py (main),
# code/models.py (resnet18); re-typed; the metrics, the csv report and the weights loading cut
import torch
from torch import nn
from torchvision import models

from dataset import get_dataloader


def resnet18():
    model = models.resnet18(weights=None)
    for param in model.parameters():
        param.requires_grad = False
    model.fc = nn.Linear(model.fc.in_features, 2)
    return model


def test_report(model, dataloader, criterion, device):
    model.to(device)
    model.eval()
    total = 0.0
    with torch.no_grad():
        for _, inputs, labels in dataloader:
            inputs, labels = inputs.to(device), labels.to(device)
            outputs = model(inputs)
            loss = criterion(outputs, labels)  # expect: LG013
            total += loss.item()
    return total / len(dataloader)


def main(params):
    model = resnet18()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    test_loader = get_dataloader(params["test_file"], params["img_size"], params["batch_size"], params["data_mean"], params["data_std"])
    criterion = nn.CrossEntropyLoss()
    print(test_report(model=model, dataloader=test_loader, criterion=criterion, device=device))
