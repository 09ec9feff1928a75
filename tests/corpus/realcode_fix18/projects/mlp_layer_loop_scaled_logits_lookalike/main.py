"""part of look-alike project [LG001, LG011]: the entry point builds the network from the sibling module and trains it epoch by epoch."""

# Source: jackonelli/ensemble_distr_distillation@6a46023bf8 src/main.py (the fix commit; cut, renamed)
import torch

import neural_network
import utils
from dataloaders import gaussian


def main():
    args = utils.parse_args()
    data = gaussian.SyntheticGaussianData(mean_0=[0, 0], mean_1=[1, 0])
    loader = torch.utils.data.DataLoader(data, batch_size=4, shuffle=True, num_workers=2)
    model = neural_network.MemberNet(2, 10, 5, 2)
    train(model, loader, args.num_epochs)


def train(model, loader, num_epochs):
    for epoch in range(1, num_epochs + 1):
        loss = model.train_epoch(loader)
        print("Epoch {}: Loss: {}".format(epoch, loss))


if __name__ == "__main__":
    main()
