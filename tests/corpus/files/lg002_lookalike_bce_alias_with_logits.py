"""look-alike [LG002, LG003]: `from torch.nn import BCEWithLogitsLoss as BCE` (alias that sounds like BCELoss) on conv logits."""
import torch
from torch import nn
from torch.nn import BCEWithLogitsLoss as BCE


class EdgeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(),
            nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(),
            nn.Conv2d(32, 1, 1),
        )

    def forward(self, x):
        return self.body(x)


model = EdgeNet()
bce = BCE(pos_weight=torch.tensor([10.0]))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)

for epoch in range(30):
    for image, edges in torch.utils.data.DataLoader(torch.load("bsds.pt"), batch_size=8):
        optimizer.zero_grad()
        loss = bce(model(image), edges)
        loss.backward()
        optimizer.step()
