"""part of positive project [LG009]: for every subject and fold, main loads the trained ultrasound teacher, builds the EMG student, the loss_cls_kd criterion and a Trainer_kd, and trains."""
# Source: increase24/CMKD-MINDS@42650019608a3596cfec3f4eb8b6dc866c14f767 tools/train_cmkd.py (read as is; re-typed, identifiers renamed, the argument parser, result loading and saving and the checkpoint saving left out)
import glob
import time

import torch
from munch import Munch
from yacs.config import CfgNode as CN

from dataset import get_dataloader_class
from networks import get_network
from utils.loss import loss_cls_kd
from utils.trainer import Trainer_kd


def main(args):
    with open(args.config) as f:
        cfg = CN.load_cfg(f)
        cfg.merge_from_list(['ModelConfig.model_us', args.model_us, 'ModelConfig.model_emg', args.model_emg])
    device = torch.device('cuda:0')
    model_cfg = cfg.ModelConfig
    paths_emg = sorted(glob.glob('./data/EMG/*.txt'))
    paths_us = sorted(glob.glob('./data/US/*.txt'))
    loader_cls = get_dataloader_class(model_cfg.modality)
    for subject in range(len(paths_emg)):
        for fold in range(4):
            train_loader, valid_loader = loader_cls.get_dataloader(paths_emg[subject], paths_us[subject], fold, cfg.DatasetConfig)
            with open(model_cfg.model_arch[model_cfg.model_us]) as f:
                us_cfg = CN.load_cfg(f)
            with open(model_cfg.model_arch[model_cfg.model_emg]) as f:
                emg_cfg = CN.load_cfg(f)
            teacher = get_network(model_cfg.model_us, us_cfg['US'])
            teacher.to(device)
            ckpt = torch.load(f'./outputs/weights/{model_cfg.model_us}/{model_cfg.model_us}_US_s{subject}_cv{fold}.pth.tar')
            teacher.load_state_dict(ckpt['state_dict'])
            student = get_network(model_cfg.model_emg, emg_cfg['EMG'])
            student.to(device)
            params = Munch({'alpha': args.alpha, 'temperature': args.T})
            criterion = loss_cls_kd(params)
            optimizer = torch.optim.AdamW(student.parameters(), lr=cfg.OptimizerConfig.lr)
            trainer = Trainer_kd(train_loader, valid_loader, student, teacher, device, criterion, optimizer, print_freq=50)
            for epoch in range(int(cfg.OptimizerConfig["epoches"])):
                t0 = time.time()
                train_loss, train_acc = trainer.train_kd_epoch(epoch)
                valid_loss, valid_acc = trainer.validate_kd(eval_only=False)
                print("epoch cost time: %.4f min" % ((time.time() - t0) / 60))
