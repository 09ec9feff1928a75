"""positive [LG001]: `import network as net`, the model is built in the `__main__` block as `net.Network().to(DEVICE)` and passed to `train()`, where CrossEntropyLoss gets its softmax output."""
# Shape of jindongwang/Deep-learning-activity-recognition@6ec30f24c54f47d30fbaae875a9cd40aba256442
# pytorch/main_pytorch.py (reported in that repository's issue #10).
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

import data_preprocess
import network as net

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
        print(e, total_loss / len(train_loader))


if __name__ == "__main__":
    torch.manual_seed(10)
    train_loader, test_loader = data_preprocess.load(batch_size=BATCH_SIZE)
    model = net.Network().to(DEVICE)
    optimizer = optim.SGD(params=model.parameters(), lr=0.01, momentum=0.9)
    train(model, optimizer, train_loader)
    np.savetxt("result.csv", np.zeros(2))
