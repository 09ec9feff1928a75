"""part of look-alike project [LG001, LG006, LG012, LG013]: the speech Transformer's decoder projects its last layer with output_linear and returns those logits as pred, with the shifted gold ids; log_softmax appears only in beam search."""
# Source: gentaiscool/end2end-asr-pytorch at a22efdda (the parent of 5a2b9052, "Fix OOM issue during validation", PR #41,
# which only wraps the validation forward in torch.no_grad()), models/asr/transformer.py;
# re-typed, identifiers renamed; the encoder, the attention layers, the mask helpers, the feature extractors'
# layers and beam search cut.
import torch
import torch.nn as nn
import torch.nn.functional as F

from utils import constant


class Transformer(nn.Module):
    def __init__(self, encoder, decoder, feat_extractor="vgg_cnn"):
        super(Transformer, self).__init__()
        self.encoder = encoder
        self.decoder = decoder
        self.feat_extractor = feat_extractor

    def forward(self, padded_input, input_lengths, padded_target, verbose=False):
        if self.feat_extractor == "emb_cnn" or self.feat_extractor == "vgg_cnn":
            padded_input = self.conv(padded_input)
        sizes = padded_input.size()
        padded_input = padded_input.view(sizes[0], sizes[1] * sizes[2], sizes[3])
        padded_input = padded_input.transpose(1, 2).contiguous()

        enc_out, _ = self.encoder(padded_input, input_lengths)
        pred, gold, *_ = self.decoder(padded_target, enc_out, input_lengths)
        best_scores, best_ids = torch.topk(pred, 1, dim=2)
        hyp_seq = best_ids.squeeze(2)
        return pred, gold, hyp_seq, gold


class Decoder(nn.Module):
    def __init__(self, vocab_size, dim_model, num_layers, dropout=0.1):
        super(Decoder, self).__init__()
        self.trg_embedding = nn.Embedding(vocab_size, dim_model, padding_idx=constant.PAD_TOKEN)
        self.dropout = nn.Dropout(dropout)
        self.output_linear = nn.Linear(dim_model, vocab_size, bias=False)

    def forward(self, padded_input, enc_out, enc_lengths):
        seq_in, seq_out = self.preprocess(padded_input)
        dec_out = self.dropout(self.trg_embedding(seq_in) * self.x_logit_scale + self.positional_encoding(seq_in))
        for layer in self.layers:
            dec_out, self_attn, enc_attn = layer(dec_out, enc_out)
        seq_logit = self.output_linear(dec_out)
        return seq_logit, seq_out, [], []
