"""part of positive project [LG006]: the hypergraph contrastive anomaly model returns its combined training loss from forward (a scalar with its graph) while training, and scores while evaluating."""
# Source: BUPT-GAMMA/OpenHGNN at efc3923c (read as is; added by 7c59867 "add AEHCL"), openhgnn/models/AEHCL.py;
# re-typed, identifiers renamed; the attention and self-attention submodules, the intra-pair contrast and the
# evaluation-time scoring shortened (the shapes and the loss path kept).
import torch
import torch.nn as nn

from . import BaseModel, register_model


@register_model("AEHCL")
class AEHCL(BaseModel):
    @classmethod
    def build_model_from_args(cls, args):
        return AEHCL(center=args.center_type, contexts=args.context_type, in_dim=args.in_dim, hid=args.hidden_dim,
                     w_inter=args.weight_inter, w_multi=args.weight_intra_multi, w_pair=args.weight_intra_pair,
                     temp=args.t)

    def __init__(self, center, contexts, in_dim, hid, w_inter, w_multi, w_pair, temp):
        super(AEHCL, self).__init__()
        self.w_inter = w_inter
        self.w_multi = w_multi
        self.w_pair = w_pair
        self.proj = nn.ModuleDict()
        for tp in [center] + list(contexts):
            self.proj[tp] = nn.Sequential(nn.Linear(in_dim, hid), nn.ELU(), nn.Linear(hid, hid))
        self.bil_event = nn.Bilinear(hid * 2, hid * 2, 1)
        self.bil_ctx = nn.Bilinear(hid, hid, 1)
        self.sigmoid = nn.Sigmoid()
        self.bce = nn.BCEWithLogitsLoss(reduction='none', pos_weight=torch.tensor([1.], dtype=torch.float32))
        self.center = center
        self.temp = temp

    def summarize(self, parts):
        z = [self.proj[k](v).mean(1) for k, v in parts.items()]
        return torch.cat([z[0], torch.stack(z[1:], 0).mean(0)], -1)

    def forward(self, event, pos_event, neg_event, neg_ctx, neg_ent, event_mask, type_num):
        center_z = self.proj[self.center](event[self.center])
        anchor = self.summarize(event)
        pos_inter = self.bil_event(self.summarize(pos_event), anchor)
        neg_inter = self.bil_event(self.summarize(neg_event), anchor)

        ctx = torch.cat([self.proj[k](v) for k, v in event.items() if k != self.center], 1)
        pos_multi = torch.squeeze(self.bil_ctx(ctx.max(1, keepdim=True)[0], center_z), -1)
        nctx = torch.cat([self.proj[k](v) for k, v in neg_ctx.items() if k != self.center], 1)
        neg_multi = torch.squeeze(self.bil_ctx(nctx.max(1, keepdim=True)[0], center_z), -1)

        ent = torch.cat([center_z, ctx], 1)
        ent = ent / torch.norm(ent, dim=-1, keepdim=True)
        ent_mask = torch.cat([event_mask[self.center]] + [event_mask[k] for k in event if k != self.center], -1)
        pos_m = torch.exp(torch.matmul(ent, ent.transpose(1, 2)) / self.temp)
        pos_m = pos_m * (torch.ones_like(pos_m) - torch.eye(pos_m.shape[1]).to(pos_m.device))
        neg_z = torch.cat([self.proj[k](v) for k, v in neg_ent.items()], 1)
        neg_z = neg_z / torch.norm(neg_z, dim=-1, keepdim=True)
        neg_m = torch.exp(torch.squeeze(torch.matmul(ent.unsqueeze(2), neg_z.transpose(2, 3))) / self.temp)

        lbl = torch.unsqueeze(torch.cat((torch.ones(pos_inter.shape[0]), torch.zeros(neg_inter.shape[0]))), 1)
        inter = torch.cat((pos_inter, neg_inter), 0)
        lbl = lbl.to(inter.device)
        inter_loss = self.bce(inter, lbl)
        multi_loss = self.bce(torch.cat((pos_multi, neg_multi), 0), lbl)

        p = torch.sum(pos_m, -1)
        n = torch.sum(neg_m, -1)
        pair = -torch.log((p + 1e-10) / (p + n + 1e-10)) * ent_mask
        pair_loss = torch.sum(pair, -1) / torch.sum(ent_mask, -1)

        inter_loss = torch.mean(inter_loss)
        multi_loss = torch.mean(multi_loss)
        pair_loss = torch.mean(pair_loss)
        loss = self.w_inter * inter_loss + self.w_multi * multi_loss + self.w_pair * pair_loss

        if self.training:
            return loss
        inter_score = torch.squeeze(self.sigmoid(pos_inter))
        multi_score = torch.squeeze(self.sigmoid(pos_multi))
        return -self.w_inter * inter_score - self.w_multi * multi_score
