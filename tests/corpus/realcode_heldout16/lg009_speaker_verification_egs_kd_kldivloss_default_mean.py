"""positive [LG009]: a speaker-verification distillation script builds nn.KLDivLoss() at its default reduction when --kd-loss kld is chosen and adds it, temperature-scaled, to the student's classification loss every step (the mean over every element, not the KL divergence)."""
# Source: Wenhao-Yang/SpeakerVerifiaction-pytorch at e30cf98e (read as is), TrainAndTest/train_egs/train_egs_kd.py;
# re-typed, identifiers renamed; argument parsing, dataset set-up, the validation and test loops, the orthogonality
# check and the logging string cut. `args` is the module-level argparse namespace, as in the source.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from tqdm import tqdm

from Define_Model.Loss.LossFunction import AttentionTransferLoss


def train(loader, student, teacher, criteria, optimizer, epoch, scheduler):
    student.train()
    correct = 0.
    seen = 0.
    running = 0.
    running_teacher = 0.

    ce_criterion, xe_criterion = criteria
    bar = tqdm(enumerate(loader))
    to_probs = nn.Softmax(dim=1)

    feat_mse = nn.MSELoss()
    attention_loss = AttentionTransferLoss(attention_type=args.attention_type, norm_type=args.norm_type)

    if args.kd_loss == 'mse':
        distill = nn.MSELoss()
    elif args.kd_loss == 'kld':
        distill = nn.KLDivLoss()  # expect: LG009

    for step, (feats, labels) in bar:
        if args.cuda:
            labels = labels.cuda(non_blocking=True)
            feats = feats.cuda(non_blocking=True)

        with torch.no_grad():
            if 'attention' in args.kd_type:
                t_logits, t_emb = teacher(feats, feature_map='attention')
            else:
                t_logits, t_emb = teacher(feats)

        if 'attention' in args.kd_type:
            logits, emb = student(feats, feature_map='attention')
        else:
            logits, emb = student(feats)
        logits_for_acc = logits

        if args.loss_type == 'soft':
            loss = ce_criterion(logits, labels)
        elif args.loss_type == 'asoft':
            logits_for_acc, _ = logits
            loss = xe_criterion(logits, labels)
        elif args.loss_type in ['center', 'mulcenter', 'gaussian', 'coscenter']:
            loss_cent = ce_criterion(logits, labels)
            loss_xent = xe_criterion(emb, labels)
            loss = args.loss_ratio * loss_xent + loss_cent
        elif args.loss_type in ['amsoft', 'arcsoft']:
            loss = xe_criterion(logits, labels)

        if 'mse' in args.kd_type:
            teacher_loss = args.kd_ratio * feat_mse(emb, t_emb)
        elif 'cos' in args.kd_type:
            teacher_loss = args.kd_ratio * (1 - F.cosine_similarity(emb, t_emb)).mean() / 2
        else:
            teacher_loss = 0.
        if 'vanilla' in args.kd_type:
            soft_teacher = F.softmax(t_logits * args.s / args.temperature, dim=1)
            soft_student = F.softmax(logits * args.s / args.temperature, dim=1)
            teacher_loss += (args.distil_weight / (1 - args.distil_weight) * args.temperature * args.temperature) * distill(
                soft_teacher.log(), soft_student
            )

        if 'attention' in args.kd_type:
            teacher_loss += args.kd_ratio * attention_loss(emb, t_emb)

        running_teacher += float(teacher_loss.item())
        loss += teacher_loss

        predicted = torch.max(to_probs(logits_for_acc), dim=1)[1]
        batch_correct = float((predicted.cuda() == labels).sum().item())
        correct += batch_correct
        seen += len(predicted)
        running += float(loss.item())

        if np.isnan(loss.item()):
            optimizer.zero_grad()
            raise ValueError('Loss value is NaN!')

        loss.backward()

        if ((step + 1) % args.accu_steps) == 0:
            optimizer.step()
            optimizer.zero_grad()

        if args.grad_clip > 0:
            lr_now = args.lr
            for group in optimizer.param_groups:
                lr_now = min(group['lr'], lr_now)
            torch.nn.utils.clip_grad_norm_(student.parameters(), lr_now * args.grad_clip)

        if args.scheduler == 'cyclic':
            scheduler.step()

    print('Epoch {}: loss {:.4f} teacher {:.4f} acc {:.2f}%'.format(
        epoch, running / len(loader), running_teacher / len(loader), 100. * correct / seen))
