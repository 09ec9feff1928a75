"""part of look-alike project [LG002, LG004, LG005, LG006]: the fine-tuning head over a pre-trained encoder: three Conv1d over the unpadded tokens, max-pooled, one Linear to a single unit and .sigmoid(), so the head returns (N, 1) probabilities (the MLP variant squeezes to (N,) and is not used by the trainer)."""
# Source: dhchoi-hs/transformer_pytorch at 4e4dfece, models/tweet_disaster_model.py; re-typed, identifiers renamed;
# the checkpoint loading of _load_from_pretrain and the __main__ smoke test shortened; the MLP variant kept.
import torch
from torch import nn
import torch.nn.functional as F
from models.lm_encoder import lm_encoder
from model.utils.Linear import Linear
from model.utils import activation_functions, Dropout


class DisasterHeadBase(nn.Module):
    def __init__(self, encoder: lm_encoder) -> None:
        super().__init__()
        self.encoder = encoder

    def freeze_encoder(self):
        self.encoder.train(False)
        self.encoder.requires_grad_(False)

    def forward(self, x, mask=None):
        raise NotImplementedError()

    @staticmethod
    def _load_from_pretrain(model_file, cfg):
        return build_encoder_from_checkpoint(model_file, cfg)


class DisasterHeadMLP(DisasterHeadBase):
    def __init__(self, encoder: lm_encoder, seq_len, act='relu') -> None:
        super().__init__(encoder)
        self.ff1 = Linear(seq_len * self.encoder.emb.d_model, 2048)
        self.act = getattr(activation_functions, act)()
        self.drop = Dropout.Dropout()
        self.ff2 = Linear(2048, 1)

    def forward(self, x, mask=None):
        with torch.no_grad():
            x = self.encoder(x, mask)
        x = self.ff1(x.flatten(start_dim=-2))
        x = self.drop(self.act(x))
        x = self.ff2(x)
        return x.sigmoid().squeeze(-1)


class DisasterHeadCNN(DisasterHeadBase):
    def __init__(self, encoder: lm_encoder, unfreeze_last=1, remove_last=0, n_filters=100,
                 kernel_sizes=[3, 4, 5], p_drop=0.1) -> None:
        super().__init__(encoder)
        self.convs = nn.ModuleList(
            [nn.Conv1d(self.encoder.emb.d_model, n_filters, k) for k in kernel_sizes])
        self.fc = Linear(len(self.convs) * n_filters, 1)
        self.drop = Dropout.Dropout(p_drop)
        self.unfreeze_last = unfreeze_last
        self.max_kernel = max(kernel_sizes)
        self.conv_act = nn.ReLU()
        if remove_last > 0:
            self.encoder.encoder.layers = self.encoder.encoder.layers[:-remove_last]

    @classmethod
    def from_pretrained(cls, model_file, cfg, unfreeze_last=1, remove_last=0, n_filters=100,
                        kernel_sizes=[3, 4, 5], p_drop=0.1):
        encoder = cls._load_from_pretrain(model_file, cfg)
        return cls(encoder, unfreeze_last, remove_last, n_filters, kernel_sizes, p_drop)

    def train(self, mode: bool = True):
        super(DisasterHeadBase, self).train(mode)
        self.freeze_encoder()
        if mode and self.unfreeze_last > 0:
            for layer in self.encoder.encoder.layers[-self.unfreeze_last:]:
                layer.requires_grad_(mode)

    def forward(self, x, mask=None):
        hidden = self.encoder(x, mask)
        pooled = []
        for tokens, states in zip(x, hidden):
            states = states[tokens != self.encoder.padding_idx]
            if states.size(0) < self.max_kernel:
                states = F.pad(states, (0, 0, 0, self.max_kernel - states.size(0)))
            states = states.transpose(-1, -2)
            feats = [conv(states) for conv in self.convs]
            pooled.append(torch.cat(
                [self.conv_act(F.max_pool1d(f, f.size(-1))).transpose(-1, -2).squeeze(-2) for f in feats]))
        return self.fc(self.drop(torch.stack(pooled))).sigmoid()
