"""part of positive project [LG001]: `import network as net`, the model built as net.Network() under __main__ and passed to train(), whose CrossEntropyLoss gets the softmax output."""
# Source: https://github.com/jindongwang/Deep-learning-activity-recognition pytorch/main_pytorch.py
# at 18b96d72866b7c5c7a78e552b240a9876a0464e6 (issue #10); re-typed, names changed, reduced.
import network as net
import torch
import torch.nn as nn
import torch.optim as optim

BATCH_SIZE = 64
N_EPOCH = 80
DEVICE = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")


def train(model, optimizer, train_loader):
    criterion = nn.CrossEntropyLoss()
    for e in range(N_EPOCH):
        model.train()
        total_loss = 0
        for index, (sample, target) in enumerate(train_loader):
            sample, target = sample.to(DEVICE).float(), target.to(DEVICE).long()
            sample = sample.view(-1, 9, 1, 128)
            output = model(sample)
            loss = criterion(output, target)  # expect: LG001
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total_loss += loss.item()


if __name__ == "__main__":
    torch.manual_seed(10)
    train_loader = torch.utils.data.DataLoader([], batch_size=BATCH_SIZE)
    model = net.Network().to(DEVICE)
    optimizer = optim.SGD(params=model.parameters(), lr=0.01, momentum=0.9)
    train(model, optimizer, train_loader)
