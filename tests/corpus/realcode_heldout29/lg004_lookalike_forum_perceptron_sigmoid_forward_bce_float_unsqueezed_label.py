"""look-alike [LG004, LG005, LG016]: code posted in a forum question about the value binary cross-entropy prints: a one-output perceptron applies torch.sigmoid inside forward, and F.binary_cross_entropy receives preds.float() against label.unsqueeze(1).float(), integer labels from the dataset cast to float and reshaped to the predictions' (2, 1)."""
# Source: thread https://discuss.pytorch.org/t/understanding-pytorch-binary-cross-entropy-loss-output/112463 (the
# question's code block, re-typed and renamed; the printed output and the question's arithmetic left out; the
# commented-out cross_entropy lines kept as comments, as posted).
import torch
import torchvision
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import Dataset, DataLoader

torch.manual_seed(0)


class Perceptron(nn.Module):
    def __init__(self):
        super(Perceptron, self).__init__()
        self.fc = nn.Linear(in_features=2, out_features=1)

    def forward(self, x):
        x = self.fc(x)
        x = torch.sigmoid(x)
        return x


class TwoPoints(Dataset):
    def __init__(self):
        super(TwoPoints, self).__init__()
        self.data = [([3, 2], 1), ([1, 1], 0)]

    def __getitem__(self, index):
        point, label = self.data[index]
        point = torch.FloatTensor(point)
        label = torch.tensor(label)
        return point, label

    def __len__(self):
        return len(self.data)


def main():
    model = Perceptron()
    dataset = TwoPoints()
    loader = DataLoader(dataset, batch_size=2)
    for idx, batch in enumerate(loader):
        point, label = batch
        print('data', point)
        print('label', label)
        preds = model(point)
        print('preds', preds)
        loss = F.binary_cross_entropy(preds.float(), label.unsqueeze(1).float())
        print('loss', loss)
    # loss = F.cross_entropy(preds,label)
    # print(loss)


if __name__ == "__main__":
    main()
