"""positive [LG006]: MVTN's two training functions take the network and optimizers from a models_bag dict, score with a module-level CrossEntropyLoss and add each step's loss tensor to total_loss (the evaluation function does the same under torch.no_grad(), which keeps no graph)."""
# Source: ajhamdi/MVTN@bd90fbf16ce42c7dc7ae64e1da6a4ea76118d5a2 run_mvtn.py (the parent of 4c5da6b "fixed memory leakage issue #2", which adds .item() to every total_loss +=; re-typed, identifiers renamed, cut at function boundaries: argument parsing and the dataset/renderer set-up shortened, the view-GCN branch, retrieval and robustness tests left out, the RotationNet target assignment shortened to its numpy loop)
import time

import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable
from torch.utils.data import DataLoader
from torch.utils.tensorboard import SummaryWriter

from util import *
from ops import *
from models.mvtn import *
from models.multi_view import *
from models.renderer import *
from custom_dataset import ModelNet40, collate_fn
from rotationNet.mvt_rotnet import AverageMeter, my_accuracy

setup = vars(parser.parse_args())

mvrend = MVRenderer(nb_views=setup["nb_views"], image_size=setup["image_size"], pc_rendering=setup["pc_rendering"])
criterion = nn.CrossEntropyLoss()

optimizer = torch.optim.AdamW(mvnet.parameters(), lr=lr, weight_decay=setup["weight_decay"])
if setup["is_learning_views"]:
    view_opt = torch.optim.AdamW(view_net.parameters(), lr=setup["mvtn_learning_rate"],
                                 weight_decay=setup["mvtn_weight_decay"])
else:
    view_opt = None

bag = {"mvnetwork": mvnet, "optimizer": optimizer,
       "mvtn": view_net, "mvtn_optimizer": view_opt, "mvrenderer": mvrend}


def train(loader, bag, setup):
    n_batches = len(loader)
    total = 0.0
    correct = 0.0
    total_loss = 0.0
    n = 0
    for i, (targets, meshes, points) in enumerate(loader):
        bs = targets.shape[0]
        bag["optimizer"].zero_grad()
        if setup["is_learning_views"]:
            bag["mvtn_optimizer"].zero_grad()
        azim, elev, dist = bag["mvtn"](points, c_batch_size=bs)
        views, _ = bag["mvrenderer"](meshes, points, azim=azim, elev=elev, dist=dist)
        views = regualarize_rendered_views(views, setup["view_reg"], setup["augment_training"], setup["crop_ratio"])
        targets = targets.cuda()
        targets = Variable(targets)
        outputs = bag["mvnetwork"](views)[0]
        loss = criterion(outputs, targets)
        _, predicted = torch.max(outputs.data, 1)
        total += targets.size(0)
        loss.backward()
        bag["optimizer"].step()
        if setup["is_learning_views"]:
            bag["mvtn_optimizer"].step()
            if setup["clip_grads"]:
                clip_grads_(bag["mvtn"].parameters(), setup["mvtn_clip_grads_value"])
        if (i + 1) % setup["print_freq"] == 0:
            print("\tIter [%d/%d] Loss: %.4f" % (i + 1, n_batches, loss.item()))
        correct += (predicted.cpu() == targets.cpu()).sum()
        total_loss += loss  # expect: LG006
        n += 1
    avg_loss = total_loss / n
    avg_acc = 100 * correct / total
    return avg_acc, avg_loss


def train_rotnet(loader, bag, setup):
    n_batches = len(loader)
    total_loss = 0.0
    n = 0
    top1 = AverageMeter()
    for i, (targets, meshes, points) in enumerate(loader):
        bag["optimizer"].zero_grad()
        if setup["is_learning_views"]:
            bag["mvtn_optimizer"].zero_grad()
        bs = targets.shape[0]
        azim, elev, dist = bag["mvtn"](points, c_batch_size=bs)
        views, _ = bag["mvrenderer"](meshes, points, azim=azim, elev=elev, dist=dist)
        views = regualarize_rendered_views(views, setup["view_reg"], setup["augment_training"], setup["crop_ratio"])
        targets = targets.repeat_interleave((setup["nb_views"])).cuda()
        flat_views = mvctosvc(views).cuda()
        view_targets = torch.LongTensor(targets.size(0) * setup["nb_views"])
        output = bag["mvnetwork"](flat_views)
        n_cls = int(output.size(1) / setup["nb_views"]) - 1
        output = output.view(-1, n_cls + 1)
        logp = torch.nn.functional.log_softmax(output, dim=-1)
        logp = logp[:, :-1] - torch.t(logp[:, -1].repeat(1, logp.size(1) - 1).view(logp.size(1) - 1, -1))
        logp = logp.view(-1, setup["nb_views"] * setup["nb_views"], n_cls)
        logp = logp.data.cpu().numpy().transpose(1, 2, 0)
        for j in range(view_targets.size(0)):
            view_targets[j] = n_cls
        scores = np.zeros((vcand.shape[0], n_cls, bs))
        for j in range(vcand.shape[0]):
            for k in range(vcand.shape[1]):
                scores[j] = scores[j] + logp[vcand[j][k] * setup["nb_views"] + k]
        for b in range(bs):
            j_max = np.argmax(scores[:, targets[b * setup["nb_views"]], b])
            for k in range(vcand.shape[1]):
                view_targets[b * setup["nb_views"] * setup["nb_views"] + vcand[j_max][k] * setup["nb_views"] + k] = targets[b * setup["nb_views"]]
        view_targets = torch.autograd.Variable(view_targets.cuda())
        loss = criterion(output, view_targets)
        loss.backward()
        bag["optimizer"].step()
        if setup["is_learning_views"]:
            bag["mvtn_optimizer"].step()
        output = output[:, :-1] - torch.t(output[:, -1].repeat(1, output.size(1) - 1).view(output.size(1) - 1, -1))
        output = output.view(-1, setup["nb_views"] * setup["nb_views"], n_cls)
        prec1, _ = my_accuracy(output.data, targets, vcand, setup["nb_views"], topk=(1, 5))
        top1.update(prec1.item(), bs)
        if (i + 1) % setup["print_freq"] == 0:
            print("\tIter [%d/%d] Loss: %.4f" % (i + 1, n_batches, loss.item()))
        total_loss += loss  # expect: LG006
        n += 1
    avg_loss = total_loss / n
    return top1.avg, avg_loss


def evaluate(loader, bag, setup):
    total = 0.0
    correct = 0.0
    total_loss = 0.0
    n = 0
    for i, (targets, meshes, points) in enumerate(loader):
        with torch.no_grad():
            bs = targets.shape[0]
            azim, elev, dist = bag["mvtn"](points, c_batch_size=bs)
            views, _ = bag["mvrenderer"](meshes, points, azim=azim, elev=elev, dist=dist)
            targets = Variable(targets.cuda())
            outputs, feat = bag["mvnetwork"](views)
            loss = criterion(outputs, targets)
            total_loss += loss
            n += 1
            _, predicted = torch.max(outputs.data, 1)
            total += targets.size(0)
            correct += (predicted.cpu() == targets.cpu()).sum()
    avg_loss = total_loss / n
    avg_acc = 100 * correct / total
    return avg_acc, avg_loss


if setup["mvnetwork"] == "mvcnn" and setup["run_mode"] == "train":
    writer = SummaryWriter(setup["logs_dir"])
    for epoch in range(setup["start_epoch"], n_epochs):
        start = time.time()
        bag["mvnetwork"].train()
        bag["mvtn"].train()
        train_acc, train_loss = train(train_loader, bag, setup)
        bag["mvnetwork"].eval()
        bag["mvtn"].eval()
        val_acc, val_loss = evaluate(val_loader, bag, setup)
        print('\ttrain acc: %.2f - train Loss: %.4f' % (train_acc.item(), train_loss.item()))
        writer.add_scalar('Loss/train', train_loss.item(), epoch)
        writer.add_scalar('Loss/val', val_loss.item(), epoch)
elif setup["mvnetwork"] == "rotnet" and setup["run_mode"] == "train":
    for epoch in range(setup["start_epoch"], n_epochs):
        bag["mvnetwork"].train()
        train_acc, train_loss = train_rotnet(train_loader, bag, setup)
        print(train_acc, train_loss.item())
