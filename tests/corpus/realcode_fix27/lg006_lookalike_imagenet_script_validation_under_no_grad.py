"""look-alike [LG006]: the same research script after the fix: the validation loop runs under `torch.no_grad()`, so the summed validation losses hold no graph."""

# Source: facebookresearch/EGG@8742562828 egg/zoo/pop/scripts/imagenet_subsets.py (cut, renamed)
import argparse
from datetime import datetime
from pathlib import Path

import torch
import torchvision


def build_vision_module(name="resnet50", pretrained=False):
    modules = {
        "resnet50": torchvision.models.resnet50(pretrained=pretrained),
        "resnet101": torchvision.models.resnet101(pretrained=pretrained),
        "vgg11": torchvision.models.vgg11(pretrained=pretrained),
    }
    return modules[name]


def train_one_epoch(loader, model, optimizer, loss_fn, device="cuda"):
    running_loss = 0.0
    last_loss = 0.0
    for i, data in enumerate(loader):
        inputs, labels, _ = data
        inputs, labels = inputs.to(device), labels.to(device)
        optimizer.zero_grad()
        outputs = model(inputs)
        loss = loss_fn(outputs, labels)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
        if i % 1000 == 999:
            last_loss = running_loss / 1000
            running_loss = 0.0
    return last_loss


def test_one_epoch(loader, model, loss_fn, device="cuda"):
    running_vloss = 0.0
    running_acc = 0.0
    with torch.no_grad():
        for i, vdata in enumerate(loader):
            vinputs, vlabels, _ = vdata
            vinputs, vlabels = vinputs.to(device), vlabels.to(device)
            voutputs = model(vinputs)
            vloss = loss_fn(voutputs, vlabels)
            running_vloss += vloss
            running_acc += (voutputs.argmax(1) == vlabels).sum().item() / vlabels.size(0)
        avg_vloss = running_vloss / (i + 1)
        avg_acc = running_acc / (i + 1)
    return avg_vloss, avg_acc


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="resnet50")
    parser.add_argument("--checkpoint_dir", default="checkpoints")
    opts = parser.parse_args()
    training_loader = torch.utils.data.DataLoader(torchvision.datasets.FakeData(transform=torchvision.transforms.ToTensor()), batch_size=8)
    validation_loader = torch.utils.data.DataLoader(torchvision.datasets.FakeData(transform=torchvision.transforms.ToTensor()), batch_size=8)
    model = build_vision_module(name=opts.model)
    loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    timestamp = datetime.now().strftime("%Y%m%d_%H%M%S")
    best_vloss = 1_000_000.0
    for epoch in range(5):
        model.train(True)
        avg_loss = train_one_epoch(training_loader, model, optimizer, loss_fn)
        model.train(False)
        avg_vloss, avg_acc = test_one_epoch(validation_loader, model, loss_fn, "cpu")
        print("LOSS train {} valid {} v_acc {}".format(avg_loss, avg_vloss, avg_acc))
        print("Training vs. Validation Loss", {"Training": avg_loss, "Validation": avg_vloss}, epoch + 1)
        if avg_vloss < best_vloss:
            best_vloss = avg_vloss
            torch.save(model.state_dict(), Path(opts.checkpoint_dir) / "model_{}_{}".format(timestamp, epoch))
