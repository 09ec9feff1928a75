"""part of positive project [LG016]: FinalNet's two-block mode (block_type "2B", the default and the shipped configs) averages two Linear outputs for the prediction and, in add_loss, passes each block's raw output through the sigmoid output activation and scores it with the configured F.binary_cross_entropy against the detached prediction."""
# Source: reczoo/FuxiCTR at 0245987 (read as is; the consistency terms date from 617f382 "Rename FinalNet" or before),
# model_zoo/FinalNet/src/FinalNet.py; re-typed, identifiers renamed; the FinalBlock internals and feature gating cut.
# model_config.yaml: `loss: binary_crossentropy`, `block_type: "2B"`.
from torch import nn

from fuxictr.pytorch.layers import FeatureEmbedding
from fuxictr.pytorch.models.rank_model import RankerBase
from .blocks import FinalBlock


class TwoBlockNet(RankerBase):
    def __init__(self, feature_map, model_id="FinalNet", gpu=-1, learning_rate=1e-3, embedding_dim=10,
                 block_type="2B", batch_norm=True, block1_hidden_units=[64, 64, 64], block2_hidden_units=[64, 64, 64],
                 residual_type="concat", **kwargs):
        super().__init__(feature_map, model_id=model_id, gpu=gpu, **kwargs)
        assert block_type in ["1B", "2B"], "block_type={} not supported.".format(block_type)
        self.embedding_layer = FeatureEmbedding(feature_map, embedding_dim)
        in_dim = embedding_dim * feature_map.num_fields
        self.block_type = block_type
        self.block1 = FinalBlock(input_dim=in_dim, hidden_units=block1_hidden_units, batch_norm=batch_norm,
                                 residual_type=residual_type)
        self.fc1 = nn.Linear(block1_hidden_units[-1], 1)
        if block_type == "2B":
            self.block2 = FinalBlock(input_dim=in_dim, hidden_units=block2_hidden_units, batch_norm=batch_norm,
                                     residual_type=residual_type)
            self.fc2 = nn.Linear(block2_hidden_units[-1], 1)
        self.compile(kwargs["optimizer"], loss=kwargs["loss"], lr=learning_rate)

    def forward(self, inputs):
        emb = self.embedding_layer(inputs)
        y_pred, y1, y2 = None, None, None
        if self.block_type == "1B":
            y_pred = self.forward1(emb)
        elif self.block_type == "2B":
            y1 = self.forward1(emb)
            y2 = self.forward2(emb)
            y_pred = 0.5 * (y1 + y2)
        y_pred = self.output_activation(y_pred)
        return {"y_pred": y_pred, "y1": y1, "y2": y2}

    def forward1(self, emb):
        return self.fc1(self.block1(emb.flatten(start_dim=1)))

    def forward2(self, emb):
        return self.fc2(self.block2(emb.flatten(start_dim=1)))

    def add_loss(self, outputs, y_true):
        loss = self.loss_fn(outputs["y_pred"], y_true, reduction='mean')
        if self.block_type == "2B":
            p1 = self.output_activation(outputs["y1"])
            p2 = self.output_activation(outputs["y2"])
            loss1 = self.loss_fn(p1, outputs["y_pred"].detach(), reduction='mean')  # expect: LG016
            loss2 = self.loss_fn(p2, outputs["y_pred"].detach(), reduction='mean')  # expect: LG016
            loss = loss + loss1 + loss2
        return loss
