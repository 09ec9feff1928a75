"""part of look-alike project [LG006, LG011, LG012]: the entry point builds the mel-spectrogram front end with SpecAugment, QuartzNet, NovoGrad and nn.CTCLoss(blank=0)."""
# Source: Kirili4ik/QuartzNet-ASR-pytorch at ec6073ef, main.py; re-typed, identifiers renamed; dataset building and the subset of sorted indexes shortened
# (build_loaders stands for the cut part).
import torch
import torch.nn as nn
import torch_optimizer
import torchaudio
import wandb
from torch.optim.lr_scheduler import CosineAnnealingLR

from model import QuartzNet
from train_test import train

if __name__ == '__main__':
    N_MELS = 64
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    train_loader, val_loader = build_loaders(batch_size=80)
    wandb.login()
    wandb.init()
    melspec = torchaudio.transforms.MelSpectrogram(sample_rate=16000, n_fft=1024, hop_length=256, n_mels=N_MELS).to(device)
    spec_aug = nn.Sequential(
        torchaudio.transforms.MelSpectrogram(sample_rate=16000, n_fft=1024, hop_length=256, n_mels=N_MELS),
        torchaudio.transforms.FrequencyMasking(freq_mask_param=15),
        torchaudio.transforms.TimeMasking(time_mask_param=35),
    ).to(device)
    model = QuartzNet(n_mels=N_MELS, num_classes=28)
    model.to(device)
    wandb.watch(model)
    opt = torch_optimizer.NovoGrad(model.parameters(), lr=0.01, betas=(0.8, 0.5), weight_decay=0.001)
    scheduler = CosineAnnealingLR(opt, T_max=50, eta_min=0, last_epoch=-1)
    ctc_criterion = nn.CTCLoss(blank=0).to(device)
    train(model, opt, train_loader, scheduler, ctc_criterion, device, n_epochs=5, val_loader=val_loader,
          melspec=melspec, spec_aug=spec_aug)
