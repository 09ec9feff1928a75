"""positive [LG014]: the code cells of a 2020 notebook comparing nn.Sequential FashionMNIST networks with a RunBuilder/RunManager grid: for every run and epoch the loop computes F.cross_entropy, calls loss.backward() and optimizer.step() and never clears the gradients (the run manager only reads .item() and the .grad histograms)."""
# Source: Thirunayan22/pytorch-notebooks at 0707479a, "Pytorch Sequential Models.ipynb" (the code cells, in order);
# re-typed, identifiers renamed; the exploratory cells (image display, the three ways of building the first network)
# shortened, the RunManager's TensorBoard and pandas reporting shortened; the training cell kept as in the notebook
# (it loads train_set for both trainset settings, as the notebook does).
import math
import time
from collections import OrderedDict, namedtuple
from itertools import product

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import torchvision
import torchvision.transforms as transforms
from torch.utils.data import DataLoader
from torch.utils.tensorboard import SummaryWriter

train_set = torchvision.datasets.FashionMNIST(root='./', train=True, download=True,
                                              transform=transforms.Compose([transforms.ToTensor()]))
image, label = train_set[0]
out_classes = len(train_set.classes)
in_features = image.numel()
out_features = math.floor(in_features / 2)


class RunManager():
    def __init__(self):
        self.epoch_count = 0
        self.epoch_loss = 0
        self.epoch_num_correct = None
        self.run_params = None
        self.run_count = 0
        self.run_data = []
        self.network = None
        self.loader = None
        self.tb = None

    def begin_run(self, run, network, loader):
        self.run_start_time = time.time()
        self.run_params = run
        self.run_count += 1
        self.network = network
        self.loader = loader
        self.tb = SummaryWriter(comment=f'--{run}')

    def end_run(self):
        self.tb.close()
        self.epoch_count = 0

    def begin_epoch(self):
        self.epoch_start_time = time.time()
        self.epoch_count += 1
        self.epoch_loss = 0
        self.epoch_num_correct = 0

    def end_epoch(self):
        loss = self.epoch_loss / len(self.loader.dataset)
        accuracy = self.epoch_num_correct / len(self.loader.dataset)
        self.tb.add_scalar('Loss', loss, self.epoch_count)
        self.tb.add_scalar('Accuracy', accuracy, self.epoch_count)
        for name, param in self.network.named_parameters():
            self.tb.add_histogram(name, param, self.epoch_count)
            self.tb.add_histogram(f'{name}.grad', param.grad, self.epoch_count)
        self.run_data.append(OrderedDict(run=self.run_count, epoch=self.epoch_count, loss=loss, accuracy=accuracy))

    def track_loss(self, loss):
        self.epoch_loss += loss.item() * self.loader.batch_size

    def track_num_correct(self, preds, labels):
        self.epoch_num_correct = self._get_num_correct(preds, labels)

    @torch.no_grad()
    def _get_num_correct(self, preds, labels):
        return preds.argmax(dim=1).eq(labels).sum().item()


class RunBuilder():
    @staticmethod
    def get_runs(params):
        Run = namedtuple('Run', params.keys())
        return [Run(*v) for v in product(*params.values())]


torch.manual_seed(50)
net_plain = nn.Sequential(
    nn.Conv2d(in_channels=1, out_channels=6, kernel_size=5), nn.ReLU(), nn.MaxPool2d(kernel_size=2, stride=2),
    nn.Conv2d(in_channels=6, out_channels=12, kernel_size=5), nn.ReLU(), nn.MaxPool2d(kernel_size=2, stride=2),
    nn.Flatten(start_dim=1),
    nn.Linear(in_features=12 * 4 * 4, out_features=120), nn.ReLU(),
    nn.Linear(in_features=120, out_features=60), nn.ReLU(),
    nn.Linear(in_features=60, out_features=10))

torch.manual_seed(50)
net_bn = nn.Sequential(
    nn.Conv2d(in_channels=1, out_channels=6, kernel_size=5), nn.ReLU(), nn.MaxPool2d(kernel_size=2, stride=2),
    nn.BatchNorm2d(6),
    nn.Conv2d(in_channels=6, out_channels=12, kernel_size=5), nn.ReLU(), nn.MaxPool2d(kernel_size=2, stride=2),
    nn.Flatten(start_dim=1),
    nn.Linear(in_features=12 * 4 * 4, out_features=120), nn.ReLU(), nn.BatchNorm1d(120),
    nn.Linear(in_features=120, out_features=60), nn.ReLU(),
    nn.Linear(in_features=60, out_features=10))

networks = {'network1': net_plain, 'network2': net_bn}

params = OrderedDict(
    lr=[.01],
    batch_size=[1000],
    num_workers=[1],
    device=['cuda'],
    trainset=['not_normal', 'normal'],
    network=list(networks.keys()))

m = RunManager()
for run in RunBuilder.get_runs(params):
    device = torch.device(run.device)
    network = networks[run.network].to(device)
    loader = DataLoader(train_set, batch_size=run.batch_size, num_workers=run.num_workers)
    optimizer = optim.Adam(network.parameters(), lr=run.lr)
    m.begin_run(run, network, loader)
    for epoch in range(2):
        m.begin_epoch()
        for batch in loader:
            images = batch[0].to(device)
            labels = batch[1].to(device)
            preds = network(images)
            loss = F.cross_entropy(preds, labels)
            loss.backward()
            optimizer.step()  # expect: LG014
            m.track_loss(loss)
            m.track_num_correct(preds, labels)
        m.end_epoch()
    m.end_run()
