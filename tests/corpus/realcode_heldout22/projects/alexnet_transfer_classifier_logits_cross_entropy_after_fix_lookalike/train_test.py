"""part of look-alike project [LG001, LG006]: the train and test helpers call the criterion they are given on model(data); with the AlexNet whose replaced classifier now ends in nn.Linear (the LogSoftmax commented out) and nn.CrossEntropyLoss both calls get raw scores; the test sum adds loss tensors under torch.no_grad."""
# Source: kenmaro3/pytorch_practice at a0e30fa6 ("[REF] alex": the LogSoftmax of the replaced classifier commented out), cnn_stanford_dog/train_test.py;
# re-typed, identifiers renamed.
import torch


def train(model, train_loader, optimizer, criterion, device, log_interval, epoch_idx):
    model.train()
    for i, (data, target) in enumerate(train_loader):
        data = data.to(device)
        target = target.to(device)
        optimizer.zero_grad()
        out = model(data)
        loss = criterion(out, target)
        loss.backward()
        optimizer.step()
        if i % log_interval == 0:
            print("train epoch: {} [{}/{} ({:.0f}%)] \tLoss: {:.6f}".format(
                epoch_idx, i * len(data), len(train_loader.dataset), 100.0 * i / len(train_loader), loss.item()))


def test(model, test_loader, criterion, device):
    model.eval()
    test_loss = 0
    correct = 0
    with torch.no_grad():
        for data, target in test_loader:
            data, target = data.to(device), target.to(device)
            out = model(data)
            test_loss += criterion(out, target)
            pred = out.argmax(dim=1, keepdim=True)
            correct += pred.eq(target.view_as(pred)).sum().item()
        test_loss /= len(test_loader.dataset)
        print("\nTest set: average loss: {:.4f}, accuracy: {}/{} ({:.0f}%)\n".format(
            test_loss, correct, len(test_loader.dataset), 100.0 * correct / len(test_loader.dataset)))
