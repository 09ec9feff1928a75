"""positive [LG010]: 2017-era autoencoder repo builds nn.MSELoss(size_average=False) and nn.BCELoss(size_average=True, reduce=True)."""
import torch
import torch.nn as nn
from torch.autograd import Variable


class AutoEncoder(nn.Module):
    def __init__(self):
        super(AutoEncoder, self).__init__()
        self.encoder = nn.Sequential(nn.Linear(784, 128), nn.ReLU(True), nn.Linear(128, 32))
        self.decoder = nn.Sequential(nn.Linear(32, 128), nn.ReLU(True), nn.Linear(128, 784), nn.Sigmoid())

    def forward(self, x):
        return self.decoder(self.encoder(x))


model = AutoEncoder()
reconstruction_loss = nn.MSELoss(size_average=False)  # expect: LG010
bce_loss = nn.BCELoss(size_average=True,  # expect: LG010
                      reduce=True)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)


def train(dataloader, num_epochs=100, use_bce=False):
    for epoch in range(num_epochs):
        for data in dataloader:
            img, _ = data
            img = Variable(img.view(img.size(0), -1))
            output = model(img)
            if use_bce:
                loss = bce_loss(output, img)
            else:
                loss = reconstruction_loss(output, img)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print("epoch [{}/{}], loss:{:.4f}".format(epoch + 1, num_epochs, loss.item()))
