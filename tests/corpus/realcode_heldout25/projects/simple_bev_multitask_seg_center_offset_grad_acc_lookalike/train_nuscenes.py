"""part of look-alike project [LG002, LG003, LG006, LG014, LG015]: a multi-task BEV trainer; a SimpleLoss module wraps BCEWithLogitsLoss(pos_weight, reduction='none') and reduces it with a masked mean before returning; the raw segmentation scores go to it, the sigmoid centre map to a balanced F.mse_loss, sigmoid only rounds the scores for IoU; run_model sums the uncertainty-weighted terms of one batch into total_loss; the loop back-propagates grad_acc batches and then clips, steps and zeroes once (gradient accumulation on purpose); loss pools get total_loss.item()."""
# Source: aharley/simple_bev at be46f0ef (read as is), train_nuscenes.py; re-typed, identifiers renamed; data
# loading, camera geometry, tensorboard summaries, validation and checkpointing shortened; reduce_masked_mean is the
# repository's utils.basic helper (sum of x*mask over sum of mask), written inline here.
import time

import torch
import torch.nn.functional as F

from nets.segnet import BevSegnet


def masked_mean(x, mask):
    return (x * mask).sum() / (mask.sum() + 1e-6)


class SimpleLoss(torch.nn.Module):
    def __init__(self, pos_weight):
        super(SimpleLoss, self).__init__()
        self.loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.Tensor([pos_weight]), reduction='none')

    def forward(self, ypred, ytgt, valid):
        loss = self.loss_fn(ypred, ytgt)
        loss = masked_mean(loss, valid)
        return loss


def balanced_mse_loss(pred, gt, valid=None):
    pos_mask = gt.gt(0.5).float()
    neg_mask = gt.lt(0.5).float()
    if valid is None:
        valid = torch.ones_like(pos_mask)
    mse = F.mse_loss(pred, gt, reduction='none')
    pos_loss = masked_mean(mse, pos_mask * valid)
    neg_loss = masked_mean(mse, neg_mask * valid)
    return (pos_loss + neg_loss) * 0.5


def run_model(model, loss_fn, d, device='cuda:0'):
    metrics = {}
    total_loss = torch.tensor(0.0, requires_grad=True).to(device)
    feat_mem, seg_g, valid_g, center_g, offset_g = d
    seg_g = seg_g[:, 0].to(device)
    valid_g = valid_g[:, 0].to(device)
    center_g = center_g[:, 0].to(device)
    offset_g = offset_g[:, 0].to(device)

    _, seg_e, center_e, offset_e = model(feat_mem.to(device))

    ce_loss = loss_fn(seg_e, seg_g, valid_g)
    center_loss = balanced_mse_loss(center_e, center_g)
    offset_loss = torch.abs(offset_e - offset_g).sum(dim=1, keepdim=True)
    offset_loss = masked_mean(offset_loss, seg_g * valid_g)

    ce_loss = 10.0 * ce_loss / torch.exp(model.module.ce_weight)
    ce_unc = 0.5 * model.module.ce_weight
    center_loss = center_loss / (2 * torch.exp(model.module.center_weight))
    center_unc = 0.5 * model.module.center_weight
    offset_loss = offset_loss / (2 * torch.exp(model.module.offset_weight))
    offset_unc = 0.5 * model.module.offset_weight

    total_loss += ce_loss
    total_loss += center_loss
    total_loss += offset_loss
    total_loss += ce_unc
    total_loss += center_unc
    total_loss += offset_unc

    seg_round = torch.sigmoid(seg_e).round()
    inter = (seg_round * seg_g * valid_g).sum(dim=[1, 2, 3])
    union = ((seg_round + seg_g) * valid_g).clamp(0, 1).sum(dim=[1, 2, 3])
    metrics['iou'] = (inter / (1e-4 + union)).mean().item()
    metrics['ce_loss'] = ce_loss.item()
    metrics['center_loss'] = center_loss.item()
    return total_loss, metrics


def main(max_iters=100000, grad_acc=5, lr=3e-4, weight_decay=1e-7, device='cuda:0'):
    train_loader = make_loader()
    loss_fn = SimpleLoss(2.13).to(device)
    model = BevSegnet(200, 8, 200)
    model = torch.nn.DataParallel(model.to(device))
    params = list(model.parameters())
    optimizer = torch.optim.AdamW(params, lr=lr, weight_decay=weight_decay)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, lr, max_iters + 100, pct_start=0.05,
                                                    cycle_momentum=False, anneal_strategy='linear')
    loss_pool = []
    iou_pool = []
    it = iter(train_loader)
    step = 0
    model.train()
    while step < max_iters:
        step += 1
        t0 = time.time()
        for inner in range(grad_acc):
            try:
                sample = next(it)
            except StopIteration:
                it = iter(train_loader)
                sample = next(it)
            total_loss, metrics = run_model(model, loss_fn, sample, device)
            total_loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 5.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()

        loss_pool.append(total_loss.item())
        iou_pool.append(metrics['iou'])
        print('step %06d; loss %.5f; iou %.1f; %.2fs' % (step, sum(loss_pool[-100:]) / len(loss_pool[-100:]),
                                                          100 * iou_pool[-1], time.time() - t0))


if __name__ == '__main__':
    main()
