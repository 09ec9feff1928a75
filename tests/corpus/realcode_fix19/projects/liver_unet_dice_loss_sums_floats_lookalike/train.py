"""part of look-alike project [LG006]: the epoch at the fix commit: train_loss takes float(loss)."""

# Source: lee-zq/3DUNet-Pytorch@ca1c71ca6a train.py (the fix commit; cut, renamed)
import torch
import torch.optim as optim
from tqdm import tqdm

import config
import metrics
from models.Unet import UNet


def train(model, train_loader, optimizer, epoch, device):
    print("=======Epoch:{}=======".format(epoch))
    model.train()
    train_loss = 0
    for idx, (data, target) in tqdm(enumerate(train_loader), total=len(train_loader)):
        data, target = data.float(), target.float()
        data, target = data.to(device), target.to(device)
        output = model(data)
        optimizer.zero_grad()
        loss = metrics.DiceMeanLoss()(output, target)
        loss.backward()
        optimizer.step()
        train_loss += float(loss)
    train_loss /= len(train_loader)
    print('Train Epoch: {} \tLoss: {:.4f}'.format(epoch, train_loss))


if __name__ == '__main__':
    args = config.args
    device = torch.device('cpu' if args.cpu else 'cuda')
    model = UNet(1, [32, 48, 64, 96, 128], 3).to(device)
    optimizer = optim.Adam(model.parameters(), lr=args.lr)
    train_loader = torch.utils.data.DataLoader(None, batch_size=args.batch_size, shuffle=True)
    for epoch in range(1, args.epochs + 1):
        train(model, train_loader, optimizer, epoch, device)
