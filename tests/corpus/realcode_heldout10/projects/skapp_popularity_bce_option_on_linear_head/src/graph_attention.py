"""part of positive project [LG002]: the popularity predictor's graph-attention Model ends in predict_linear_2, an nn.Linear(..., 1): its output is an unbounded score."""
# Source: YifanZhang-git/SKAPP@8243fa0575afeabbab60b3b0467b9068bb356a2b src/graph_attention.py (read as is; re-typed, the attention layers that forward does not use left out of __init__)
import torch
import torch.nn as nn
from graph_variable_length import GraphLearner


class Model(nn.Module):

    def __init__(self, retrieval_num, alpha=0.5, frame_num=1, feature_dim=768, metadata_dim=0):
        super(Model, self).__init__()
        self.alpha = alpha
        self.frame_num = frame_num
        self.feature_dim = feature_dim
        self.metadata_dim = int(metadata_dim)

        self.relu = nn.ReLU()
        self.predict_linear_1 = nn.Linear(feature_dim, feature_dim)
        self.metadata_embedding = None
        metadata_feature_dim = 0
        if self.metadata_dim > 0:
            metadata_feature_dim = feature_dim
            self.metadata_embedding = nn.Sequential(nn.Linear(self.metadata_dim, feature_dim), nn.ReLU())
        self.predict_linear_2 = nn.Linear(feature_dim * 2 + metadata_feature_dim, 1)
        self.label_embedding_linear = nn.Linear(retrieval_num, feature_dim)
        self.graph = GraphLearner(device=None, hidden_dim=feature_dim, class_num=retrieval_num)

    def forward(self, retrieved_label_list, mean_pooling_vec, merge_text_vec, retrieved_visual_feature_embedding_cls,
                retrieved_textual_feature_embedding, text_mask, img_mask, CXMI, metadata=None):
        textual_feature_emb, visual_feature_emb = self.graph(merge_text_vec, mean_pooling_vec,
                                                             retrieved_textual_feature_embedding,
                                                             retrieved_visual_feature_embedding_cls, text_mask, img_mask)
        packed_feature = torch.cat([visual_feature_emb, textual_feature_emb], dim=1)

        CXMI = torch.cat([CXMI, CXMI], dim=1).unsqueeze(-1)
        CXMI = CXMI / CXMI.sum(dim=1, keepdim=True)

        output = torch.matmul(packed_feature.permute(0, 2, 1), CXMI).squeeze(-1)
        output = self.predict_linear_1(output)
        output = self.relu(output)

        label = self.label_embedding_linear(retrieved_label_list)

        output = torch.cat([output, label], dim=1)
        if self.metadata_embedding is not None:
            if metadata is None:
                raise ValueError('metadata is required when metadata_dim > 0')
            output = torch.cat([output, self.metadata_embedding(metadata)], dim=1)
        output = self.predict_linear_2(output)

        return output
