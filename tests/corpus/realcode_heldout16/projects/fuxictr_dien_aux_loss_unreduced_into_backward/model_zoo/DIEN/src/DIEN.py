"""part of positive project [LG015]: DIEN's add_loss, when aux_loss_alpha > 0, scores the auxiliary sigmoid network with F.binary_cross_entropy(reduction='none') and "reduces" it with a sum over its last axis, which has size 1, so the per-row vector is added to the scalar click loss and the total handed to backward() is a vector."""
# Source: reczoo/FuxiCTR at 0245987 (read as is; the lines date from b3fbe49 "Update to FuxiCTR v2"),
# model_zoo/DIEN/src/DIEN.py; re-typed, identifiers renamed; the GRU/AUGRU interest layers, the attention unit and
# sum pooling cut (their outputs are passed through as in the source). The shipped model_config.yaml sets
# aux_loss_alpha: 0; the auxiliary branch runs only when a user sets it above 0. DMIN.py has the same add_loss.
import torch
import torch.nn.functional as F
from torch import nn

from fuxictr.pytorch.layers import FeatureEmbeddingDict, MLP_Block
from fuxictr.pytorch.models.rank_model import BaseRanker


class InterestEvolution(BaseRanker):
    def __init__(self, feature_map, model_id="DIEN", gpu=-1, dnn_hidden_units=[512, 128, 64], embedding_dim=10,
                 aux_hidden_units=[100, 50], aux_activation="ReLU", aux_loss_alpha=0, net_dropout=0,
                 learning_rate=1e-3, **kwargs):
        super().__init__(feature_map, model_id=model_id, gpu=gpu, **kwargs)
        self.aux_loss_alpha = aux_loss_alpha
        self.embedding_layer = FeatureEmbeddingDict(feature_map, embedding_dim)
        self.model_dim = embedding_dim
        self.dnn = MLP_Block(input_dim=feature_map.sum_emb_out_dim(), output_dim=1,
                             hidden_units=dnn_hidden_units, output_activation=self.output_activation,
                             dropout_rates=net_dropout)
        if self.aux_loss_alpha > 0:
            self.aux_net = MLP_Block(input_dim=embedding_dim * 2, output_dim=1, hidden_units=aux_hidden_units,
                                     hidden_activations=aux_activation, output_activation="Sigmoid",
                                     dropout_rates=net_dropout)
        self.compile(kwargs["optimizer"], kwargs["loss"], learning_rate)

    def forward(self, inputs):
        emb = self.embedding_layer(inputs)
        seq = emb["click_history"]
        neg = emb["neg_click_history"] if self.aux_loss_alpha > 0 else None
        pad_mask = inputs["click_history"].long() > 0
        interests = self.extract_interests(seq, pad_mask)
        evolved = self.evolve_interests(interests, emb["item_id"], pad_mask)
        y_pred = self.dnn(torch.cat([evolved, emb["item_id"], emb["user_id"]], dim=-1))
        return {"y_pred": y_pred, "interest_emb": interests, "neg_emb": neg, "pad_mask": pad_mask, "pos_emb": seq}

    def add_loss(self, outputs, y_true):
        loss = self.loss_fn(outputs["y_pred"], y_true, reduction='mean')
        if self.aux_loss_alpha > 0:
            states, pos, neg, mask = outputs["interest_emb"], outputs["pos_emb"], outputs["neg_emb"], \
                outputs["pad_mask"]
            pos_p = self.aux_net(torch.cat([states[:, :-1, :], pos[:, 1:, :]], dim=-1).view(-1, self.model_dim * 2))
            neg_p = self.aux_net(torch.cat([states[:, :-1, :], neg[:, 1:, :]], dim=-1).view(-1, self.model_dim * 2))
            aux_p = torch.cat([pos_p, neg_p], dim=0).view(-1, 1)
            aux_y = torch.cat([torch.ones_like(pos_p, device=aux_p.device),
                               torch.zeros_like(neg_p, device=aux_p.device)], dim=0).view(-1, 1)
            aux = F.binary_cross_entropy(aux_p, aux_y, reduction='none')
            mask = mask[:, 1:].view(-1, 1)
            aux = torch.sum(aux * mask, dim=-1) / (torch.sum(mask, dim=-1) + 1.e-9)
            loss += self.aux_loss_alpha * aux
        return loss
