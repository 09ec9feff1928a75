"""part of positive project [LG005]: the pre-training phase picks the encoder/decoder classes from the models package by the model name and compares the (B, L) reconstruction with the (B, 1, L) input batch in nn.MSELoss, which broadcasts to (B, B, L)."""
# Source: ZhaoZhibin/DL-based-Intelligent-Diagnosis-Benchmark@dd49b077984d15802681a9be723937342d6b59e3 utils/train_utils_ae.py (read as is; issue #17; re-typed, identifiers renamed, cut to setup and the autoencoder pre-training loop: the VAE and sparse-AE branches, the schedulers and the classifier fine-tuning phase left out)
import logging
import time
import warnings

import torch
from torch import nn
from torch import optim

import models


class train_utils(object):
    def __init__(self, args, save_dir):
        self.args = args
        self.save_dir = save_dir

    def setup(self):
        args = self.args
        if torch.cuda.is_available():
            self.device = torch.device("cuda")
        else:
            warnings.warn("gpu is not available")
            self.device = torch.device("cpu")
        from AE_Datasets.O_A import datasets
        Dataset = getattr(datasets, args.data_name)
        self.datasets = {}
        self.datasets['train'], self.datasets['val'] = Dataset(args.data_dir, args.normlizetype).data_preprare()
        self.dataloaders = {x: torch.utils.data.DataLoader(self.datasets[x], batch_size=args.batch_size,
                                                           shuffle=(True if x == 'train' else False),
                                                           num_workers=args.num_workers)
                            for x in ['train', 'val']}
        fmodel = getattr(models, args.model_name)
        self.encoder = getattr(fmodel, 'encoder')(in_channel=Dataset.inputchannel, out_channel=Dataset.num_classes)
        self.decoder = getattr(fmodel, 'decoder')(in_channel=Dataset.inputchannel, out_channel=Dataset.num_classes)
        self.optimizer = optim.Adam([{'params': self.encoder.parameters()}, {'params': self.decoder.parameters()}],
                                    lr=args.lr, weight_decay=args.weight_decay)
        self.encoder.to(self.device)
        self.decoder.to(self.device)
        self.criterion = nn.CrossEntropyLoss()
        self.criterion1 = nn.MSELoss()

    def train(self):
        args = self.args
        step = 0
        batch_count = 0
        batch_loss = 0.0
        for epoch in range(args.middle_epoch):
            for phase in ['train', 'val']:
                epoch_start = time.time()
                epoch_loss = 0.0
                if phase == 'train':
                    self.encoder.train()
                    self.decoder.train()
                else:
                    self.encoder.eval()
                    self.decoder.eval()
                for batch_idx, (inputs, labels) in enumerate(self.dataloaders[phase]):
                    inputs = inputs.to(self.device)
                    with torch.set_grad_enabled(phase == 'train'):
                        if args.model_name in ["Ae1d", "Dae1d"]:
                            z = self.encoder(inputs)
                            recx = self.decoder(z)
                            loss = self.criterion1(recx, inputs)  # expect: LG005
                        loss_temp = loss.item() * inputs.size(0)
                        epoch_loss += loss_temp
                        if phase == 'train':
                            self.optimizer.zero_grad()
                            loss.backward()
                            self.optimizer.step()
                            batch_loss += loss_temp
                            batch_count += inputs.size(0)
                            step += 1
                epoch_loss = epoch_loss / len(self.dataloaders[phase].dataset)
                logging.info('Epoch: {} {}-Loss: {:.4f}, Cost {:.4f} sec'.format(
                    epoch, phase, epoch_loss, time.time() - epoch_start))
