"""look-alike [LG001, LG005, LG013]: DETR's SetCriterion.loss_labels: F.cross_entropy(src_logits.transpose(1, 2), target_classes, self.empty_weight) on (B, C+1, Q) logits from a dict output, int64 targets from torch.full(..., dtype=torch.int64), weight passed positionally."""
# Source: https://github.com/facebookresearch/detr models/detr.py at 29901c51d7fe8712168b8d0d64351170bc0f83e0;
# re-typed, names changed, reduced. Correct code.
import torch
import torch.nn.functional as F
from torch import nn


class DETR(nn.Module):
    def __init__(self, backbone, transformer, num_classes, num_queries):
        super().__init__()
        self.num_queries = num_queries
        self.transformer = transformer
        hidden_dim = transformer.d_model
        self.class_embed = nn.Linear(hidden_dim, num_classes + 1)
        self.bbox_embed = nn.Linear(hidden_dim, 4)
        self.query_embed = nn.Embedding(num_queries, hidden_dim)
        self.backbone = backbone

    def forward(self, samples):
        src = self.backbone(samples)
        hs = self.transformer(src, self.query_embed.weight)[0]
        outputs_class = self.class_embed(hs)
        outputs_coord = self.bbox_embed(hs).sigmoid()
        out = {"pred_logits": outputs_class[-1], "pred_boxes": outputs_coord[-1]}
        return out


class SetCriterion(nn.Module):
    def __init__(self, num_classes, matcher, eos_coef):
        super().__init__()
        self.num_classes = num_classes
        self.matcher = matcher
        empty_weight = torch.ones(self.num_classes + 1)
        empty_weight[-1] = eos_coef
        self.register_buffer("empty_weight", empty_weight)

    def _get_src_permutation_idx(self, indices):
        batch_idx = torch.cat([torch.full_like(src, i) for i, (src, _) in enumerate(indices)])
        src_idx = torch.cat([src for (src, _) in indices])
        return batch_idx, src_idx

    def loss_labels(self, outputs, targets, indices):
        src_logits = outputs["pred_logits"]
        idx = self._get_src_permutation_idx(indices)
        target_classes_o = torch.cat([t["labels"][J] for t, (_, J) in zip(targets, indices)])
        target_classes = torch.full(src_logits.shape[:2], self.num_classes, dtype=torch.int64, device=src_logits.device)
        target_classes[idx] = target_classes_o
        loss_ce = F.cross_entropy(src_logits.transpose(1, 2), target_classes, self.empty_weight)
        return {"loss_ce": loss_ce}

    def forward(self, outputs, targets):
        indices = self.matcher(outputs, targets)
        return self.loss_labels(outputs, targets, indices)


def train_one_epoch(model, criterion, data_loader, optimizer, max_norm=0.1):
    model.train()
    criterion.train()
    for samples, targets in data_loader:
        outputs = model(samples)
        loss_dict = criterion(outputs, targets)
        losses = sum(loss_dict[k] for k in loss_dict.keys())
        optimizer.zero_grad()
        losses.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
        optimizer.step()
