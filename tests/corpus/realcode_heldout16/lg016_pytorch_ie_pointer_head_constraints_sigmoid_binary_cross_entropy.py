"""positive [LG016]: the information-extraction library's pointer-network head scores its constraint logits with F.binary_cross_entropy(torch.sigmoid(...), ...) in the same forward that adds the term to the generation cross-entropy."""
# Source: ArneBinder/pytorch-ie at 2286080 (read as is; the head came with 39a25be "add taskmodules and models from
# pie-modules (#498)"), src/pytorch_ie/models/components/pointer_head.py; re-typed, identifiers renamed; the
# embedding-weight mapping, decoder position ids, the encoder MLPs' construction and the logits-preparation helpers cut.
from typing import List, Optional

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn import CrossEntropyLoss


class CopyPointerHead(torch.nn.Module):
    def __init__(self, target_token_ids: List[int], bos_id: int, eos_id: int, pad_id: int, embeddings: nn.Embedding,
                 use_encoder_mlp: bool = False, use_constraints_encoder_mlp: bool = False):
        super().__init__()
        self.embeddings = embeddings
        self.pointer_offset = len(target_token_ids)
        self.bos_id = bos_id
        self.eos_id = eos_id
        self.pad_id = pad_id
        self.label_ids = [t for t in range(len(target_token_ids)) if t not in [bos_id, eos_id, pad_id]]
        self.target_token_ids = target_token_ids
        self.eos_token_id = target_token_ids[eos_id]
        self.label_token_ids = [target_token_ids[i] for i in self.label_ids]
        hidden = embeddings.weight.size(1)
        if use_encoder_mlp:
            self.encoder_mlp = nn.Sequential(nn.Linear(hidden, hidden), nn.Dropout(0.3), nn.ReLU(),
                                             nn.Linear(hidden, hidden))
        if use_constraints_encoder_mlp:
            self.constraints_encoder_mlp = nn.Sequential(nn.Linear(hidden, hidden), nn.Dropout(0.3), nn.ReLU(),
                                                         nn.Linear(hidden, hidden))

    def forward(self, last_hidden_state, encoder_input_ids, encoder_last_hidden_state, encoder_attention_mask,
                labels: Optional[torch.LongTensor] = None, decoder_attention_mask: Optional[torch.LongTensor] = None,
                constraints: Optional[torch.LongTensor] = None):
        shape = (last_hidden_state.size(0), last_hidden_state.size(1), self.pointer_offset + encoder_input_ids.size(-1))
        logits = last_hidden_state.new_full(shape, fill_value=-1e24)
        eos_scores = F.linear(last_hidden_state, self.embeddings.weight[[self.eos_token_id]])
        label_emb = self.embeddings.weight[self.label_token_ids]
        label_scores = F.linear(last_hidden_state, label_emb)
        src = encoder_last_hidden_state
        if getattr(self, "encoder_mlp", None) is not None:
            src = self.encoder_mlp(src)
        in_emb = self.embeddings(encoder_input_ids)
        word_scores = torch.einsum("blh,bnh->bln", last_hidden_state, src)
        gen_scores = torch.einsum("blh,bnh->bln", last_hidden_state, in_emb)
        avg = (gen_scores + word_scores) / 2
        invalid = encoder_attention_mask.eq(0) | encoder_input_ids.eq(self.eos_token_id)
        avg = avg.masked_fill(invalid.unsqueeze(1), -1e32)
        logits[:, :, [self.eos_id]] = eos_scores
        logits[:, :, self.label_ids] = label_scores
        logits[:, :, self.pointer_offset:] = avg

        loss = None
        if labels is not None:
            ce = CrossEntropyLoss()
            flat_logits = logits.reshape(-1, logits.size(-1))
            flat_labels = labels.reshape(-1)
            if decoder_attention_mask is None:
                raise ValueError("decoder_attention_mask must be provided to compute the loss!")
            keep = decoder_attention_mask.reshape(-1)
            flat_labels = flat_labels.masked_fill(~keep.to(torch.bool), ce.ignore_index)
            loss = ce(flat_logits, flat_labels)

        if constraints is not None:
            if getattr(self, "constraints_encoder_mlp", None) is not None:
                c_src = self.constraints_encoder_mlp(src)
                c_label_emb = self.constraints_encoder_mlp(label_emb)
            else:
                c_src = src
                c_label_emb = label_emb
            c_label_scores = F.linear(last_hidden_state, c_label_emb)
            c_word_scores = torch.einsum("blh,bnh->bln", last_hidden_state, c_src)
            c_logits = last_hidden_state.new_full(shape, fill_value=-1e24)
            c_logits[:, :, self.label_ids] = c_label_scores
            c_logits[:, :, self.pointer_offset:] = c_word_scores
            valid = constraints >= 0
            c_logits_valid = c_logits[valid]
            c_valid = constraints[valid]
            loss_c = F.binary_cross_entropy(
                torch.sigmoid(c_logits_valid), c_valid.float()  # expect: LG016
            )
            if loss is None:
                loss = loss_c
            else:
                loss += loss_c
        return logits, loss
