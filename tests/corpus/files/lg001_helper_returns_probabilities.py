"""positive [LG001]: a helper function returns softmax probabilities and its return value is the CE input."""
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision


def predict_proba(model, images, temperature=1.0):
    logits = model(images) / temperature
    return F.softmax(logits, dim=1)


def run_epoch(model, loader, optimizer, device):
    criterion = nn.CrossEntropyLoss(weight=torch.tensor([1.0, 2.0, 2.0, 5.0], device=device))
    model.train()
    seen, loss_sum = 0, 0.0
    for images, labels in loader:
        images = images.to(device, non_blocking=True)
        labels = labels.to(device, non_blocking=True)
        probs = predict_proba(model, images)
        loss = criterion(probs, labels)  # expect: LG001
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        loss_sum += loss.item() * labels.numel()
        seen += labels.numel()
    return loss_sum / seen


if __name__ == "__main__":
    device = torch.device("cuda")
    model = torchvision.models.efficientnet_b0(num_classes=4).to(device)
    ds = torchvision.datasets.ImageFolder("data/train", transform=torchvision.transforms.ToTensor())
    loader = torch.utils.data.DataLoader(ds, batch_size=32, shuffle=True)
    opt = torch.optim.Adam(model.parameters(), lr=1e-4)
    for ep in range(20):
        print(ep, run_epoch(model, loader, opt, device))
