"""positive [LG016]: the criterion is BCELoss or CrossEntropyLoss by args.dataset; forward tests self.args.dataset again, so only its PPI branch gets BCELoss."""
# Source: thoriumrobot/PTML@4486d7e GTN_alltypes/model_fastgtn.py, GTN_alltypes/fgtn_main.py (cut, renamed)
import argparse

import torch
import torch.nn as nn


class GraphTransformerStack(nn.Module):
    def __init__(self, in_dim, node_dim, num_class, args=None):
        super().__init__()
        self.args = args
        self.encoder = nn.Sequential(nn.Linear(in_dim, node_dim), nn.ReLU())
        self.linear = nn.Linear(node_dim, num_class)
        self.loss = nn.CrossEntropyLoss()
        if args.dataset == "PPI":
            self.m = nn.Sigmoid()
            self.loss = nn.BCELoss()
        else:
            self.loss = nn.CrossEntropyLoss()

    def forward(self, features, target_x, target, eval=False):
        hidden = self.encoder(features)
        y = self.linear(hidden[target_x])
        if eval:
            return y
        else:
            if self.args.dataset == "PPI":
                loss = self.loss(self.m(y), target)  # expect: LG016
            else:
                loss = self.loss(y, target.squeeze())
        return loss, y


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", type=str, default="DBLP")
    parser.add_argument("--epoch", type=int, default=200)
    args = parser.parse_args()
    features = torch.randn(100, 16)
    train_node = torch.arange(60)
    if args.dataset == "PPI":
        train_target = torch.randint(0, 2, (60, 8)).float()
        num_classes = 8
    else:
        train_target = torch.randint(0, 4, (60, 1))
        num_classes = 4
    model = GraphTransformerStack(16, 32, num_classes, args=args)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    for epoch in range(args.epoch):
        model.train()
        optimizer.zero_grad()
        loss, y_train = model(features, train_node, train_target)
        loss.backward()
        optimizer.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    main()
