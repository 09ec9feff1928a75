"""positive [LG016]: the MNIST comparison experiments store torch.nn.BCELoss() in the trainer base class and call it on out.sigmoid() in two subclasses' training loops; in the comparison-plus-classification trainer the comparison head already ends in torch.nn.Sigmoid, so that probability goes through a second sigmoid before the BCE."""
# Source: thbeucher/ML_pytorch at 50461452 (read as is), apop/GAN/classif_mnist_exps.py; re-typed, identifiers renamed;
# the siamese MNIST dataset's pairing logic, the evaluation methods and the interactive prompts shortened; the
# classification-only trainer cut. The models come from the repository's models/gan_vae_divers.py.
import argparse
import logging
import os

import numpy as np
import torch
from sklearn.model_selection import train_test_split
from torchvision.datasets import MNIST
from torchvision.transforms import Compose, Normalize, ToTensor
from tqdm import tqdm

import models.gan_vae_divers as m
import utils as u


class PairMNIST(MNIST):
    def __init__(self, *args, classif_mode=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.classif_mode = classif_mode

    def __getitem__(self, idx):
        img, target = super().__getitem__(idx)
        j = np.random.randint(len(self))
        img_ref, target_ref = super().__getitem__(j)
        return (img, img_ref), (int(target == target_ref), target)


class BaseTrainer(object):
    BASE_CONFIG = {'dataset_path': 'data/', 'batch_size': 128, 'n_workers': 8, 'save_name': 'model/comp_mnist_model.pt',
                   'n_epochs': 101, 'eval_step': 20, 'percent': 1.}

    def __init__(self, config):
        self.config = {**BaseTrainer.BASE_CONFIG, **config}
        u.dump_dict(self.config, 'MNIST Experiment configuration')
        self.device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
        self.build_model()
        self.set_dataloader()
        self.criterion = torch.nn.BCELoss()
        self.optimizer = torch.optim.Adam(self.model.parameters())
        self.best_f1 = 0.

    def build_model(self):
        pass

    def set_dataloader(self):
        self.transform = Compose([ToTensor(), Normalize(mean=(0.5,), std=(0.5,))])
        ds = PairMNIST(self.config['dataset_path'], train=True, download=True, transform=self.transform)
        if self.config['percent'] < 1.:
            idx, _ = train_test_split(list(range(len(ds))), train_size=self.config['percent'], stratify=ds.targets)
            ds = torch.utils.data.Subset(ds, idx)
        self.train_data_loader = torch.utils.data.DataLoader(ds, batch_size=self.config['batch_size'],
                                                             num_workers=self.config['n_workers'], shuffle=True,
                                                             pin_memory=True)

    def evaluation(self):
        pass

    def save_model(self, save_name=None):
        save_name = self.config['save_name'] if save_name is None else save_name
        if not os.path.isdir(os.path.dirname(save_name)):
            os.makedirs(os.path.dirname(save_name))
        torch.save({'model': self.model.state_dict()}, save_name)


class CompTrainer(BaseTrainer):
    def __init__(self, config):
        super().__init__(config)

    def build_model(self):
        self.model = m.MNISTClassifier({'n_classes': 1,
                                        'heads_config': [[{'type': torch.nn.Linear,
                                                           'params': {'in_features': 1024, 'out_features': 1}}]]})
        self.model.to(self.device)

    def train(self):
        for epoch in tqdm(range(self.config['n_epochs'])):
            losses = []
            for (img, img_ref), (target, _) in tqdm(self.train_data_loader, leave=False):
                out = self.model(torch.cat([img, img_ref], dim=-1).to(self.device))
                loss = self.criterion(out.sigmoid(), target.float().view(-1, 1).to(self.device))  # expect: LG016
                self.model.zero_grad()
                loss.backward()
                self.optimizer.step()
                losses.append(loss.item())
            logging.info(f'CompTrainer - Epoch {epoch} | loss={np.mean(losses):.4f}')


class CompClassifTrainer(BaseTrainer):
    def __init__(self, config):
        config['save_name'] = 'model/comp_classif_mnist_model.pt'
        super().__init__(config)
        self.criterion_classif = torch.nn.CrossEntropyLoss()

    def build_model(self):
        self.model = m.MNISTClassifier({'n_classes': 1,
                                        'heads_config': [[{'type': torch.nn.Linear,
                                                           'params': {'in_features': 1024, 'out_features': 1}},
                                                          {'type': torch.nn.Sigmoid, 'params': {}}],
                                                         [{'type': torch.nn.Linear,
                                                           'params': {'in_features': 1025, 'out_features': 10}}]]})
        self.model.to(self.device)

    def train(self):
        for epoch in tqdm(range(self.config['n_epochs'])):
            losses = []
            for (img, img_ref), (target, target_classif) in tqdm(self.train_data_loader, leave=False):
                out_comp, out_classif = self.model(torch.cat([img, img_ref], dim=-1).to(self.device))
                loss_comp = self.criterion(out_comp.sigmoid(), target.float().view(-1, 1).to(self.device))  # expect: LG016
                loss_classif = self.criterion_classif(out_classif, target_classif.to(self.device))
                loss = loss_comp + loss_classif
                self.model.zero_grad()
                loss.backward()
                self.optimizer.step()
                losses.append(loss.item())
            logging.info(f'CompClassifTrainer - Epoch {epoch} | loss={np.mean(losses):.4f}')


if __name__ == "__main__":
    ap = argparse.ArgumentParser(prog='classif_mnist_exps.py', description='')
    ap.add_argument('--dataset_path', default='data/', type=str)
    ap.add_argument('--n_workers', default=8, type=int)
    ap.add_argument('--batch_size', default=128, type=int)
    ap.add_argument('--trainer', default='comp', type=str)
    args = ap.parse_args()
    trainers = {'comp': CompTrainer, 'comp_classif': CompClassifTrainer}
    trainer = trainers[args.trainer]({'dataset_path': args.dataset_path, 'n_workers': args.n_workers,
                                      'batch_size': args.batch_size})
    if input(f'Start {args.trainer} training? (y or n): ') == 'y':
        trainer.train()
