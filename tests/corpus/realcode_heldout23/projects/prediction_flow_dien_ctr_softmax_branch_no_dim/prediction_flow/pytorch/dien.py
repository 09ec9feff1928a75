"""part of positive project [LG011]: the Deep Interest Evolution Network ends in a final Linear and, by final_activation, torch.sigmoid for two classes or torch.softmax(output) without dim= for more than two (the same branch is in the DNN, DeepFM, Wide&Deep and DIN models); the auxiliary losses of the attention groups are summed and returned beside the output."""
# Source: GitHub-HongweiZhang/prediction-flow at cad8aa1f (read as is), prediction_flow/pytorch/dien.py;
# re-typed, identifiers renamed; the embedding set-up (in the InterestNet base class) is not included and the
# feature gathering shortened.
import torch

from .interest_net import InterestNet
from .nn import Interest


class DIEN(InterestNet):
    def __init__(self, *args, use_negsampling=False, **kwargs):
        self.use_negsampling = use_negsampling
        super(DIEN, self).__init__(*args, **kwargs)

    def create_attention_fn(self, attention_group):
        return Interest(attention_group.pairs_count * self.embedding_size, gru_type=attention_group.gru_type,
                        use_negsampling=self.use_negsampling)

    def forward(self, x):
        number_inputs = [x[f.name].view(-1, 1) for f in self.features.number_features]
        embeddings = {f.name: self.embeddings[f.name](x[f.name]) for f in self.features.category_features}
        auxiliary_losses = []
        for group in self.attention_groups:
            query = torch.cat([embeddings[p["ad"]] for p in group.pairs], dim=-1)
            pos_hist = torch.cat([self.embeddings[p["pos_hist"]](x[p["pos_hist"]]) for p in group.pairs], dim=-1)
            keys_length = torch.min(torch.cat([x[f"__{p['pos_hist']}_length"].view(-1, 1) for p in group.pairs],
                                              dim=-1), dim=-1)[0]
            neg_hist = None
            if self.use_negsampling:
                neg_hist = torch.cat([self.embeddings[p["neg_hist"]](x[p["neg_hist"]]) for p in group.pairs], dim=-1)
            embeddings[group.name], tmp_loss = self._attention_poolings[group.name](query, pos_hist, keys_length,
                                                                                      neg_hist)
            if tmp_loss is not None:
                auxiliary_losses.append(tmp_loss)

        emb_concat = torch.cat(number_inputs + [emb for emb in embeddings.values()], dim=-1)
        final_layer_inputs = self.mlp(emb_concat)
        output = self.final_layer(final_layer_inputs)
        if self.num_classes == 2 and self.final_activation == "sigmoid":
            output = torch.sigmoid(output)
        elif self.num_classes > 1 and self.final_activation == "softmax":
            output = torch.softmax(output)  # expect: LG011
        elif self.final_activation:
            raise NotImplementedError(f"pair ({self.final_activation}, {self.num_classes}) is not implemented")

        auxiliary_avg_loss = None
        if auxiliary_losses:
            auxiliary_avg_loss = auxiliary_losses[0]
            for i in range(1, len(auxiliary_losses)):
                auxiliary_avg_loss += auxiliary_losses[i]
        return output, auxiliary_avg_loss
