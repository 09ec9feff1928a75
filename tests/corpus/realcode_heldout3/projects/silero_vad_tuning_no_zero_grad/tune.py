"""part of positive project [LG014]: tune.py builds the sigmoid-ended decoder, Adam over its trainable parameters and BCELoss(reduction='none'), and calls train() once per epoch."""
# Source: https://github.com/snakers4/silero-vad tuning/tune.py at 55ba6e282509b0576cdc69d0898212db121447b1,
# the parent of 64fb49e1c8ec9de58f6d1b17b61e51388ed47d28 (pull request #699); re-typed, names changed, reduced.
import torch
import torch.nn as nn
from omegaconf import OmegaConf

from utils import SileroVadDataset, SileroVadPadder, VADDecoderRNNJIT, train, validate, init_jit_model

if __name__ == '__main__':
    config = OmegaConf.load('config.yml')
    train_dataset = SileroVadDataset(config, mode='train')
    train_loader = torch.utils.data.DataLoader(train_dataset, batch_size=config.batch_size, collate_fn=SileroVadPadder, num_workers=config.num_workers)
    val_dataset = SileroVadDataset(config, mode='val')
    val_loader = torch.utils.data.DataLoader(val_dataset, batch_size=config.batch_size, collate_fn=SileroVadPadder, num_workers=config.num_workers)

    model = init_jit_model(config.jit_model_path, device=config.device)
    model.to(config.device)
    decoder = VADDecoderRNNJIT().to(config.device)
    decoder.load_state_dict(model._model_8k.decoder.state_dict() if config.tune_8k else model._model.decoder.state_dict())
    decoder.train()
    params = decoder.parameters()
    optimizer = torch.optim.Adam(filter(lambda p: p.requires_grad, params), lr=config.learning_rate)
    criterion = nn.BCELoss(reduction='none')

    best_val_roc = 0
    for i in range(config.num_epochs):
        train_loss = train(config, train_loader, model, decoder, criterion, optimizer, config.device)
        val_loss, val_roc = validate(config, val_loader, model, decoder, criterion, config.device)
        if val_roc > best_val_roc:
            best_val_roc = val_roc
            torch.save(decoder.state_dict(), config.model_save_path)
