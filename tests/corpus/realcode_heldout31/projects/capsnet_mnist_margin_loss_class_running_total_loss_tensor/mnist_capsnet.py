"""part of positive project [LG006]: train() adds each batch's capsule loss tensor to total_loss before backward(), across the whole epoch."""
# Source: swoogle/PyTorch-Study at 35c4c716f9362a7847f492d5472bb3bbbb0b8b8f mnist_capsnet.py (dataset transforms and paths shortened; train(), test() and main() kept)
import os
import sys
import torch
import os.path as op
import torch.nn as nn
import torch.optim as optim
import torch.utils.data as Data
import torchvision
import torchvision.transforms as transforms
from capsnet import CapsuleNet, CapsuleMarginLoss


def train(model, device, train_loader, criterion, optimizer, scheduler, epoch_num):
    model.train()
    for ep in range(epoch_num):
        batch_id = 1
        correct, total, total_loss = 0, 0, 0.
        for images, labels in train_loader:
            optimizer.zero_grad()
            images = images.to(device)
            labels = torch.eye(10).index_select(dim=0, index=labels).to(device)
            logits, reconstruction = model(images)

            loss = criterion(images, labels, logits, reconstruction)
            correct += torch.sum(torch.argmax(logits, dim=1) == torch.argmax(labels, dim=1)).item()
            total += len(labels)
            accuracy = correct / total
            total_loss += loss  # expect: LG006
            loss.backward()
            optimizer.step()
            print('Epoch {}, batch {}, loss: {:.4f}, accuracy: {:.4f}'.format(
                ep + 1, batch_id, total_loss / batch_id, accuracy))
            batch_id += 1
        scheduler.step(ep)
        print('Total loss for epoch {}: {:.4f}'.format(ep + 1, total_loss))


def test(model, device, test_loader):
    model.eval()
    correct, total = 0, 0
    for images, labels in test_loader:
        images = images.to(device)
        labels = torch.eye(10).index_select(dim=0, index=labels).to(device)
        logits, reconstructions = model(images)
        pred_labels = torch.argmax(logits, dim=1)
        correct += torch.sum(pred_labels == torch.argmax(labels, dim=1)).item()
        total += len(labels)
    print('Accuracy: {:.4f}%'.format(100 * correct / total))


def main():
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')

    BATCH_SIZE = 128
    EPOCHS_NUM = 50
    LR = 0.001
    GAMMA = 0.96

    transform = transforms.Compose([
        transforms.RandomCrop(28, padding=2),
        transforms.ToTensor(),
        transforms.Normalize((0.1307,), (0.3081,)),
    ])
    train_dataset = torchvision.datasets.MNIST(root=op.join(sys.path[0], 'data/'), train=True,
                                               transform=transform, download=True)
    test_dataset = torchvision.datasets.MNIST(root=op.join(sys.path[0], 'data/'), train=False,
                                              transform=transform)
    train_loader = Data.DataLoader(dataset=train_dataset, batch_size=BATCH_SIZE, num_workers=4, shuffle=True)
    test_loader = Data.DataLoader(dataset=test_dataset, batch_size=BATCH_SIZE, num_workers=4, shuffle=True)

    model = CapsuleNet().to(device)
    criterion = CapsuleMarginLoss()
    optimizer = optim.Adam(model.parameters(), lr=LR)
    scheduler = optim.lr_scheduler.ExponentialLR(optimizer, gamma=GAMMA)

    train(model, device, train_loader, criterion, optimizer, scheduler, EPOCHS_NUM)
    test(model, device, test_loader)

    torch.save(model, op.join(sys.path[0], 'model/mnist_capsnet.pt'))


if __name__ == '__main__':
    main()
