"""part of positive project [LG014]: builds the ground-truth maps the training loop regresses on with torch.zeros, and saves checkpoints; nothing here clears a gradient."""
# Source: wz0919/waypoint-predictor@ac357545c1 (HEAD; issue #4 "Is optimizer.zero_grad() intentionally omitted in training loop?", never fixed) utils.py (get_gt_nav_map, print_progress, save_checkpoint as is)

import torch
import numpy as np
import sys
import glob
import json


def get_gt_nav_map(num_angles, nav_dict, scan_ids, waypoint_ids):
    ''' A manully written random target map and its corresponding value map
        Target map:
            1 - keypoint on ground-truth map
            2 - ignore indexes
        Weightings map:
            0 - ignore
            1 - waypoint, too far from waypoint, or obstacle
            (0,1) - other open space
            When building this map, starts with zeros, and then add GT rows,
            finally add walls
    '''
    # (Pdb) target.shape
    # torch.Size([2, 24, 8])
    # (Pdb) weight.shape
    # torch.Size([2, 24, 8])
    bs = len(scan_ids)
    target = torch.zeros(bs, num_angles, 12)
    obstacle = torch.zeros(bs, num_angles, 12)
    weight = torch.zeros(bs, num_angles, 12)
    source_pos = []
    target_pos = []

    for i in range(bs):
        target[i] = torch.tensor(nav_dict[scan_ids[i]][waypoint_ids[i]]['target'])
        obstacle[i] = torch.tensor(nav_dict[scan_ids[i]][waypoint_ids[i]]['obstacle'])
        weight[i] = torch.tensor(nav_dict[scan_ids[i]][waypoint_ids[i]]['weight'])
        source_pos.append(nav_dict[scan_ids[i]][waypoint_ids[i]]['source_pos'])
        target_pos.append(nav_dict[scan_ids[i]][waypoint_ids[i]]['target_pos'])

    return target, obstacle, weight, source_pos, target_pos


def print_progress(iteration, total, prefix='', suffix='', decimals=1, bar_length=10):
    """
    Call in a loop to create terminal progress bar
    @params:
        iteration   - Required  : current iteration (Int)
        total       - Required  : total iterations (Int)
        prefix      - Optional  : prefix string (Str)
        suffix      - Optional  : suffix string (Str)
        decimals    - Optional  : positive number of decimals in percent complete (Int)
        bar_length  - Optional  : character length of bar (Int)
    """
    str_format = "{0:." + str(decimals) + "f}"
    percents = str_format.format(100 * (iteration / float(total)))
    filled_length = int(round(bar_length * iteration / float(total)))
    bar = '█' * filled_length + '-' * (bar_length - filled_length)

    sys.stdout.write('\r%s |%s| %s%s %s' % (prefix, bar, percents, '%', suffix)),

    if iteration == total:
        sys.stdout.write('\n')
    sys.stdout.flush()


def save_checkpoint(epoch, net, net_optimizer, path):
    ''' Snapshot models '''
    states = {}
    def create_state(name, model, optimizer):
        states[name] = {
            'epoch': epoch,
            'state_dict': model.state_dict(),
            'optimizer': optimizer.state_dict(),
        }
    all_tuple = [("predictor", net, net_optimizer)]
    for param in all_tuple:
        create_state(*param)
    torch.save(states, path)
