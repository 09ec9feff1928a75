"""positive project [LG001, LG006, LG011]: the training loop adds each back-propagated loss and its two parts to running sums, so every batch's graph lives for the epoch; keeping the epoch's means in lists afterwards is the same mistake, reported once where each sum is made."""
# Source: samuelyu2002/ImVisible@a463a0a2b1 (the parent of e536e5e, "Update training.py", which adds .item() to the six sums; issue #2) Model/training.py (re-typed: the training half of the epoch loop; validation, plotting and saving cut; names kept)
import torch
from torch.utils.data import DataLoader

from dataset import TrafficLightDataset
from helpers import direction_performance
from loss import my_loss
from LYTNet import LYTNet

cuda_available = torch.cuda.is_available()
BATCH_SIZE = 32
MAX_EPOCHS = 800
INIT_LR = 0.001
LR_DROP_MILESTONES = [400, 600]

train_dataset = TrafficLightDataset(csv_file="PATH/TO/TRAINING/ANNOTATIONS", img_dir="PATH/TO/876x657/IMAGES")
train_dataloader = DataLoader(train_dataset, batch_size=BATCH_SIZE, shuffle=True, num_workers=8)

net = LYTNet()
if cuda_available:
    net = net.cuda()
loss_fn = my_loss
optimizer = torch.optim.Adam(net.parameters(), lr=INIT_LR, weight_decay=0.000005)
lr_scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, LR_DROP_MILESTONES)

train_losses = []  # stores the overall training loss at each epoch
train_MSE = []  # stores the MSE loss during training at each epoch
train_CE = []  # stores the cross entropy loss during training at each epoch

for epoch in range(MAX_EPOCHS):
    net.train()
    running_loss = 0.0
    running_loss_MSE = 0.0
    running_loss_cross_entropy = 0.0
    angle_error = 0.0
    train_correct = 0
    train_total = 0
    for j, data in enumerate(train_dataloader, 0):
        optimizer.zero_grad()
        train_total += 1
        images = data["image"].type(torch.FloatTensor)
        mode = data["mode"]  # index of traffic light mode
        points = data["points"]  # array of midline coordinates
        if cuda_available:
            images = images.cuda()
            mode = mode.cuda()
            points = points.cuda()
        pred_classes, pred_direc = net(images)
        _, predicted = torch.max(pred_classes, 1)
        train_correct += (predicted == mode).sum().item()
        loss, MSE, cross_entropy = loss_fn(pred_classes, pred_direc, points, mode)
        angle, start, end = direction_performance(pred_direc, points)
        angle_error += angle
        loss.backward()
        optimizer.step()
        running_loss += loss  # expect: LG006
        running_loss_MSE += MSE  # expect: LG006
        running_loss_cross_entropy += cross_entropy  # expect: LG006
    print("Average training loss: " + str(running_loss / (j + 1)))
    train_MSE.append(running_loss_MSE / train_total)
    train_CE.append(running_loss_cross_entropy / train_total)
    train_losses.append(running_loss / train_total)
    lr_scheduler.step(epoch + 1)
