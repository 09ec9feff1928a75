"""part of positive project [LG006]: the liver-tumour 3-D U-Net's epoch adds each batch's Dice loss tensor to train_loss for the report (the fix adds float(loss))."""

# Source: lee-zq/3DUNet-Pytorch@869ed0ff2c train.py, fixed in ca1c71ca6a (cut, renamed)
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
        train_loss += loss  # expect: LG006
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
