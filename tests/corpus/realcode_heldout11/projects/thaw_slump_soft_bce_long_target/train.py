"""part of positive project [LG004]: the Engine builds its loss with create_loss(config name) every epoch and calls it on the squeezed model output and the mask cast to torch.long, in training and validation."""
# Source: initze/thaw-slump-segmentation@9707c577b0a31d187e101232b7147b1f295888a7 train.py (the parent of 026c795 "Fix Soft BCE Loss", pull request #21, which adds y_true = y_true.float(); re-typed, identifiers renamed, cut at method boundaries: most of the argument parser, get_dataloader, log_images and the CSV and tensorboard logging left out, __init__ shortened)
import argparse
from pathlib import Path

import torch
import torch.nn as nn
import yaml
from tqdm import tqdm

from lib import Metrics, Accuracy, Precision, Recall, F1, IoU
from lib.utils import yaml_custom
from lib.models import create_model, create_loss

parser = argparse.ArgumentParser()
parser.add_argument('-c', '--config', default='config.yml', type=Path)


def scoped_get(key, *scopes):
    for scope in scopes:
        value = scope.get(key)
        if value is not None:
            return value
    raise ValueError(f'Could not find "{key}" in any scope.')


class Engine:
    def __init__(self):
        args = parser.parse_args()
        self.config = yaml.load(args.config.open(), Loader=yaml_custom.SaneYAMLLoader)
        m = self.config['model']
        self.model = create_model(
            arch=m['architecture'],
            encoder_name=m['encoder'],
            encoder_weights=None if m['encoder_weights'] == 'random' else m['encoder_weights'],
            classes=1,
            in_channels=m['input_channels']
        )
        self.dev = torch.device("cpu") if not torch.cuda.is_available() else torch.device("cuda")
        self.model = nn.DataParallel(self.model)
        self.model = self.model.to(self.dev)
        self.opt = torch.optim.AdamW(self.model.parameters(), lr=self.config['learning_rate'])
        self.board_idx = 0
        self.epoch = 0
        self.metrics = Metrics(Accuracy, Precision, Recall, F1, IoU)
        self.dataset_cache = {}

    def run(self):
        for phase in self.config['schedule']:
            for epoch in range(phase['epochs']):
                self.loss_function = create_loss(scoped_get('loss_function', phase, self.config)).to(self.dev)
                for step in phase['steps']:
                    if type(step) is dict:
                        (command, key), = step.items()
                    else:
                        command = step
                    if command == 'train_on':
                        self.train_epoch(self.get_dataloader(key))
                    elif command == 'validate_on':
                        self.val_epoch(self.get_dataloader(key))

    def train_epoch(self, loader):
        self.epoch += 1
        self.model.train(True)
        for it, (img, mask) in enumerate(tqdm(loader)):
            self.board_idx += img.shape[0]
            img = img.to(self.dev, torch.float)
            mask = mask.to(self.dev, torch.long, non_blocking=True)

            self.opt.zero_grad()
            pred = self.model(img).squeeze(1)
            loss = self.loss_function(pred, mask)  # expect: LG004
            loss.backward()
            self.opt.step()

            with torch.no_grad():
                self.metrics.step(pred, mask, Loss=loss.detach())
        return self.metrics.evaluate()

    def val_epoch(self, loader):
        self.metrics.reset()
        self.model.train(False)
        with torch.no_grad():
            for it, (img, mask) in enumerate(loader):
                img = img.to(self.dev, torch.float)
                mask = mask.to(self.dev, torch.long, non_blocking=True)
                pred = self.model(img).squeeze(1)
                loss = self.loss_function(pred, mask)  # expect: LG004
                self.metrics.step(pred, mask, Loss=loss.detach())
        return self.metrics.evaluate()


if __name__ == '__main__':
    Engine().run()
