"""look-alike [LG001, LG005, LG013]: the GPT text-to-speech model builds its alignment targets by nearest-neighbour interpolation of the CTC codes, which needs a float tensor, and casts the result back with .long() before F.cross_entropy; text and mel targets are cast with .long() too, and all three logits are permuted to (N, C, T)."""
# Source: neonbjb/DL-Art-School at f31a333c, codes/models/audio/tts/unified_voice4.py (UnifiedVoice, read as is);
# re-typed, identifiers renamed; the conditioning encoder, the GPT builder and inference cut (ConditioningEncoder and
# build_hf_gpt_transformer as in the source's modules).
import torch
import torch.nn as nn
import torch.nn.functional as F

from models.arch_util import ConditioningEncoder
from models.audio.tts.unified_voice2 import build_hf_gpt_transformer


class SpeechGPT(nn.Module):
    def __init__(self, layers=8, model_dim=512, heads=8, max_text_tokens=120, max_mel_tokens=250,
                 max_conditioning_inputs=1, mel_length_compression=1024, number_text_tokens=256,
                 number_mel_codes=8194, start_mel_token=8192, stop_mel_token=8193, start_text_token=255,
                 checkpointing=True, types=1, only_alignment_head=False):
        super().__init__()
        self.number_text_tokens = number_text_tokens
        self.start_text_token = number_text_tokens * types if start_text_token is None else start_text_token
        self.stop_text_token = 0
        self.number_mel_codes = number_mel_codes
        self.start_mel_token = start_mel_token
        self.stop_mel_token = stop_mel_token
        self.max_conditioning_inputs = max_conditioning_inputs
        self.max_mel_tokens = -1 if max_mel_tokens == -1 else max_mel_tokens + 2 + self.max_conditioning_inputs
        self.max_text_tokens = -1 if max_text_tokens == -1 else max_text_tokens + 2
        self.mel_length_compression = mel_length_compression
        self.conditioning_encoder = ConditioningEncoder(80, model_dim, num_attn_heads=heads)
        self.text_embedding = nn.Embedding(self.number_text_tokens * types + 1, model_dim)
        self.mel_embedding = nn.Embedding(self.number_mel_codes, model_dim)
        self.gpt, self.mel_pos_embedding, self.text_pos_embedding, _, _ = \
            build_hf_gpt_transformer(layers, model_dim, heads, self.max_mel_tokens, self.max_text_tokens, checkpointing)
        self.final_norm = nn.LayerNorm(model_dim)
        self.text_head = nn.Linear(model_dim, self.number_text_tokens * types + 1)
        self.mel_head = nn.Linear(model_dim, self.number_mel_codes)
        self.alignment_head = nn.Linear(model_dim, 256)
        if only_alignment_head:
            for p in self.parameters():
                p.requires_grad = False
            for p in self.alignment_head.parameters():
                p.requires_grad = True

    def aligned_inputs_and_targets(self, x, start_token, stop_token):
        inp = F.pad(x, (1, 0), value=start_token)
        tar = F.pad(x, (0, 1), value=stop_token)
        return inp, tar

    def set_mel_padding(self, mel_tokens, wav_lengths):
        mel_lengths = wav_lengths // self.mel_length_compression
        for b in range(len(mel_lengths)):
            end = mel_lengths[b] + 1
            if end < mel_tokens.shape[-1]:
                mel_tokens[b, end:] = self.stop_mel_token
        return mel_tokens

    def get_logits(self, conds, first, second):
        emb = torch.cat([conds, first, second], dim=1)
        out = self.gpt(inputs_embeds=emb, return_dict=True)
        enc = self.final_norm(out.last_hidden_state[:, 1:])
        text_logits = self.text_head(enc[:, :first.shape[1]]).permute(0, 2, 1)
        mel_logits = self.mel_head(enc[:, -second.shape[1]:]).permute(0, 2, 1)
        align_logits = self.alignment_head(enc[:, -second.shape[1]:]).permute(0, 2, 1)
        return text_logits, mel_logits, align_logits

    def get_conditioning_latent(self, cond_input):
        cond_input = cond_input.unsqueeze(1) if len(cond_input.shape) == 3 else cond_input
        conds = []
        for j in range(cond_input.shape[1]):
            conds.append(self.conditioning_encoder(cond_input[:, j]))
        conds = torch.stack(conds, dim=1)
        return conds.mean(dim=1).unsqueeze(1)

    def forward(self, cond_input, text_inputs, text_lengths, mel_codes, ctc_codes, wav_lengths, types=None):
        if types is not None:
            text_inputs = text_inputs * (1 + types).unsqueeze(-1)
        for b in range(ctc_codes.shape[0]):
            last = 0
            for j in range(ctc_codes.shape[1]):
                if ctc_codes[b][j] == 0:
                    ctc_codes[b][j] = last
                else:
                    last = ctc_codes[b][j]
        align_targets = F.interpolate(ctc_codes.unsqueeze(1).float(), size=(mel_codes.shape[-1],),
                                      mode='nearest').long().squeeze()
        mel_codes = self.set_mel_padding(mel_codes, wav_lengths)
        text_inputs = F.pad(text_inputs, (0, 1), value=self.stop_text_token)
        mel_codes = F.pad(mel_codes, (0, 1), value=self.stop_mel_token)
        align_targets = F.pad(align_targets, (0, 2), value=0)
        conds = self.get_conditioning_latent(cond_input)
        text_inputs, text_targets = self.aligned_inputs_and_targets(text_inputs, self.start_text_token,
                                                                    self.stop_text_token)
        text_emb = self.text_embedding(text_inputs) + self.text_pos_embedding(text_inputs)
        mel_codes, mel_targets = self.aligned_inputs_and_targets(mel_codes, self.start_mel_token, self.stop_mel_token)
        mel_emb = self.mel_embedding(mel_codes) + self.mel_pos_embedding(mel_codes)
        text_logits, mel_logits, align_logits = self.get_logits(conds, text_emb, mel_emb)
        loss_text = F.cross_entropy(text_logits, text_targets.long())
        loss_mel = F.cross_entropy(mel_logits, mel_targets.long())
        loss_align = F.cross_entropy(align_logits, align_targets)
        return loss_text.mean(), loss_mel.mean(), loss_align, mel_logits
