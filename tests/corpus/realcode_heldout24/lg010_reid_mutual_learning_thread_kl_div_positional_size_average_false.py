"""positive [LG010]: person re-identification with deep mutual learning: each model is trained in its own thread on global and local triplet losses plus an identity cross entropy, and the probability mutual loss is F.kl_div(log_probs, peer_probs.detach(), False), the deprecated size_average passed as the third positional argument, then divided by the batch size by hand."""
# Source: huanghoujing/AlignedReID-Re-Production-Pytorch at 2e2d4545 (read as is; issue #42 asks how the
# classification mutual loss is reduced, and the author explains the size_average=False choice),
# script/experiment/train_ml.py; re-typed, identifiers renamed; the config class cut (Config stays undefined), dataset creation, testing, the
# per-step meters and logging shortened. The aligned_reid package is not included.
import threading

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.autograd import Variable
from torch.nn.parallel import DataParallel

from aligned_reid.dataset import create_dataset
from aligned_reid.model.loss import global_loss, local_loss
from aligned_reid.model.Model import Model
from aligned_reid.model.TripletLoss import TripletLoss
from aligned_reid.utils.utils import AverageMeter, may_set_mode, set_devices_for_ml, to_scalar


def main():
    cfg = Config()
    TVTs, TMOs, relative_device_ids = set_devices_for_ml(cfg.sys_device_ids)
    train_set = create_dataset(**cfg.train_set_kwargs)

    models = [Model(local_conv_out_channels=cfg.local_conv_out_channels, num_classes=len(train_set.ids2labels))
              for _ in range(cfg.num_models)]
    model_ws = [DataParallel(models[i], device_ids=relative_device_ids[i]) for i in range(cfg.num_models)]

    id_criterion = nn.CrossEntropyLoss()
    g_tri_loss = TripletLoss(margin=cfg.global_margin)
    l_tri_loss = TripletLoss(margin=cfg.local_margin)
    optimizers = [optim.Adam(m.parameters(), lr=cfg.base_lr, weight_decay=cfg.weight_decay) for m in models]
    modules_optims = models + optimizers
    for TMO, model, optimizer in zip(TMOs, models, optimizers):
        TMO([model, optimizer])

    ims_list = [None for _ in range(cfg.num_models)]
    labels_list = [None for _ in range(cfg.num_models)]
    done_list1 = [False for _ in range(cfg.num_models)]
    done_list2 = [False for _ in range(cfg.num_models)]
    probs_list = [None for _ in range(cfg.num_models)]
    g_dist_mat_list = [None for _ in range(cfg.num_models)]
    run_event1 = threading.Event()
    run_event2 = threading.Event()
    exit_event = threading.Event()
    loss_meter = AverageMeter()

    def thread_target(i):
        while not exit_event.isSet():
            if not run_event1.wait(0.001):
                continue
            TVT = TVTs[i]
            model_w = model_ws[i]
            ims = ims_list[i]
            labels = labels_list[i]
            optimizer = optimizers[i]

            ims_var = Variable(TVT(torch.from_numpy(ims).float()))
            labels_t = TVT(torch.from_numpy(labels).long())
            labels_var = Variable(labels_t)

            global_feat, local_feat, logits = model_w(ims_var)
            probs = F.softmax(logits, dim=1)
            log_probs = F.log_softmax(logits, dim=1)

            g_loss, p_inds, n_inds, g_dist_ap, g_dist_an, g_dist_mat = global_loss(
                g_tri_loss, global_feat, labels_t, normalize_feature=cfg.normalize_feature)
            if cfg.l_loss_weight == 0:
                l_loss = 0
            else:
                l_loss, l_dist_ap, l_dist_an = local_loss(
                    l_tri_loss, local_feat, p_inds, n_inds, labels_t, normalize_feature=cfg.normalize_feature)

            id_loss = 0
            if cfg.id_loss_weight > 0:
                id_loss = id_criterion(logits, labels_var)

            probs_list[i] = probs
            g_dist_mat_list[i] = g_dist_mat
            done_list1[i] = True

            while True:
                phase2_ready = run_event2.wait(0.001)
                if exit_event.isSet():
                    return
                if phase2_ready:
                    break

            pm_loss = 0
            if (cfg.num_models > 1) and (cfg.pm_loss_weight > 0):
                for j in range(cfg.num_models):
                    if j != i:
                        pm_loss += F.kl_div(log_probs, TVT(probs_list[j]).detach(), False)  # expect: LG010
                pm_loss /= 1. * (cfg.num_models - 1) * len(ims)

            gdm_loss = 0
            if (cfg.num_models > 1) and (cfg.gdm_loss_weight > 0):
                for j in range(cfg.num_models):
                    if j != i:
                        gdm_loss += torch.sum(torch.pow(g_dist_mat - TVT(g_dist_mat_list[j]).detach(), 2))
                gdm_loss /= 1. * (cfg.num_models - 1) * len(ims) * len(ims)

            loss = g_loss * cfg.g_loss_weight \
                + l_loss * cfg.l_loss_weight \
                + id_loss * cfg.id_loss_weight \
                + pm_loss * cfg.pm_loss_weight \
                + gdm_loss * cfg.gdm_loss_weight

            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

            if i == 0:
                loss_meter.update(to_scalar(loss))

            run_event1.clear()
            run_event2.clear()
            done_list2[i] = True

    threads = []
    for i in range(cfg.num_models):
        thread = threading.Thread(target=thread_target, args=(i,))
        thread.daemon = True
        thread.start()
        threads.append(thread)

    for ep in range(0, cfg.total_epochs):
        may_set_mode(modules_optims, 'train')
        epoch_done = False
        while not epoch_done:
            ims, im_names, labels, mirrored, epoch_done = train_set.next_batch()
            for i in range(cfg.num_models):
                ims_list[i] = ims
                labels_list[i] = labels
                done_list1[i] = False
                done_list2[i] = False
            run_event1.set()
            while not all(done_list1):
                continue
            run_event2.set()
            while not all(done_list2):
                continue
        print('Ep {}, loss {:.4f}'.format(ep + 1, loss_meter.avg))


if __name__ == '__main__':
    main()
