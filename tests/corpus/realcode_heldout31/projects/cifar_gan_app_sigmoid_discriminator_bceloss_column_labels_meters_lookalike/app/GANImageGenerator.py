"""part of look-alike project [LG002, LG004, LG005, LG016, LG018]: BCELoss on the sigmoid discriminator's (N, 1) output against float (N, 1) labels, fake images detached for D, each optimizer cleared before its own backward, meters fed .item()."""
# Source: Bye-lemon/PyTorch-Practice at 08c14d9e1e1b0e812ca2c2da2c0e19066c79ac15 app/GANImageGenerator.py (logging, checkpoint loading and the generate branch shortened; module-level models, Variable-wrapped labels, the two-phase loop and the torchnet meters kept)
import torch
import torch.nn as nn
import torch.optim as optim
import torchvision
import torchvision.transforms as transforms
import torchnet as tnt
import os
import os.path as op
import tqdm

from models.GAN import *

EPOCH = 10
BATCH_SIZE = 16
NOISE_DIMENSION = 100
NUM_FEATURES = 64 * 64
LEARNING_RATE = 0.0004
LOG_STEP = 400
MODE = "train"
DATA_PATH = "../data/"
LOG_PATH = "../logs/GAN/"

device = torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu")

if not op.exists(LOG_PATH):
    os.mkdir(LOG_PATH)

transform = transforms.Compose([transforms.ToTensor()])
trainset = torchvision.datasets.CIFAR10(root=DATA_PATH, train=True, download=False, transform=transform)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=BATCH_SIZE, shuffle=True)

dis = ConvCritic().to(device)
dis_optimizer = optim.Adam(dis.parameters(), lr=LEARNING_RATE)
dis_meter = tnt.meter.AverageValueMeter()
dis_real_meter = tnt.meter.AverageValueMeter()
dis_fake_meter = tnt.meter.AverageValueMeter()

gen = ConvMaker(in_features=NOISE_DIMENSION, num_features=NUM_FEATURES).to(device)
gen_optimizer = optim.Adam(gen.parameters(), lr=LEARNING_RATE)
gen_meter = tnt.meter.AverageValueMeter()

criterion = nn.BCELoss()

if MODE == "train":
    for epoch in range(EPOCH):
        dis_meter.reset()
        dis_real_meter.reset()
        dis_fake_meter.reset()
        gen_meter.reset()
        for index, data in tqdm.tqdm(enumerate(trainloader)):
            input_, _ = data
            input_ = torch.autograd.Variable(input_).to(device)

            real_labels = torch.autograd.Variable(torch.ones(input_.shape[0], 1)).to(device)
            fake_labels = torch.autograd.Variable(torch.zeros(input_.shape[0], 1)).to(device)
            noise = torch.autograd.Variable(torch.randn(input_.shape[0], NOISE_DIMENSION)).to(device)
            real_out = dis(input_)
            dis_real_loss = criterion(real_out, real_labels)
            dis_real_meter.add(dis_real_loss.item())
            fake_out = dis(gen(noise).detach())
            dis_fake_loss = criterion(fake_out, fake_labels)
            dis_fake_meter.add(dis_fake_loss.item())
            dis_optimizer.zero_grad()
            dis_loss = dis_real_loss + dis_fake_loss
            dis_loss.backward()
            dis_optimizer.step()
            dis_meter.add(dis_loss.item())

            noise = torch.autograd.Variable(torch.randn(input_.shape[0], NOISE_DIMENSION)).to(device)
            gen_out = dis(gen(noise))
            gen_loss = criterion(gen_out, real_labels)
            gen_optimizer.zero_grad()
            gen_loss.backward()
            gen_optimizer.step()
            gen_meter.add(gen_loss.item())

            if index % LOG_STEP == 0:
                print(f"Epoch {epoch + 1} Batch {index + 1} D {dis_meter.value()[0]} G {gen_meter.value()[0]}")

        torch.save(dis.state_dict(), op.join(LOG_PATH, f"DIS_Epoch_{epoch + 1}.pth"))
        torch.save(gen.state_dict(), op.join(LOG_PATH, f"GEN_Epoch_{epoch + 1}.pth"))
