"""part of positive project [LG009]: for every subject and fold, main loads the trained ultrasound teacher, builds the EMG student, the loss_cls_kd criterion and a Trainer_kd, and trains."""
# Source: increase24/CMKD-MINDS@42650019608a3596cfec3f4eb8b6dc866c14f767 tools/train_cmkd.py (read as is; re-typed, identifiers renamed, the argument parser, result loading and checkpoint saving shortened)
import time

import torch
from munch import Munch

from networks import get_network
from utils.loss import loss_cls_kd
from utils.trainer import Trainer_kd


def main(args, cfg, class_dataloader, paths_emg, paths_us, device):
    model_cfg = cfg.ModelConfig
    for subject in range(len(paths_emg)):
        for fold in range(4):
            train_loader, valid_loader = class_dataloader.get_dataloader(paths_emg[subject], paths_us[subject], fold, cfg.DatasetConfig)
            teacher = get_network(model_cfg.model_us, args.us_cfg)
            teacher.to(device)
            ckpt = torch.load(f'./outputs/weights/{model_cfg.model_us}/{model_cfg.model_us}_US_s{subject}_cv{fold}.pth.tar')
            teacher.load_state_dict(ckpt['state_dict'])
            student = get_network(model_cfg.model_emg, args.emg_cfg)
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
