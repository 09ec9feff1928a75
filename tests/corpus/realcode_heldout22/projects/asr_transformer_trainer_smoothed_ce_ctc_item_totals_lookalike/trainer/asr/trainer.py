"""part of look-alike project [LG001, LG006, LG012, LG013]: the Trainer zeroes, back-propagates and steps per batch and adds loss.item() to the training and validation totals; validation runs the model without torch.no_grad (the memory problem PR #41 fixed), but keeps only floats."""
# Source: gentaiscool/end2end-asr-pytorch at a22efdda (the parent of 5a2b9052, "Fix OOM issue during validation", PR #41,
# which only wraps the validation forward in torch.no_grad()), trainer/asr/trainer.py;
# re-typed, identifiers renamed; the id-to-string decoding, CER/WER counting, metrics dict and model saving shortened.
import logging
import sys
import time

import torch
from torch.autograd import Variable
from tqdm import tqdm

from utils import constant
from utils.metrics import calculate_metrics


class Trainer():
    def __init__(self):
        logging.info("Trainer is initialized")

    def train(self, model, train_loader, train_sampler, valid_loader_list, opt, loss_type, start_epoch, num_epochs,
              label2id, id2label, last_metrics=None):
        best_valid_loss = 1000000000 if last_metrics is None else last_metrics["valid_loss"]
        smoothing = constant.args.label_smoothing

        for epoch in range(start_epoch, num_epochs):
            sys.stdout.flush()
            total_loss = 0
            model.train()
            pbar = tqdm(iter(train_loader), leave=True, total=len(train_loader))
            for i, (batch) in enumerate(pbar):
                src, tgt, src_pct, src_lengths, tgt_lengths = batch
                if constant.USE_CUDA:
                    src = src.cuda()
                    tgt = tgt.cuda()

                opt.zero_grad()
                pred, gold, hyp_seq, gold_seq = model(src, src_lengths, tgt, verbose=False)

                seq_len = pred.size(1)
                sizes = Variable(src_pct.mul_(int(seq_len)).int(), requires_grad=False)
                loss, n_correct = calculate_metrics(pred, gold, input_lengths=sizes, target_lengths=tgt_lengths,
                                                    smoothing=smoothing, loss_type=loss_type)
                if loss.item() == float("Inf"):
                    logging.info("Found infinity loss, masking")
                    loss = torch.where(loss != loss, torch.zeros_like(loss), loss)
                    continue

                loss.backward()
                if constant.args.clip:
                    torch.nn.utils.clip_grad_norm_(model.parameters(), constant.args.max_norm)
                opt.step()

                total_loss += loss.item()
                pbar.set_description("(Epoch {}) TRAIN LOSS:{:.4f}".format(epoch + 1, total_loss / (i + 1)))

            model.eval()
            for ind in range(len(valid_loader_list)):
                valid_loader = valid_loader_list[ind]
                total_valid_loss = 0
                vbar = tqdm(iter(valid_loader), leave=True, total=len(valid_loader))
                for i, (batch) in enumerate(vbar):
                    src, tgt, src_pct, src_lengths, tgt_lengths = batch
                    if constant.USE_CUDA:
                        src = src.cuda()
                        tgt = tgt.cuda()

                    pred, gold, hyp_seq, gold_seq = model(src, src_lengths, tgt, verbose=False)

                    seq_len = pred.size(1)
                    sizes = Variable(src_pct.mul_(int(seq_len)).int(), requires_grad=False)
                    loss, n_correct = calculate_metrics(pred, gold, input_lengths=sizes, target_lengths=tgt_lengths,
                                                        smoothing=smoothing, loss_type=loss_type)
                    if loss.item() == float("Inf"):
                        logging.info("Found infinity loss, masking")
                        loss = torch.where(loss != loss, torch.zeros_like(loss), loss)
                        continue

                    total_valid_loss += loss.item()
                    vbar.set_description("VALID SET {} LOSS:{:.4f}".format(ind, total_valid_loss / (i + 1)))

            if best_valid_loss > total_valid_loss / len(valid_loader):
                best_valid_loss = total_valid_loss / len(valid_loader)
