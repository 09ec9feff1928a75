"""part of look-alike project [LG001, LG006, LG014]: domain-adaptive ensemble learning: each domain expert ends in nn.Softmax(dim=1) and is trained with a cross-entropy written by hand on the log of its probabilities; the per-domain losses are summed within one step and back-propagated once."""
# Source: KaiyangZhou/Dassl.pytorch at c61a1b5 (read as is), dassl/engine/da/dael.py; re-typed, identifiers renamed;
# build_data_loader, build_model's printing and check_cfg cut.
import torch
import torch.nn as nn

from dassl.engine.trainer import TrainerBase
from dassl.metrics import compute_accuracy
from dassl.utils import create_onehot


class DomainExperts(nn.Module):
    def __init__(self, n_source, fdim, num_classes):
        super().__init__()
        self.heads = nn.ModuleList([nn.Linear(fdim, num_classes) for _ in range(n_source)])
        self.softmax = nn.Softmax(dim=1)

    def forward(self, k, feats):
        return self.softmax(self.heads[k](feats))


class EnsembleAdaptation(TrainerBase):
    def __init__(self, cfg, backbone, n_source, num_classes, device):
        super().__init__()
        self.cfg = cfg
        self.device = device
        self.num_source_domains = n_source
        self.num_classes = num_classes
        n_domain = cfg.DATALOADER.TRAIN_X.N_DOMAIN
        if n_domain <= 0:
            n_domain = n_source
        self.split_batch = cfg.DATALOADER.TRAIN_X.BATCH_SIZE // n_domain
        self.n_domain = n_domain
        self.weight_u = cfg.TRAINER.DAEL.WEIGHT_U
        self.conf_thre = cfg.TRAINER.DAEL.CONF_THRE
        self.F = backbone.to(device)
        self.E = DomainExperts(n_source, backbone.fdim, num_classes).to(device)
        self._models = {"F": self.F, "E": self.E}
        self._optims = {"F": torch.optim.SGD(self.F.parameters(), lr=cfg.OPTIM.LR, momentum=0.9),
                        "E": torch.optim.SGD(self.E.parameters(), lr=cfg.OPTIM.LR, momentum=0.9)}

    def forward_backward(self, batch_x, batch_u):
        x, x2, y, dom, u, u2 = self.parse_batch_train(batch_x, batch_u)
        x = torch.split(x, self.split_batch, 0)
        x2 = torch.split(x2, self.split_batch, 0)
        y = torch.split(y, self.split_batch, 0)
        dom = [d[0].item() for d in torch.split(dom, self.split_batch, 0)]

        with torch.no_grad():
            feat_u = self.F(u)
            probs_u = torch.cat([self.E(k, feat_u).unsqueeze(1) for k in range(self.num_source_domains)], 1)
            best_p, best_idx = probs_u.max(2)
            top_p, top_expert = best_p.max(1)
            pseudo = torch.stack([labels[i] for i, labels in zip(top_expert, best_idx)], 0)
            pseudo = create_onehot(pseudo, self.num_classes).to(self.device)
            keep = (top_p >= self.conf_thre).float()

        loss_x = 0
        loss_cr = 0
        acc_x = 0
        feats = [self.F(xi) for xi in x]
        feats2 = [self.F(xi) for xi in x2]
        feat_u2 = self.F(u2)
        for f_i, f2_i, y_i, i in zip(feats, feats2, y, dom):
            others = [j for j in dom if j != i]
            p_i = self.E(i, f_i)
            loss_x += (-y_i * torch.log(p_i + 1e-5)).sum(1).mean()
            soft_target = p_i.detach()
            acc_x += compute_accuracy(p_i.detach(), y_i.max(1)[1])[0].item()
            cr = torch.cat([self.E(j, f2_i).unsqueeze(1) for j in others], 1).mean(1)
            loss_cr += ((cr - soft_target) ** 2).sum(1).mean()
        loss_x /= self.n_domain
        loss_cr /= self.n_domain
        acc_x /= self.n_domain

        p_u = torch.cat([self.E(k, feat_u2).unsqueeze(1) for k in range(self.num_source_domains)], 1).mean(1)
        l_u = (-pseudo * torch.log(p_u + 1e-5)).sum(1)
        loss_u = (l_u * keep).mean()

        loss = 0
        loss += loss_x
        loss += loss_cr
        loss += loss_u * self.weight_u
        self.model_backward_and_update(loss)
        return {"loss_x": loss_x.item(), "acc_x": acc_x, "loss_cr": loss_cr.item(), "loss_u": loss_u.item()}

    def parse_batch_train(self, batch_x, batch_u):
        y = create_onehot(batch_x["label"], self.num_classes)
        return (batch_x["img"].to(self.device), batch_x["img2"].to(self.device), y.to(self.device),
                batch_x["domain"], batch_u["img"].to(self.device), batch_u["img2"].to(self.device))
