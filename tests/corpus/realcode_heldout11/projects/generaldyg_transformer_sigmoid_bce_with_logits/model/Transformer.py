"""part of positive project [LG003]: TransformerBinaryClassifier ends in self.sigmoid (an nn.Sigmoid) of an nn.Linear(..., 1) head, squeezed: it returns probabilities."""
# Source: YXNTU/GeneralDyG@4276d0e67df0c01957dfc802b1c99022f7df3efb model/Transformer.py (read as is; its issue #6 "Transformer outputs probabilities but training uses BCEWithLogits (double sigmoid)" was acknowledged by the author; re-typed, identifiers renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F


class CustomTransformerEncoder(nn.Module):
    def __init__(self, encoder_layer, num_layers):
        super(CustomTransformerEncoder, self).__init__()
        self.layers = nn.ModuleList([encoder_layer for _ in range(num_layers)])
        self.num_layers = num_layers

    def forward(self, src, raw_src, src_mask=None, src_key_padding_mask=None):
        out = src
        for layer in self.layers:
            out = layer(out, raw_src, src_mask=src_mask, src_key_padding_mask=src_key_padding_mask)
        return out


class CustomTransformerEncoderLayer(nn.Module):
    def __init__(self, d_model, nhead, dim_feedforward=2048, dropout=0.1):
        super(CustomTransformerEncoderLayer, self).__init__()
        self.self_attn = nn.MultiheadAttention(d_model, nhead, dropout=dropout)
        self.linear1 = nn.Linear(d_model, dim_feedforward)
        self.dropout = nn.Dropout(dropout)
        self.linear2 = nn.Linear(dim_feedforward, d_model)
        self.norm1 = nn.LayerNorm(d_model)
        self.norm2 = nn.LayerNorm(d_model)
        self.dropout1 = nn.Dropout(dropout)
        self.dropout2 = nn.Dropout(dropout)

    def forward(self, src, raw_src, src_mask=None, src_key_padding_mask=None):
        attn = self.self_attn(src, src, raw_src, attn_mask=src_mask, key_padding_mask=src_key_padding_mask)[0]
        src = self.norm1(src + self.dropout1(attn))
        ff = self.linear2(self.dropout(F.relu(self.linear1(src))))
        return self.norm2(src + self.dropout2(ff))


class TransformerBinaryClassifier(nn.Module):
    def __init__(self, config, device, hidden_size=128):
        super(TransformerBinaryClassifier, self).__init__()
        self.device = device
        self.input_size = config.input_dim
        self.encoder_layer = CustomTransformerEncoderLayer(d_model=self.input_size, nhead=config.n_heads,
                                                           dropout=config.drop_out, dim_feedforward=hidden_size)
        self.transformer_encoder = CustomTransformerEncoder(self.encoder_layer, num_layers=config.n_layer)
        self.bn = nn.BatchNorm1d(self.input_size)
        self.dropout = nn.Dropout(config.drop_out)
        self.classifier = nn.Linear(self.input_size, 1)
        self.sigmoid = nn.Sigmoid()
        self.to(device)
        self.config = config

    def forward(self, raw_input, gnn_out, mask):
        gnn_out = gnn_out.transpose(0, 1).float()
        raw_input = raw_input.transpose(0, 1).float()
        mask = mask.bool()
        enc = self.transformer_encoder(gnn_out, raw_input, src_key_padding_mask=mask)
        enc = enc.transpose(0, 1)
        enc[mask] = 0
        kept = [o[~m] for o, m in zip(enc, mask)]
        pooled = torch.stack([t.mean(dim=0) for t in kept])
        pooled = self.bn(pooled)
        scores = self.classifier(pooled)
        scores = self.sigmoid(scores).squeeze()
        return scores
