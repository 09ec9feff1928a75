"""part of look-alike project [LG006]: an evaluation script scores the argmax keypoints, and the same points redrawn on the frame from Python numbers (torch.tensor per image, stacked), with L1Loss(reduction='none') and keeps each run's losses in lists: no loss here holds a graph."""

# Source: thomas-woehrle/maml_tryout@492d6c1f59 rowfollow_test_quick.py (a false alarm of LG006 at the parent and at the fix 87acfc0dd7; cut, renamed)
import argparse

import torch
import torch.nn as nn

from models import RowfollowModel
from shared_utils import get_coordinates_on_frame, get_indices_from_pred


def calc_loss(ckpt_path, device, x, y):
    ckpt = torch.load(ckpt_path, map_location=device)
    model = RowfollowModel()
    model.load_state_dict(ckpt.get('model_state_dict', ckpt.get('state_dict')))
    model.to(device)
    loss_fct = nn.L1Loss(reduction='none')
    x_hat = get_indices_from_pred(model(x)) * 4
    x_hat_on_frame = []
    for idx, pred in enumerate(x_hat):
        vp = pred[0][0].item(), pred[0][1].item()
        ll = get_coordinates_on_frame(vp, pred[1])
        lr = get_coordinates_on_frame(vp, pred[2])
        x_hat_on_frame.append(torch.tensor([vp, ll, lr]))
    x_hat_on_frame = torch.stack(x_hat_on_frame)
    loss = torch.sum(loss_fct(x_hat, y), dim=2).float()
    loss_on_frame = torch.sum(loss_fct(x_hat_on_frame, y), dim=2).float()
    return loss, loss_on_frame, torch.mean(loss, dim=0), torch.mean(loss_on_frame, 0)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--ckpt_path', type=str)
    parser.add_argument('--n_runs', default=5, type=int)
    args = parser.parse_args()
    x, y = torch.randn(10, 3, 224, 320), torch.zeros(10, 3, 2)
    losses, losses_on_frame, mean_losses, mean_losses_on_frame = [], [], [], []
    for i in range(args.n_runs):
        loss, loss_on_frame, mean_loss, mean_loss_on_frame = calc_loss(args.ckpt_path, torch.device('cpu'), x, y)
        losses.append(loss)
        losses_on_frame.append(loss_on_frame)
        mean_losses.append(mean_loss)
        mean_losses_on_frame.append(mean_loss_on_frame)
    print(torch.cat(losses).mean(0), torch.cat(losses_on_frame).mean(0))
