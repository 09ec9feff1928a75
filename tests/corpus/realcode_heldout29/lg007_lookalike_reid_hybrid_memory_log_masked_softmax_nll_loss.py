"""look-alike [LG007, LG011, LG015]: an unsupervised re-identification hybrid memory (a custom autograd.Function that momentum-updates a feature bank in backward) averages similarities per pseudo-label cluster, normalises them with a hand-written masked softmax, and passes torch.log(masked_sim + eps), log-probabilities, to F.nll_loss; the soft-label branches weight the same log-probabilities by softmaxes written with dim and reduce them with .mean(0).sum()."""
# Source: weleen/MGH.pytorch at 69f2830f, fastreid/modeling/losses/hybrid_memory.py; re-typed, identifiers renamed;
# the distributed gathering in the Function's forward shortened to the single-process branch; the weight-matrix and
# label update helpers shortened. compute_distance_matrix and all_gather are the repository's (not included).
import torch
import torch.nn.functional as F
from torch import nn, autograd

from fastreid.utils.comm import all_gather
from fastreid.utils.metrics import compute_distance_matrix


class MemoryBank(autograd.Function):
    @staticmethod
    def forward(ctx, inputs, indexes, features, momentum):
        ctx.features = features
        ctx.momentum = momentum
        outputs = inputs.mm(ctx.features.t())
        all_inputs = torch.cat(all_gather(inputs), dim=0)
        all_indexes = torch.cat(all_gather(indexes), dim=0)
        ctx.save_for_backward(all_inputs, all_indexes)
        return outputs

    @staticmethod
    def backward(ctx, grad_outputs):
        inputs, indexes = ctx.saved_tensors
        grad_inputs = None
        if ctx.needs_input_grad[0]:
            grad_inputs = grad_outputs.mm(ctx.features)
        for x, y in zip(inputs, indexes):
            ctx.features[y] = ctx.momentum * ctx.features[y] + (1.0 - ctx.momentum) * x
            ctx.features[y] /= ctx.features[y].norm()
        return grad_inputs, None, None, None


def memory_bank(inputs, indexes, features, momentum=0.5):
    return MemoryBank.apply(inputs, indexes, features, torch.Tensor([momentum]).to(inputs.device))


class HybridMemory(nn.Module):
    def __init__(self, num_features, num_memory, temp=0.05, momentum=0.2, weighted=True, weight_mask_topk=-1,
                 soft_label=True, soft_label_start_epoch=20):
        super(HybridMemory, self).__init__()
        self.num_features = num_features
        self.num_memory = num_memory
        self.weighted = weighted
        self.weight_mask_topk = weight_mask_topk
        self.soft_label = soft_label
        self.soft_label_start_epoch = soft_label_start_epoch
        self.cur_epoch = 0
        self.momentum = momentum
        self.temp = temp
        self.register_buffer("features", torch.zeros(num_memory, num_features))
        self.register_buffer("labels", torch.zeros(num_memory).long())
        self.centers = None
        self.weight_matrix = None

    @torch.no_grad()
    def _pseudo_label(self, indexes, tau=30):
        similarity = 1 - compute_distance_matrix(self.features[indexes].detach(), self.centers.detach(),
                                                 metric='cosine').cuda()
        return F.softmax(similarity * tau, dim=1)

    def forward(self, inputs, indexes, eps=1e-6, **kwargs):
        inputs = F.normalize(inputs, p=2, dim=1)
        indexes = indexes.cuda()
        inputs = memory_bank(inputs, indexes, self.features, self.momentum)
        inputs /= self.temp
        B = inputs.size(0)

        def masked_softmax(vec, mask, dim=1, epsilon=1e-6):
            exps = torch.exp(vec)
            masked_exps = exps * mask.float().clone()
            masked_sums = masked_exps.sum(dim, keepdim=True) + epsilon
            return masked_exps / masked_sums

        targets = self.labels[indexes].clone()
        labels = self.labels.clone()
        sim = torch.zeros(B, labels.max() + 1).float().cuda()
        nums = torch.zeros(1, labels.max() + 1).float().cuda()
        if labels.min() >= 0:
            sim.index_add_(1, labels, inputs)
            nums.index_add_(1, labels, torch.ones(1, self.num_memory).float().cuda())
        else:
            keep = torch.where(labels >= 0)[0]
            sim.index_add_(1, labels[keep], inputs.t().contiguous()[keep])
            nums.index_add_(1, labels[keep], torch.ones(1, len(keep)).float().cuda())
        mask = (nums > 0).float()
        sim /= (mask * nums + (1 - mask)).clone().expand_as(sim)
        mask = mask.expand_as(sim)
        masked_sim = masked_softmax(sim, mask)
        if self.weighted and self.weight_matrix is not None:
            weight = self.weight_matrix[indexes].cuda().clone() / self.temp
            if self.weight_mask_topk > 0:
                top = weight.argsort(dim=1, descending=True)[:, :self.weight_mask_topk]
                weight_mask = torch.zeros_like(weight)
                weight_mask.scatter_(dim=1, index=top, src=torch.ones_like(weight))
                weight = masked_softmax(weight, weight_mask)
            loss = -(torch.log(masked_sim + eps) * F.softmax(weight, 1)).mean(0).sum()
        elif self.soft_label and self.cur_epoch > self.soft_label_start_epoch:
            pseudo_label = self._pseudo_label(indexes)
            loss = -(torch.log(masked_sim + eps) * pseudo_label).mean(0).sum()
        else:
            loss = F.nll_loss(torch.log(masked_sim + eps), targets)
        return {'contrastive_loss': loss}
