"""part of look-alike project [LG006, LG013, LG015]: VoteNet's losses use nn.CrossEntropyLoss(reduction='none') on (B, C, K) scores with long labels gathered per proposal, and reduce each one to a scalar with an objectness mask before summing; every loss is written into the end_points dict of this forward pass."""
# Source: facebookresearch/votenet at 2f6d6d36, models/loss_helper.py (read as is); re-typed, identifiers renamed; the vote loss
# and the size-residual terms shortened (nn_distance, huber_loss as in the source's utils).
import numpy as np
import torch
import torch.nn as nn

from nn_distance import nn_distance, huber_loss

FAR_THRESHOLD = 0.6
NEAR_THRESHOLD = 0.3
OBJECTNESS_CLS_WEIGHTS = [0.2, 0.8]


def objectness_loss_fn(end_points):
    center = end_points['aggregated_vote_xyz']
    gt_center = end_points['center_label'][:, :, 0:3]
    B = gt_center.shape[0]
    K = center.shape[1]
    dist1, ind1, dist2, _ = nn_distance(center, gt_center)
    d1 = torch.sqrt(dist1 + 1e-6)
    obj_label = torch.zeros((B, K), dtype=torch.long).cuda()
    obj_mask = torch.zeros((B, K)).cuda()
    obj_label[d1 < NEAR_THRESHOLD] = 1
    obj_mask[d1 < NEAR_THRESHOLD] = 1
    obj_mask[d1 > FAR_THRESHOLD] = 1
    scores = end_points['objectness_scores']
    ce = nn.CrossEntropyLoss(torch.Tensor(OBJECTNESS_CLS_WEIGHTS).cuda(), reduction='none')
    obj_loss = ce(scores.transpose(2, 1), obj_label)
    obj_loss = torch.sum(obj_loss * obj_mask) / (torch.sum(obj_mask) + 1e-6)
    return obj_loss, obj_label, obj_mask, ind1


def box_and_sem_cls_loss_fn(end_points, config):
    assignment = end_points['object_assignment']
    pred_center = end_points['center']
    gt_center = end_points['center_label'][:, :, 0:3]
    dist1, ind1, dist2, _ = nn_distance(pred_center, gt_center)
    box_mask = end_points['box_label_mask']
    obj_label = end_points['objectness_label'].float()
    center_loss = torch.sum(dist1 * obj_label) / (torch.sum(obj_label) + 1e-6) +         torch.sum(dist2 * box_mask) / (torch.sum(box_mask) + 1e-6)
    heading_label = torch.gather(end_points['heading_class_label'], 1, assignment)
    heading_ce = nn.CrossEntropyLoss(reduction='none')
    heading_cls_loss = heading_ce(end_points['heading_scores'].transpose(2, 1), heading_label)
    heading_cls_loss = torch.sum(heading_cls_loss * obj_label) / (torch.sum(obj_label) + 1e-6)
    size_label = torch.gather(end_points['size_class_label'], 1, assignment)
    size_ce = nn.CrossEntropyLoss(reduction='none')
    size_cls_loss = size_ce(end_points['size_scores'].transpose(2, 1), size_label)
    size_cls_loss = torch.sum(size_cls_loss * obj_label) / (torch.sum(obj_label) + 1e-6)
    sem_label = torch.gather(end_points['sem_cls_label'], 1, assignment)
    sem_ce = nn.CrossEntropyLoss(reduction='none')
    sem_cls_loss = sem_ce(end_points['sem_cls_scores'].transpose(2, 1), sem_label)
    sem_cls_loss = torch.sum(sem_cls_loss * obj_label) / (torch.sum(obj_label) + 1e-6)
    return center_loss, heading_cls_loss, size_cls_loss, sem_cls_loss


def get_loss(end_points, config):
    obj_loss, obj_label, obj_mask, assignment = objectness_loss_fn(end_points)
    end_points['objectness_loss'] = obj_loss
    end_points['objectness_label'] = obj_label
    end_points['objectness_mask'] = obj_mask
    end_points['object_assignment'] = assignment
    total = obj_label.shape[0] * obj_label.shape[1]
    end_points['pos_ratio'] = torch.sum(obj_label.float().cuda()) / float(total)
    center_loss, heading_cls_loss, size_cls_loss, sem_cls_loss = box_and_sem_cls_loss_fn(end_points, config)
    end_points['center_loss'] = center_loss
    end_points['heading_cls_loss'] = heading_cls_loss
    end_points['size_cls_loss'] = size_cls_loss
    end_points['sem_cls_loss'] = sem_cls_loss
    box_loss = center_loss + 0.1 * heading_cls_loss + 0.1 * size_cls_loss
    end_points['box_loss'] = box_loss
    loss = 0.5 * obj_loss + box_loss + 0.1 * sem_cls_loss
    loss *= 10
    end_points['loss'] = loss
    obj_pred = torch.argmax(end_points['objectness_scores'], 2)
    end_points['obj_acc'] = torch.sum((obj_pred == obj_label.long()).float() * obj_mask) / (torch.sum(obj_mask) + 1e-6)
    return loss, end_points
