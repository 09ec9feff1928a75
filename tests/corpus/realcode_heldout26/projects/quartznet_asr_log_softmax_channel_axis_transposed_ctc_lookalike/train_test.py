"""part of look-alike project [LG006, LG011, LG012]: each step takes log_softmax over dim=1 (the class axis of (N, C, T)), transposes to (T, N, C) for nn.CTCLoss, keeps loss.item() in a list and logs the last loss tensor to wandb; the beam search gets softmax(dim=1) probabilities under torch.no_grad."""
# Source: Kirili4ik/QuartzNet-ASR-pytorch at ec6073ef, train_test.py; re-typed, identifiers renamed; the CER / WER printing shortened (cer, wer, greedy_decode,
# beam_search_decoding imported as in the source).
import numpy as np
import torch
import torch.nn.functional as F
import wandb
from tqdm import tqdm

from utils import beam_search_decoding, cer, greedy_decode, wer


def train_epoch(model, optimizer, loader, ctc_criterion, device, spec_aug):
    model.train()
    losses = []
    for i, (wavs, wav_lens, tokens, token_lens) in tqdm(enumerate(loader)):
        wavs, tokens = wavs.to(device), tokens.to(device)
        feats = torch.log(spec_aug(wavs) + 1e-9)
        optimizer.zero_grad()
        out = model(feats)
        out = F.log_softmax(out, dim=1)
        out = out.transpose(0, 1).transpose(0, 2)
        loss = ctc_criterion(out, tokens, wav_lens, token_lens)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 15)
        optimizer.step()
        losses.append(loss.item())
        if i % 100 == 0:
            wandb.log({'mean_train_loss': loss})
            preds, targets = greedy_decode(out, tokens, token_lens, del_repeated=False)
            wandb.log({"CER_train": cer(targets[0], preds[0])})
    return np.mean(losses)


def train(model, opt, train_loader, scheduler, ctc_criterion, device, n_epochs, val_loader=None, melspec=None,
          spec_aug=None):
    for epoch in range(n_epochs):
        mean_loss = train_epoch(model, opt, train_loader, ctc_criterion, device, spec_aug)
        print('MEAN EPOCH LOSS IS', mean_loss)
        scheduler.step()
        if val_loader is not None:
            evaluate(model, val_loader, ctc_criterion, device, melspec=melspec)


def evaluate(model, loader, ctc_criterion, device, melspec, beam_width=None):
    model.eval()
    cers, wers, losses = [], [], []
    with torch.no_grad():
        for i, (wavs, wav_lens, tokens, token_lens) in enumerate(loader):
            wavs, tokens = wavs.to(device), tokens.to(device)
            feats = torch.log(melspec(wavs) + 1e-9)
            out = model(feats)
            if beam_width is not None:
                probs = F.softmax(out, dim=1).transpose(0, 1).transpose(0, 2)
                preds_bs, targets_bs = beam_search_decoding(probs, tokens, token_lens, width=beam_width)
            out = F.log_softmax(out, dim=1)
            out = out.transpose(0, 1).transpose(0, 2)
            loss = ctc_criterion(out, tokens, wav_lens, token_lens)
            losses.append(loss.item())
            preds, targets = greedy_decode(out, tokens, token_lens, del_repeated=True)
            for k in range(len(preds)):
                cers.append(cer(targets[k], preds[k]))
                wers.append(wer(targets[k], preds[k]))
    wandb.log({"CER_val": np.mean(cers), "WER_val": np.mean(wers), 'mean_VAL_loss': np.mean(losses)})
