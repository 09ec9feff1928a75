"""part of positive project [LG011]: the training script reads net.loss after each forward and accumulates loss.data[0]."""
# Source: https://github.com/svishwa/crowdcount-cascaded-mtl train.py at 1590224a028eb5d718e30cf860e0de85c0083e95; re-typed, names changed, reduced.
import numpy as np
import torch

from crowd_count import CrowdCounter
from data_loader import ImageDataLoader

data_loader = ImageDataLoader("train", "train_den", shuffle=True, gt_downsample=False, pre_load=True)
class_wts = data_loader.get_classifier_weights()
net = CrowdCounter(ce_weights=class_wts)
net.train()
optimizer = torch.optim.Adam(filter(lambda p: p.requires_grad, net.parameters()), lr=0.00001)
for epoch in range(0, 2000):
    train_loss = 0
    for blob in data_loader:
        im_data = blob["data"]
        gt_data = blob["gt_density"]
        gt_class_label = blob["gt_class_label"]
        if np.random.uniform() > 0.5:
            im_data = np.flip(im_data, 3).copy()
            gt_data = np.flip(gt_data, 3).copy()
        density_map = net(im_data, gt_data, gt_class_label, class_wts)
        loss = net.loss
        train_loss += loss.data[0]
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
