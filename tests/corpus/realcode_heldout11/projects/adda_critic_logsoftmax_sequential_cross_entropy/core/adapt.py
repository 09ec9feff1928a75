"""part of positive project [LG001, LG011]: train_tgt applies nn.CrossEntropyLoss to the critic's output (log-probabilities) when training the critic and when training the target encoder against it."""
# Source: corenel/pytorch-adda@96f2689dd418ef275fcd0b057e5dff89be5762c5 core/adapt.py (read as is; its issue #19 asks about the critic's zero_grad; re-typed, identifiers renamed, the checkpoint saving at the end left out)
import torch
import torch.optim as optim
from torch import nn

import params
from utils import make_variable


def train_tgt(src_encoder, tgt_encoder, critic, src_data_loader, tgt_data_loader):
    tgt_encoder.train()
    critic.train()
    criterion = nn.CrossEntropyLoss()
    optimizer_tgt = optim.Adam(tgt_encoder.parameters(), lr=params.c_learning_rate, betas=(params.beta1, params.beta2))
    optimizer_critic = optim.Adam(critic.parameters(), lr=params.d_learning_rate, betas=(params.beta1, params.beta2))
    n_steps = min(len(src_data_loader), len(tgt_data_loader))

    for epoch in range(params.num_epochs):
        pairs = enumerate(zip(src_data_loader, tgt_data_loader))
        for step, ((images_src, _), (images_tgt, _)) in pairs:
            images_src = make_variable(images_src)
            images_tgt = make_variable(images_tgt)

            optimizer_critic.zero_grad()
            feat_src = src_encoder(images_src)
            feat_tgt = tgt_encoder(images_tgt)
            feat_concat = torch.cat((feat_src, feat_tgt), 0)
            pred_concat = critic(feat_concat.detach())
            label_src = make_variable(torch.ones(feat_src.size(0)).long())
            label_tgt = make_variable(torch.zeros(feat_tgt.size(0)).long())
            label_concat = torch.cat((label_src, label_tgt), 0)
            loss_critic = criterion(pred_concat, label_concat)  # expect: LG001
            loss_critic.backward()
            optimizer_critic.step()
            pred_cls = torch.squeeze(pred_concat.max(1)[1])
            acc = (pred_cls == label_concat).float().mean()

            optimizer_critic.zero_grad()
            optimizer_tgt.zero_grad()
            feat_tgt = tgt_encoder(images_tgt)
            pred_tgt = critic(feat_tgt)
            label_tgt = make_variable(torch.ones(feat_tgt.size(0)).long())
            loss_tgt = criterion(pred_tgt, label_tgt)  # expect: LG001
            loss_tgt.backward()
            optimizer_tgt.step()

            if (step + 1) % params.log_step == 0:
                print("Epoch [{}/{}] Step [{}/{}]: d_loss={:.5f} g_loss={:.5f} acc={:.5f}".format(
                    epoch + 1, params.num_epochs, step + 1, n_steps, loss_critic.data[0], loss_tgt.data[0], acc.data[0]))
    return tgt_encoder
