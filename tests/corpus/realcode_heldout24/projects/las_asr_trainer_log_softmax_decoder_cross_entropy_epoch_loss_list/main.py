"""part of positive project [LG001, LG006]: the hydra entry point builds the model from the chosen config group and calls train() once per epoch."""
# Source: upskyy/Automatic-Speech-Recognition-Models at 4000c3e7 (read as is), main.py;
# re-typed; the dataset, sampler and loader construction (written inline in the source) is replaced by the stand-in
# build_loaders, and the config-store registrations are cut.
import os

import hydra
import torch
import torch.optim as optim
from omegaconf import DictConfig

from model_builder import build_model
from trainer.trainer import train
from vocabulary import load_label


@hydra.main(config_path='configs', config_name='train')
def main(config: DictConfig) -> None:
    use_cuda = config.train.cuda and torch.cuda.is_available()
    device = torch.device('cuda' if use_cuda else 'cpu')
    char2id, id2char = load_label(config.train.label_path, config.train.blank_id)
    train_loader, valid_loader, train_sampler = build_loaders(config)
    model = build_model(config, device)
    optimizer = optim.Adam(model.parameters(), lr=config.train.lr)
    for epoch in range(0, config.train.epochs):
        train(config, model, device, train_loader, valid_loader, train_sampler, optimizer, epoch, id2char, epoch)
        if epoch % 2 == 0:
            torch.save(model, os.path.join(os.getcwd(), config.train.model_save_path + str(epoch) + '.pt'))


if __name__ == '__main__':
    main()
