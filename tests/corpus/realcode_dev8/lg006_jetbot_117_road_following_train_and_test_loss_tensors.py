"""positive [LG006]: the road-following notebook's training cell adds every batch's loss tensor to train_loss and test_loss (the test loop runs without no_grad), keeping each graph for the epoch; the pull request replaces both with float(loss)."""
# Source: https://github.com/NVIDIA-AI-IOT/jetbot/pull/117 "Fix GPU memory leaks." (notebooks/road_following/train_model.ipynb at 9a4bfab10b35550e2dccc1d9e96949a8cd1e2546, the parent of cc1112a which took in the fix; the text of the import, model and training cells in notebook order; the `!unzip` cell and the dataset cells are not in this unit)
import torch
import torch.optim as optim
import torch.nn.functional as F
import torchvision
import torchvision.datasets as datasets
import torchvision.models as models
import torchvision.transforms as transforms
import glob
import PIL.Image
import os
import numpy as np
model = models.resnet18(pretrained=True)
model.fc = torch.nn.Linear(512, 2)
device = torch.device('cuda')
model = model.to(device)
NUM_EPOCHS = 70
BEST_MODEL_PATH = 'best_steering_model_xy.pth'
best_loss = 1e9

optimizer = optim.Adam(model.parameters())

for epoch in range(NUM_EPOCHS):
    
    model.train()
    train_loss = 0.0
    for images, labels in iter(train_loader):
        images = images.to(device)
        labels = labels.to(device)
        optimizer.zero_grad()
        outputs = model(images)
        loss = F.mse_loss(outputs, labels)
        train_loss += loss  # expect: LG006
        loss.backward()
        optimizer.step()
    train_loss /= len(train_loader)
    
    model.eval()
    test_loss = 0.0
    for images, labels in iter(test_loader):
        images = images.to(device)
        labels = labels.to(device)
        outputs = model(images)
        loss = F.mse_loss(outputs, labels)
        test_loss += loss  # expect: LG006
    test_loss /= len(test_loader)
    
    print('%f, %f' % (train_loss, test_loss))
    if test_loss < best_loss:
        torch.save(model.state_dict(), BEST_MODEL_PATH)
        best_loss = test_loss
