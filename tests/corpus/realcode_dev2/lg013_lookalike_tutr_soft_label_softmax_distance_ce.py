"""look-alike [LG013]: TUTR trains its mode classifier with CrossEntropyLoss against soft_label = F.softmax(-distance, dim=-1), float class probabilities of the scores' shape (B, K): right since torch 1.10, not class indices as floats."""
# Source: https://github.com/lssiair/TUTR train.py at 655a756af8e961598a1a22a07cb48eb8534c722a (issue #3 "About the
# clf_loss calculation": "expected scalar type Long but found Float" only on torch older than 1.10, which
# did not accept probabilities as targets); re-typed, names changed, reduced (argument parsing, testing and
# plotting left out).
import torch
import torch.nn.functional as F
from torch import optim
from torch.utils.data import DataLoader

from dataset import TrajectoryDataset
from model import TrajectoryModel
from utils import get_motion_modes

reg_criterion = torch.nn.SmoothL1Loss().cuda()
cls_criterion = torch.nn.CrossEntropyLoss().cuda()


def get_cls_label(gt, motion_modes, soft_label=True):
    gt = gt.reshape(gt.shape[0], -1).unsqueeze(1)
    motion_modes = motion_modes.reshape(motion_modes.shape[0], -1).unsqueeze(0)
    distance = torch.norm(gt - motion_modes, dim=-1)
    soft_label = F.softmax(-distance, dim=-1)
    closest_mode_indices = torch.argmin(distance, dim=-1)
    return soft_label, closest_mode_indices


def train(epoch, model, reg_criterion, cls_criterion, optimizer, train_dataloader, motion_modes, args):
    model.train()
    total_loss = []
    for i, (ped, neis, mask) in enumerate(train_dataloader):
        ped = ped.cuda()
        neis = neis.cuda()
        mask = mask.cuda()
        scale = torch.randn(ped.shape[0]) * 0.05 + 1
        scale = scale.cuda().reshape(ped.shape[0], 1, 1)
        ped = ped * scale
        neis = neis * scale.reshape(ped.shape[0], 1, 1, 1)
        ped_obs = ped[:, : args.obs_len]
        gt = ped[:, args.obs_len :]
        neis_obs = neis[:, :, : args.obs_len]
        with torch.no_grad():
            soft_label, closest_mode_indices = get_cls_label(gt, motion_modes)
        optimizer.zero_grad()
        pred_traj, scores = model(ped_obs, neis_obs, motion_modes, mask, closest_mode_indices)
        reg_label = gt.reshape(pred_traj.shape)
        reg_loss = reg_criterion(pred_traj, reg_label)
        clf_loss = cls_criterion(scores.squeeze(), soft_label)
        loss = reg_loss + clf_loss
        loss.backward()
        optimizer.step()
        total_loss.append(loss.item())
    return total_loss
