"""part of positive project [LG002]: the SMILES classifier and regressor both end their head in nn.Linear(d_model // 2, 1) and return raw scores; the classifier's own predict_proba applies the sigmoid."""
# Source: DavidLin852/bbbp-project@d3cfd58a20f02209b7841902142013425c33f8e8 src/transformer/smiles_transformer.py (read as is; re-typed, positional encoding, docstrings, max/cls pooling and the config dataclass left out)
import math
from typing import Optional

import torch
import torch.nn as nn


class SMILESTransformerEncoder(nn.Module):
    def __init__(self, vocab_size, d_model=256, n_heads=8, n_layers=4, d_ff=1024, dropout=0.1, max_len=512, padding_idx=0):
        super().__init__()
        self.d_model = d_model
        self.token_embedding = nn.Embedding(vocab_size, d_model, padding_idx=padding_idx)
        layer = nn.TransformerEncoderLayer(d_model=d_model, nhead=n_heads, dim_feedforward=d_ff, dropout=dropout,
                                           activation='gelu', batch_first=True, norm_first=True)
        self.transformer_encoder = nn.TransformerEncoder(layer, num_layers=n_layers)
        self.layer_norm = nn.LayerNorm(d_model)

    def forward(self, input_ids: torch.Tensor, attention_mask: Optional[torch.Tensor] = None) -> torch.Tensor:
        x = self.token_embedding(input_ids) * math.sqrt(self.d_model)
        mask = (attention_mask == 0) if attention_mask is not None else None
        x = self.transformer_encoder(x, src_key_padding_mask=mask)
        return self.layer_norm(x)


class SMILESTransformerClassifier(nn.Module):
    def __init__(self, vocab_size, d_model=256, n_heads=8, n_layers=4, d_ff=1024, dropout=0.1, max_len=512, padding_idx=0):
        super().__init__()
        self.encoder = SMILESTransformerEncoder(vocab_size, d_model, n_heads, n_layers, d_ff, dropout, max_len, padding_idx)
        self.classifier = nn.Sequential(
            nn.Linear(d_model, d_model // 2),
            nn.GELU(),
            nn.Dropout(dropout),
            nn.Linear(d_model // 2, 1),
        )

    def forward(self, input_ids: torch.Tensor, attention_mask: Optional[torch.Tensor] = None) -> torch.Tensor:
        x = self.encoder(input_ids, attention_mask)
        if attention_mask is not None:
            m = attention_mask.unsqueeze(-1)
            x = (x * m).sum(dim=1) / m.sum(dim=1)
        else:
            x = x.mean(dim=1)
        logits = self.classifier(x)
        return logits

    def predict_proba(self, input_ids, attention_mask=None):
        return torch.sigmoid(self.forward(input_ids, attention_mask)).squeeze(-1)


class SMILESTransformerRegressor(nn.Module):
    def __init__(self, vocab_size, d_model=256, n_heads=8, n_layers=4, d_ff=1024, dropout=0.1, max_len=512, padding_idx=0):
        super().__init__()
        self.encoder = SMILESTransformerEncoder(vocab_size, d_model, n_heads, n_layers, d_ff, dropout, max_len, padding_idx)
        self.regressor = nn.Sequential(
            nn.Linear(d_model, d_model // 2),
            nn.GELU(),
            nn.Dropout(dropout),
            nn.Linear(d_model // 2, 1),
        )

    def forward(self, input_ids: torch.Tensor, attention_mask: Optional[torch.Tensor] = None) -> torch.Tensor:
        x = self.encoder(input_ids, attention_mask)
        if attention_mask is not None:
            m = attention_mask.unsqueeze(-1)
            x = (x * m).sum(dim=1) / m.sum(dim=1)
        else:
            x = x.mean(dim=1)
        return self.regressor(x)
