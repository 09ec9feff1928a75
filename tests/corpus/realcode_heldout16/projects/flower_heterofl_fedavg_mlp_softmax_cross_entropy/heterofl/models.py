"""part of positive project [LG001]: the federated baseline's models compute their own loss; the MLP (the fedavg config's model) ends in nn.Softmax(dim=1) and the CIFAR CNN in F.log_softmax, and both hand that to F.cross_entropy."""
# Source: adap/flower at fdef7afb1d (read as is), baselines/heterofl/heterofl/models.py; re-typed, identifiers
# renamed; the ResNet18 blocks, the width-scaled conv() builder, parameter (de)serialisation and docstrings cut.
# conf/fedavg.yaml selects `model: model_name: MLP  #use CNNCifar for CIFAR10`; base.yaml selects resnet18/conv.
import torch
import torch.nn.functional as F
from torch import nn

from heterofl.utils import make_optimizer


class ConvNet(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        layers = [
            nn.Conv2d(cfg["data_shape"][0], cfg["hidden_size"][0], 3, 1, 1),
            self._scale(),
            self._norm(0),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2),
        ]
        for k in range(len(cfg["hidden_size"]) - 1):
            layers.extend(
                [
                    nn.Conv2d(cfg["hidden_size"][k], cfg["hidden_size"][k + 1], 3, 1, 1),
                    self._scale(),
                    self._norm(k + 1),
                    nn.ReLU(inplace=True),
                    nn.MaxPool2d(2),
                ]
            )
        layers = layers[:-1]
        layers.extend(
            [
                nn.AdaptiveAvgPool2d(1),
                nn.Flatten(),
                nn.Linear(cfg["hidden_size"][-1], cfg["classes_size"]),
            ]
        )
        self.layers = nn.Sequential(*layers)

    def _norm(self, k):
        if self.cfg["norm"] == "bn":
            return nn.BatchNorm2d(self.cfg["hidden_size"][k], momentum=None, track_running_stats=self.cfg["track"])
        if self.cfg["norm"] == "ln":
            return nn.GroupNorm(1, self.cfg["hidden_size"][k])
        if self.cfg["norm"] == "none":
            return nn.Identity()
        raise ValueError("Not valid norm")

    def _scale(self):
        if self.cfg["scale"]:
            return RateScaler(self.cfg["rate"])
        return nn.Identity()

    def forward(self, batch):
        result = {}
        scores = self.layers(batch["img"])
        if "label_split" in batch and self.cfg["mask"]:
            keep = torch.zeros(self.cfg["classes_size"], device=scores.device)
            keep[batch["label_split"]] = 1
            scores = scores.masked_fill(keep == 0, 0)
        result["score"] = scores
        result["loss"] = F.cross_entropy(scores, batch["label"], reduction="mean")
        return result


class MnistMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc_in = nn.Linear(784, 512)
        self.act = nn.ReLU()
        self.drop = nn.Dropout()
        self.fc_h1 = nn.Linear(512, 256)
        self.fc_h2 = nn.Linear(256, 256)
        self.fc_h3 = nn.Linear(256, 128)
        self.fc_out = nn.Linear(128, 10)
        self.softmax = nn.Softmax(dim=1)

    def forward(self, batch):
        result = {}
        h = batch["img"]
        h = h.view(-1, h.shape[1] * h.shape[-2] * h.shape[-1])
        h = self.act(self.fc_in(h))
        h = self.act(self.fc_h1(h))
        h = self.act(self.fc_h2(h))
        h = self.act(self.fc_h3(h))
        h = self.fc_out(h)
        probs = self.softmax(h)
        result["score"] = probs
        result["loss"] = F.cross_entropy(probs, batch["label"], reduction="mean")  # expect: LG001
        return result


class CifarCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 100)
        self.fc3 = nn.Linear(100, 10)

    def forward(self, batch):
        result = {}
        h = batch["img"]
        h = self.pool(F.relu(self.conv1(h)))
        h = self.pool(F.relu(self.conv2(h)))
        h = h.view(-1, 16 * 5 * 5)
        h = F.relu(self.fc1(h))
        h = F.relu(self.fc2(h))
        h = self.fc3(h)
        logp = F.log_softmax(h, dim=1)
        result["score"] = logp
        result["loss"] = F.cross_entropy(logp, batch["label"], reduction="mean")  # expect: LG001
        return result


class RateScaler(nn.Module):
    def __init__(self, rate):
        super().__init__()
        self.rate = rate

    def forward(self, x):
        return x / self.rate if self.training else x


def build_model(cfg, model_rate=None, track=False, device="cpu"):
    cfg = cfg.copy()
    cfg["track"] = track
    net = None
    if cfg["model"] == "MLP":
        net = MnistMLP()
        net.to(device)
    elif cfg["model"] == "CNNCifar":
        net = CifarCNN()
        net.to(device)
    elif cfg["model"] == "conv":
        net = ConvNet(cfg).to(device)
    return net


def train(net, loader, label_split, settings):
    opt = make_optimizer(
        settings["optimizer"],
        net.parameters(),
        learning_rate=settings["lr"],
        momentum=settings["momentum"],
        weight_decay=settings["weight_decay"],
    )
    net.train()
    for _ in range(settings["epochs"]):
        for images, labels in loader:
            batch = {}
            batch["img"] = images.to(settings["device"])
            batch["label"] = labels.to(settings["device"])
            batch["label_split"] = label_split.type(torch.int).to(settings["device"])
            opt.zero_grad()
            out = net(batch)
            out["loss"].backward()
            if ("clip" not in settings) or ("clip" in settings and settings["clip"] is True):
                torch.nn.utils.clip_grad_norm_(net.parameters(), 1)
            opt.step()


def test(net, loader, label_split=None, device="cpu"):
    net.eval()
    size = len(loader.dataset)
    n_batches = len(loader)
    total, correct = 0, 0
    with torch.no_grad():
        net.train(False)
        for images, labels in loader:
            batch = {"img": images.to(device), "label": labels.to(device)}
            if label_split is not None:
                batch["label_split"] = label_split.type(torch.int).to(device)
            out = net(batch)
            total += out["loss"].item()
            correct += (out["score"].argmax(1) == batch["label"]).type(torch.float).sum().item()
    return total / n_batches, correct / size
