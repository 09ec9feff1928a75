"""part of look-alike project [LG007]: the script makes the network with classification=True if args.task == 'classification' else False and picks NLLLoss or MSELoss by the same setting."""

# Source: txie-93/cgcnn@f42ab23 main.py (re-typed, renamed, cut to the model, the criterion and the training loop)
import argparse

import torch.nn as nn
import torch.optim as optim

from model import CrystalGraphNet

parser = argparse.ArgumentParser(description="Crystal Graph Convolutional Neural Networks")
parser.add_argument("--task", choices=["regression", "classification"], default="regression")
parser.add_argument("--lr", default=0.01, type=float)
parser.add_argument("--epochs", default=30, type=int)
args = parser.parse_args()


def train(loader, model, criterion, optimizer, normalizer):
    model.train()
    for atom_fea, crystal_atom_idx, target in loader:
        if args.task == "regression":
            target_normed = normalizer.norm(target)
        else:
            target_normed = target.view(-1).long()
        output = model(atom_fea, crystal_atom_idx)
        loss = criterion(output, target_normed)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def main(loader, normalizer, atom_fea_len):
    model = CrystalGraphNet(atom_fea_len, hidden_len=128, n_conv=3, n_h=1, classification=True if args.task == "classification" else False)
    if args.task == "classification":
        criterion = nn.NLLLoss()
    else:
        criterion = nn.MSELoss()
    optimizer = optim.SGD(model.parameters(), args.lr, momentum=0.9)
    for epoch in range(args.epochs):
        train(loader, model, criterion, optimizer, normalizer)
