"""positive [LG005]: the protein-atlas CNN flattens with x.view(-1, 8*16*1*30*30), a constant that includes the batch size 8, so a batch of 8 becomes one (1, 18) row compared with (8, 18) labels in nn.MSELoss, which broadcasts instead of failing."""
# Source: weka511/hpa-scc@9baf57679e1673ff06072fb6edebfb2bfc1bb441 train.py (read as is; its issue #38 quotes "Using a target size (torch.Size([8, 18])) that is different to the input size (torch.Size([1, 18]))"; re-typed, identifiers renamed, the visualisation, checkpoint restart and argument parsing shortened)
from os.path import exists, join
from random import shuffle

from numpy import load, mean
from torch import unsqueeze, from_numpy, FloatTensor, save
from torch.nn import Module, Conv3d, MaxPool3d, Linear, MSELoss
from torch.nn.functional import relu, softmax
from torch.optim import SGD
from torch.utils.data import Dataset, DataLoader


class CellDataset(Dataset):
    def __init__(self, base_name='train', path='./', seq=1, shuffle_images=False):
        npz = load(join(path, f'{base_name}{seq}.npz'), allow_pickle=True)
        self.Images = npz['Images']
        self.Targets = npz['Targets']
        self.Indices = list(range(self.Images.shape[0]))
        if shuffle_images:
            shuffle(self.Indices)

    def __len__(self):
        return self.Images.shape[0]

    def __getitem__(self, idx):
        index = self.Indices[idx]
        inputs = unsqueeze(from_numpy(self.Images[index]), 1)
        labels = FloatTensor([1 if i in self.Targets[index] else 0 for i in range(18)])
        return inputs, labels


class Net(Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = Conv3d(in_channels=4, out_channels=6, kernel_size=(1, 5, 5), stride=1, padding=1)
        self.pool = MaxPool3d(2)
        self.conv2 = Conv3d(in_channels=6, out_channels=16, kernel_size=(1, 5, 5), stride=1, padding=1)
        self.fc1 = Linear(in_features=8 * 16 * 1 * 30 * 30, out_features=120)
        self.fc2 = Linear(in_features=120, out_features=84)
        self.fc3 = Linear(in_features=84, out_features=18)

    def forward(self, x):
        x = self.pool(relu(self.conv1(x.float())))
        x = self.pool(relu(self.conv2(x)))
        x = x.view(-1, 8 * 16 * 1 * 30 * 30)
        x = relu(self.fc1(x))
        x = relu(self.fc2(x))
        x = self.fc3(x)
        return softmax(x, dim=1)


def train_epoch(epoch, base_name=None, path='./', model=None, criterion=None, optimizer=None,
                logger=None, K=1, frequency=1, batch_size=8):
    m = 1
    seqs = []
    while exists(join(path, f'{base_name}{m}.npz')):
        seqs.append(m)
        m += 1
    for i in range(len(seqs)):
        loader = DataLoader(CellDataset(base_name=base_name, path=path, seq=seqs[i]), batch_size=batch_size)
        losses = []
        for k in range(K):
            for j, data in enumerate(loader, 0):
                optimizer.zero_grad()
                inputs, labels = data
                outputs = model(inputs)
                loss = criterion(outputs, labels)  # expect: LG005
                losses.append(loss.item())
                loss.backward()
                optimizer.step()
                if j % frequency == 0:
                    mean_loss = mean(losses)
                    losses.clear()
                    logger.log(f'{epoch}, {m},  {j}, {mean_loss}')


def main(args, logger):
    model = Net()
    criterion = MSELoss()
    optimizer = SGD(model.parameters(), lr=args.lr, momentum=args.momentum)
    for epoch in range(1, 1 + args.n):
        train_epoch(epoch, base_name=args.data, path=args.path, model=model, criterion=criterion,
                    optimizer=optimizer, logger=logger, K=args.K, frequency=args.frequency,
                    batch_size=args.batch)
        save({'epoch': epoch, 'model_state_dict': model.state_dict()}, join(args.chks, f'{args.checkpoint}{epoch}.pth'))
