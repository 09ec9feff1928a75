"""part of look-alike project [LG006, LG007, LG011]: the training script picks a model by name, unpacks the GCN's (log-probabilities, feature) tuple, and trains with F.nll_loss on the log-probabilities; total_loss sums loss.item() * num_graphs, the test loss runs under torch.no_grad."""
# Source: Raniac/Schizo_Graph_Net at 5ce9c607 (read as is), main.py;
# re-typed, identifiers renamed; logging set-up, seeding and the result plots cut. utils.loader is not included.
import argparse

import torch
import torch.nn.functional as F
from torch.optim import lr_scheduler
from torch_geometric.data import DataLoader

from models import GATNet, GCNNet, GIN
from utils.loader import fromTxt2DatasetWithFeature

parser = argparse.ArgumentParser(description="SGNMain")
parser.add_argument("--data_path", dest="data_path", required=True)
parser.add_argument("--batch_size", dest="batch_size", default=32)
parser.add_argument("--learning_rate", dest="learning_rate", default=5e-2)
parser.add_argument("--num_epochs", dest="num_epochs", default=200)
parser.add_argument("--model", dest="model", default="GCN")
args = parser.parse_args()

train_dataset, test_dataset = fromTxt2DatasetWithFeature(args.data_path + "/dpabi/", args.data_path + "/sfMRI_90.csv")
train_loader = DataLoader(train_dataset, batch_size=int(args.batch_size), shuffle=True)
test_loader = DataLoader(test_dataset, batch_size=int(args.batch_size), shuffle=False)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
models = {"GCN": GCNNet().to(device), "GAT": GATNet().to(device), "GIN": GIN().to(device)}
model = models[args.model]
optimizer = torch.optim.Adam(model.parameters(), lr=float(args.learning_rate))
scheduler = lr_scheduler.StepLR(optimizer, step_size=50, gamma=0.1)


def train(data_loader, data_size):
    model.train()
    total_loss = 0
    correct = 0
    for data in data_loader:
        data = data.to(device)
        optimizer.zero_grad()
        if args.model == "GCN":
            out, _ = model(data)
        else:
            out = model(data)
        loss = F.nll_loss(out, data.y)
        loss.backward()
        total_loss += loss.item() * data.num_graphs
        optimizer.step()
        correct += out.max(dim=1)[1].eq(data.y).sum().item()
    return total_loss / data_size, correct / data_size


def test(data_loader, data_size):
    model.eval()
    total_loss = 0
    correct = 0
    for data in data_loader:
        data = data.to(device)
        with torch.no_grad():
            if args.model == "GCN":
                out, _ = model(data)
            else:
                out = model(data)
            loss = F.nll_loss(out, data.y)
        total_loss += loss.item() * data.num_graphs
        correct += out.max(dim=1)[1].eq(data.y).sum().item()
    return total_loss / data_size, correct / data_size


for epoch in range(1, int(args.num_epochs) + 1):
    train_loss, train_acc = train(train_loader, len(train_dataset))
    test_loss, test_acc = test(test_loader, len(test_dataset))
    scheduler.step()
    print("Epoch {:03d}: train {:.4f} / {:.4f}, test {:.4f} / {:.4f}".format(epoch, train_loss, train_acc,
                                                                            test_loss, test_acc))
