"""part of positive project [LG010]: the training script picks a density-map network by name, builds LossFunction(model) for training and LossFunction("test") for the count errors, and trains with zero_grad / backward / step, summing float(loss)."""
# Source: FDU-VTS/CVCode at e9576dfb (read as is), Deep-Learning/Crowd-Count/crowd_count.py;
# re-typed, identifiers renamed; the dataset switch shortened to ShanghaiTech, tensorboard and checkpoint naming cut.
# The models and datasets are not included.
import math
import sys

import torch
import torch.optim as optim
import torch.utils.data
from torchvision import transforms

from src.datasets import shtu_dataset_csr
from src.models import csr_net, mcnn, sa_net, vgg
from src.utils import utils

DEVICE = "cuda:0" if torch.cuda.is_available() else "cpu"
models = {
    "mcnn": utils.weights_normal_init(mcnn.MCNN(bn=False), dev=0.01),
    "csr_net": csr_net.CSRNet(),
    "sa_net": sa_net.SANet(input_channels=3, kernel_size=[1, 3, 5, 7], bias=True),
    "vgg": vgg.VGG(),
}


def train(zoom_size=4, model="mcnn", learning_rate=1e-5, optim_name="SGD"):
    tf = transforms.Compose([transforms.ToTensor(),
                             transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225])])
    train_loader = torch.utils.data.DataLoader(
        shtu_dataset_csr.ShanghaiTechDataset(mode="train", zoom_size=zoom_size, transform=tf),
        batch_size=1, shuffle=True, num_workers=4)
    test_loader = torch.utils.data.DataLoader(
        shtu_dataset_csr.ShanghaiTechDataset(mode="test", transform=tf), batch_size=1, shuffle=False)
    net = models[model].train().to(DEVICE)
    if optim_name == "Adam":
        optimizer = optim.Adam(net.parameters(), lr=learning_rate)
    else:
        optimizer = optim.SGD(net.parameters(), lr=learning_rate, momentum=0.95, weight_decay=5 * 1e-4)
    train_loss = utils.LossFunction(model)
    test_loss = utils.LossFunction("test")
    min_mae = sys.maxsize
    for epoch in range(2000):
        sum_loss = 0.0
        for i, (inp, gt) in enumerate(train_loader):
            inp = inp.float().to(DEVICE)
            gt = torch.unsqueeze(gt.float().to(DEVICE), 0)
            output = net(inp)
            loss = train_loss(output, gt)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            sum_loss += float(loss)
        sum_mae = 0.0
        sum_mse = 0.0
        for inp, gt in iter(test_loader):
            output = net(inp.float().to(DEVICE))
            mae, mse = test_loss(output, gt.float().to(DEVICE))
            sum_mae += float(mae)
            sum_mse += float(mse)
        if sum_mae / len(test_loader) < min_mae:
            torch.save(net.state_dict(), "./models/{0}/best.pkl".format(model))
            min_mae = sum_mae / len(test_loader)
        print("mae:%.1f, mse:%.1f" % (sum_mae / len(test_loader), math.sqrt(sum_mse / len(test_loader))))


if __name__ == "__main__":
    _, model, zoom_size, learning_rate, optim_name = sys.argv
    train(zoom_size=int(zoom_size), model=str(model), learning_rate=float(learning_rate), optim_name=str(optim_name))
