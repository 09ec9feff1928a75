"""part of positive project [LG001]: the Flower client builds the configured model and runs the shared train loop on it each round."""
# Source: adap/flower at fdef7afb1d, baselines/heterofl/heterofl/client.py; re-typed, identifiers renamed; the client
# factory's data splitting and the evaluate method's bookkeeping cut.
import flwr as fl
import torch

from heterofl.models import build_model, test, train


class LocalClient(fl.client.NumPyClient):
    def __init__(self, cid, net, loaders, label_split, train_settings, model_cfg, device):
        self.cid = cid
        self.net = net
        self.trainloader = loaders["trainloader"]
        self.testloader = loaders["testloader"]
        self.label_split = label_split
        self.train_settings = train_settings
        self.model_cfg = model_cfg
        self.device = device

    def fit(self, parameters, config):
        self.net = build_model(self.model_cfg, model_rate=config.get("model_rate"), device=self.device)
        set_weights(self.net, parameters)
        self.train_settings["lr"] = config["lr"]
        train(self.net, self.trainloader, self.label_split, self.train_settings)
        return get_weights(self.net), len(self.trainloader), {}

    def evaluate(self, parameters, config):
        set_weights(self.net, parameters)
        loss, acc = test(self.net, self.testloader, device=self.device)
        return float(loss), len(self.testloader), {"accuracy": float(acc)}


def get_weights(net):
    return [v.cpu().numpy() for _, v in net.state_dict().items()]


def set_weights(net, arrays):
    state = {k: torch.Tensor(v) for k, v in zip(net.state_dict().keys(), arrays)}
    net.load_state_dict(state, strict=True)
