"""part of positive project [LG001]: the Flower client builds the MNIST or Fashion-MNIST network and calls the matching train function each round."""
# Source: adap/flower at fdef7afb1d, baselines/flanders/flanders/client.py; re-typed, identifiers renamed; parameter
# (de)serialisation and evaluate cut.
import flwr as fl
import torch

from .models import DigitsNet, FashionNet, train_digits, train_fashion


class DigitsClient(fl.client.NumPyClient):
    def __init__(self, cid, trainloader, device):
        self.cid = cid
        self.net = DigitsNet()
        self.trainloader = trainloader
        self.device = device

    def fit(self, parameters, config):
        self.set_parameters(parameters)
        train_digits(self.net, self.trainloader, epochs=config["epochs"], device=self.device)
        return self.get_parameters(config={}), len(self.trainloader), {}

    def get_parameters(self, config):
        return [v.cpu().numpy() for _, v in self.net.state_dict().items()]

    def set_parameters(self, arrays):
        self.net.load_state_dict({k: torch.tensor(v) for k, v in zip(self.net.state_dict().keys(), arrays)})


class FashionClient(DigitsClient):
    def __init__(self, cid, trainloader, device):
        super().__init__(cid, trainloader, device)
        self.net = FashionNet()

    def fit(self, parameters, config):
        self.set_parameters(parameters)
        train_fashion(self.net, self.trainloader, epochs=config["epochs"], device=self.device)
        return self.get_parameters(config={}), len(self.trainloader), {}
