"""look-alike [LG015, LG002, LG006]: Beat Transformer builds nn.BCEWithLogitsLoss(reduction='none') and nn.BCELoss(reduction='none'), masks both unreduced losses with a weight and reduces them (.mean(dim=(0, 1)).sum(), .mean()) before backward(); the BCELoss gets a softmax of the tempo logits, and the meters get .item()."""
# Source: https://github.com/zhaojw1998/Beat-Transformer code/train.py at 063667fc9e4e11507f9d76dc1154d9db953a85eb
# (issue #14 "Exception in train", open: "all elements of input should be between 0 and 1" traced to the targets,
# not to the loss set-up); re-typed, names changed, reduced (configuration, tensorboard writers and the commented-out
# accuracy code left out).
import sys

import torch
from torch import nn, optim
from torch.utils.data import DataLoader
from tqdm import tqdm

from DilatedTransformer import Demixed_DilatedTransformerModel
from optimizer import Lookahead
from spectrogram_dataset import audioDataset
from utils import AverageMeter

DEBUG_MODE = int(sys.argv[1])
FOLD = int(sys.argv[2])
DEVICE = f"cuda:{int(sys.argv[3])}"

model = Demixed_DilatedTransformerModel(attn_len=5, instr=5, ntoken=2, dmodel=256, nhead=8, d_hid=1024, nlayers=9, norm_first=True)
model.to(DEVICE)
dataset = audioDataset(data_to_load=["ballroom", "gtzan"], test_only_data=["gtzan"], data_path="data.npz",
                       annotation_path="annotation.npz", fps=44100 / 1024, sample_size=512, num_folds=8)
train_set, val_set, test_set = dataset.get_fold(fold=FOLD)
train_loader = DataLoader(train_set, batch_size=1, shuffle=True)

optimizer = optim.RAdam(model.parameters(), lr=1e-3)
optimizer = Lookahead(optimizer=optimizer, k=5, alpha=0.5)
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=.2, patience=2, threshold=1e-3, min_lr=1e-7)
loss_func = nn.BCEWithLogitsLoss(reduction="none", pos_weight=torch.LongTensor([1, 1]).to(DEVICE))
loss_tempo = nn.BCELoss(reduction="none")


def train(model, train_loader, optimizer, scheduler, loss_func, loss_tempo, clip, epoch, device):
    num_batch = len(train_loader)
    meter_beat = AverageMeter()
    meter_tempo = AverageMeter()
    nan_count = []
    for idx, (dataset_key, data, beat_gt, downbeat_gt, tempo_gt) in tqdm(enumerate(train_loader), total=num_batch):
        data = data.float().to(device)
        beat_gt = beat_gt.to(device)
        downbeat_gt = downbeat_gt.to(device)
        gt = torch.cat([beat_gt.unsqueeze(-1), downbeat_gt.unsqueeze(-1)], dim=-1).float().to(device)
        tempo_gt = tempo_gt.to(device)

        optimizer.zero_grad()
        pred, tempo = model(data)
        valid_gt = gt.clone()
        valid_gt[gt == -1] = 0
        loss = loss_func(pred, valid_gt)
        weight = (1 - torch.as_tensor(gt == -1, dtype=torch.int32)).to(device)
        loss = (weight * loss).mean(dim=(0, 1)).sum()

        valid_tempo_gt = tempo_gt.clone()
        valid_tempo_gt[tempo_gt == -1] = 0
        loss_t = loss_tempo(torch.softmax(tempo, dim=-1), valid_tempo_gt)
        weight = (1 - torch.as_tensor(tempo_gt == -1, dtype=torch.int32)).to(device)
        loss_t = (weight * loss_t).mean()

        meter_tempo.update("train/loss", loss_t.item())
        meter_beat.update("train/loss", loss.item())
        if (dataset_key[0] == "musicnet") and (-1 in tempo_gt):
            loss = loss * 0

        loss = loss + loss_t
        if torch.isnan(loss):
            nan_count.append(str(dataset_key) + "\n")
            continue
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
        optimizer.step()

        if DEBUG_MODE:
            print("Epoch: [{0}][{1}/{2}]".format(epoch + 1, idx, num_batch), flush=True)
            print("train beat loss:", loss.item() - loss_t.item(), flush=True)
    return meter_beat, meter_tempo
