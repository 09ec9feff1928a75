"""positive [LG014]: SimCLR training script: the loop builds the NT-Xent loss from two views, calls loss.backward() and optimizer.step(), and never clears the gradients."""
# Source: https://github.com/sthalles/SimCLR train.py at the parent of af77a03f0b66f52ee4fdb75d55a04eea8bfcc8cc
# ("fixed bug missing zero_grad()"); re-typed, names changed, reduced.
import torch
import torch.nn.functional as F
from torch import optim
from torch.utils.tensorboard import SummaryWriter

from models.resnet_simclr import ResNetSimCLR
from utils import get_negative_mask, get_similarity_function

batch_size = 64
temperature = 0.5
model = ResNetSimCLR(base_model="resnet18", out_dim=64)
criterion = torch.nn.CrossEntropyLoss(reduction="sum")
optimizer = optim.Adam(model.parameters(), 3e-4)
train_writer = SummaryWriter()
sim_func_dim1, sim_func_dim2 = get_similarity_function(True)
negative_mask = get_negative_mask(batch_size)

n_iter = 0
for e in range(10):
    for step, ((xis, xjs), _) in enumerate([]):
        ris, zis = model(xis)
        rjs, zjs = model(xjs)
        zis = F.normalize(zis, dim=1)
        zjs = F.normalize(zjs, dim=1)
        l_pos = sim_func_dim1(zis, zjs).view(batch_size, 1)
        l_pos /= temperature
        negatives = torch.cat([zjs, zis], dim=0)
        loss = 0
        for positives in [zis, zjs]:
            l_neg = sim_func_dim2(positives, negatives)
            labels = torch.zeros(batch_size, dtype=torch.long)
            l_neg = l_neg[negative_mask].view(l_neg.shape[0], -1)
            l_neg /= temperature
            logits = torch.cat([l_pos, l_neg], dim=1)
            loss += criterion(logits, labels)
        loss = loss / (2 * batch_size)
        train_writer.add_scalar("loss", loss, global_step=n_iter)
        loss.backward()
        optimizer.step()  # expect: LG014
        n_iter += 1
