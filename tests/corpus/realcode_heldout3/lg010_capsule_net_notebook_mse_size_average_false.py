"""positive [LG010]: the capsule-network notebook's CapsuleLoss builds nn.MSELoss(size_average=False) for the reconstruction term; the notebook's train() and test() use it through the criterion argument."""
# Source: https://github.com/cezannec/capsule_net_pytorch Capsule_Network.ipynb at 6a8c330428523106f7717f91af9b1bee9a04c531,
# the parent of 46aa4f20b8e1345224909904e95ad25c1ed3a9bb ("update MSELoss params"; pull request #2 "fixed deprecation warning
# in class CapsuleLoss"); the code cells concerned, re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class CapsuleLoss(nn.Module):

    def __init__(self):
        super(CapsuleLoss, self).__init__()
        self.reconstruction_loss = nn.MSELoss(size_average=False)  # expect: LG010

    def forward(self, x, labels, images, reconstructions):
        batch_size = x.size(0)
        v_c = torch.sqrt((x ** 2).sum(dim=2, keepdim=True))
        left = F.relu(0.9 - v_c).view(batch_size, -1)
        right = F.relu(v_c - 0.1).view(batch_size, -1)
        margin_loss = labels * left + 0.5 * (1. - labels) * right
        margin_loss = margin_loss.sum()
        images = images.view(reconstructions.size()[0], -1)
        reconstruction_loss = self.reconstruction_loss(reconstructions, images)
        return (margin_loss + 0.0005 * reconstruction_loss) / images.size(0)


criterion = CapsuleLoss()
optimizer = optim.Adam(capsule_net.parameters())


def train(capsule_net, criterion, optimizer, n_epochs, print_every=300):
    losses = []
    for epoch in range(1, n_epochs + 1):
        train_loss = 0.0
        capsule_net.train()
        for batch_i, (images, target) in enumerate(train_loader):
            target = torch.eye(10).index_select(dim=0, index=target)
            if TRAIN_ON_GPU:
                images, target = images.cuda(), target.cuda()
            optimizer.zero_grad()
            caps_output, reconstructions, y = capsule_net(images)
            loss = criterion(caps_output, target, images, reconstructions)
            loss.backward()
            optimizer.step()
            train_loss += loss.item()
            if batch_i != 0 and batch_i % print_every == 0:
                avg_train_loss = train_loss / print_every
                losses.append(avg_train_loss)
                train_loss = 0
    return losses


n_epochs = 3
losses = train(capsule_net, criterion, optimizer, n_epochs=n_epochs)
