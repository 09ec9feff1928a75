"""part of look-alike project [LG002, LG014, LG017, LG018]: a BCELoss wrapper the WGAN-GP training never uses; its self-test feeds uniform draws."""
# Source: adldotori/WGAN-GP at de079933b0ec1fc34f4ba0766c8de6335d30ceff loss.py (re-typed)
import torch
import torch.nn as nn


class BinaryLoss(nn.Module):
    def __init__(self):
        super().__init__()
        self.loss = nn.BCELoss()

    def forward(self, x, y):
        return self.loss(x, y)


if __name__ == '__main__':
    batch_size = 3

    x = torch.rand(batch_size, 1).cuda()
    y = torch.rand(batch_size, 1).cuda()

    criterion = BinaryLoss()
    loss = criterion(x, y)

    print(loss.shape)
    print(loss)
