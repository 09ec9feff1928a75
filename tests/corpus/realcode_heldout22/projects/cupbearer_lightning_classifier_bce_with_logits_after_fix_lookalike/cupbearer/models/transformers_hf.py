"""part of look-alike project [LG002, LG003]: TamperingPredictionTransformer puts one nn.Linear(embed_dim, 1) probe on each sensor token and on the last token and returns their concatenated, squeezed outputs (b, n_sensors + 1) as logits."""
# Source: ejnnr/cupbearer at 3389efb6 ("Use BCE with logits (same as multiclass)", PR #35), src/cupbearer/models/transformers_hf.py;
# re-typed, identifiers renamed; the body of TransformerBaseHF (same file: tokenisation, embeddings) and load_transformer cut.
import torch
from torch import nn
from transformers import PreTrainedModel, PreTrainedTokenizerBase

from .hooked_model import HookedModel


class TransformerBaseHF(HookedModel):
    """Tokenisation and embedding helpers (cut)."""


class TamperingPredictionTransformer(TransformerBaseHF):
    def __init__(
        self,
        model: PreTrainedModel,
        tokenizer: PreTrainedTokenizerBase,
        embed_dim: int,
        max_length: int,
        n_sensors: int,
        sensor_token: str = " omit",
    ):
        super().__init__(model=model, tokenizer=tokenizer, embed_dim=embed_dim, max_length=max_length)
        self.n_sensors = n_sensors
        self.n_probes = self.n_sensors + 1
        self.sensor_token_id = self.get_single_token(sensor_token)
        self.probes = nn.ModuleList([nn.Linear(self.embed_dim, 1) for _ in range(self.n_probes)])

    def forward(self, x: str | list[str]):
        toks = self.process_input(x)
        embs = self.get_embeddings(toks)
        b = embs.shape[0]

        rows, cols = torch.where(toks["input_ids"] == self.sensor_token_id)
        sensor_embs = embs[rows, cols].reshape(b, self.n_sensors, self.embed_dim)
        last_idx = toks["attention_mask"].sum(dim=1) - 1
        last_embs = embs[torch.arange(b), last_idx]
        probe_in = torch.concat([sensor_embs, last_embs.unsqueeze(dim=1)], axis=1)
        assert probe_in.shape == (b, self.n_probes, self.embed_dim)
        logits = torch.concat(
            [probe(e) for probe, e in zip(self.probes, torch.split(probe_in, 1, dim=1))],
            dim=1,
        )
        logits = logits.squeeze(dim=-1)
        assert logits.shape == (b, self.n_probes)
        return logits
