"""part of look-alike project [LG006, LG007, LG011]: the epoch loop adds the float that dis_trainer returns to two running totals (print and save windows) and divides them by the sample count for logs and checkpoints."""
# Source: TaSivan/STC-Conditional-SeqGAN-Pytorch at 032dbef6 (read as is), trainer/dis_train_epoch.py; re-typed,
# identifiers renamed; the end-of-epoch flush of the two windows shortened to one helper call each.
# util/checkpoint.py is not included.
import torch
import torch.nn as nn
from tqdm import tqdm
from datetime import datetime

from opts.dis_opts import dis_opts
from opts.cuda_opts import USE_CUDA
from util.checkpoint import save_dis_checkpoint
from trainer.dis_trainer import dis_trainer

model_name = "cnn_classifier"


def print_statistics(epoch, num_epochs, num_iters, dis_iter, global_step, loss, accuracy):
    print("=" * 100)
    print("- Epoch: {}/{}".format(epoch, num_epochs))
    print("- Iter: {}/{}".format(num_iters, dis_iter.__len__()))
    print("- Global step: {}".format(global_step))
    print("- Loss: {}".format(loss))
    print("- Accuracy: {}".format(accuracy))


def save_checkpoint_training(discriminator, dis_optim, epoch, num_iters, loss, accuracy, global_step, model_name):
    stamp = ("%s" % datetime.now()).split(".")[0]
    path = save_dis_checkpoint(dis_opts, "{}_{}".format(model_name, stamp), discriminator, dis_optim, epoch, num_iters, loss, accuracy, global_step)
    print("Save checkpoint to {}".format(path))


def train_dis(discriminator, dis_optim, num_epochs, dis_iter, save_every_step=5000, print_every_step=500, model_name=model_name):
    global_step = 0

    p_loss = 0
    p_correct = 0
    p_count = 0

    s_loss = 0
    s_correct = 0
    s_count = 0

    for epoch in range(1, num_epochs + 1):
        for batch_id, batch in tqdm(enumerate(dis_iter)):
            query_seqs, response_seqs, labels = batch
            bsz = query_seqs.size(0)
            labels = torch.tensor(labels)

            loss, n_correct = dis_trainer(query_seqs, response_seqs, labels, discriminator, dis_optim, USE_CUDA=USE_CUDA)

            global_step += 1

            s_loss += loss
            s_correct += n_correct
            s_count += bsz

            p_loss += loss
            p_correct += n_correct
            p_count += bsz

            if (batch_id + 1) % print_every_step == 0:
                print_statistics(epoch, num_epochs, batch_id + 1, dis_iter, global_step, p_loss / p_count, p_correct / p_count)
                p_loss = 0
                p_correct = 0
                p_count = 0

            if (batch_id + 1) % save_every_step == 0:
                save_checkpoint_training(discriminator, dis_optim, epoch, batch_id + 1, s_loss / s_count, s_correct / s_count, global_step, model_name)
                s_loss = 0
                s_correct = 0
                s_count = 0

            del query_seqs, response_seqs, labels
            torch.cuda.empty_cache()
