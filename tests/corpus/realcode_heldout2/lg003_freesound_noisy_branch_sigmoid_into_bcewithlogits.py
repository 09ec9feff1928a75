"""positive [LG003]: Freesound audio tagging: the clean-data loss feeds the logits to BCEWithLogitsLoss, but the noisy-data branch passes nn.Sigmoid()(output_noisy) to the same BCEWithLogitsLoss criterion."""
# Source: https://github.com/OsciiArt/Freesound-Audio-Tagging-2019 src/train_model1.py and src/models.py at
# 1cca41189b0f5fac3a63640414de778c9e81ad61 (issue #1 "Is there a reason why you use sigmoid only for the output of
# noisy when the criterion is already BCEwithLogits?"); re-typed, names changed, reduced.
import numpy as np
import torch
import torch.nn as nn

from utils import AverageMeter

NUM_CLASS = 80


class ResNet(nn.Module):
    def __init__(self, num_classes):
        super(ResNet, self).__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.AdaptiveAvgPool2d(1))
        self.fc = nn.Linear(64, num_classes)
        self.fc_noisy = nn.Linear(64, num_classes)

    def forward(self, input):
        x = self.features(input).view(input.size(0), -1)
        x = self.fc(x)
        return x

    def noisy(self, input):
        x = self.features(input).view(input.size(0), -1)
        x = self.fc_noisy(x)
        return x


def train(train_loaders, model, optimizer, scheduler, epoch):
    train_loader, noisy_itr = train_loaders
    bce_avr = AverageMeter()
    bce_noisy_avr = AverageMeter()
    criterion_bce = nn.BCEWithLogitsLoss().cuda()
    sigmoid = nn.Sigmoid().cuda()
    model.train()
    preds = np.zeros([0, NUM_CLASS], np.float32)
    for i, (input, target) in enumerate(train_loader):
        input = torch.autograd.Variable(input.cuda())
        target = torch.autograd.Variable(target.cuda())
        input_noisy, target_noisy = next(noisy_itr)
        input_noisy = torch.autograd.Variable(input_noisy.cuda())
        target_noisy = torch.autograd.Variable(target_noisy.cuda())
        output = model(input)
        bce = criterion_bce(output, target)
        output_noisy = model.noisy(input_noisy)
        bce_noisy = criterion_bce(sigmoid(output_noisy), target_noisy)  # expect: LG003
        loss = bce + bce_noisy
        pred = sigmoid(output)
        pred = pred.data.cpu().numpy()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()
        bce_avr.update(bce.data, input.size(0))
        bce_noisy_avr.update(bce_noisy.data, input.size(0))
        preds = np.concatenate([preds, pred])
    return bce_avr.avg.item(), bce_noisy_avr.avg.item()


if __name__ == "__main__":
    model = ResNet(NUM_CLASS).cuda()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
