"""part of positive project [LG010, LG011]: the bundled OpenNMT model constructor ends the generator nn.Sequential in nn.LogSoftmax() without dim (unless a copy-attention generator is asked for)."""
# Source: antspy/quantized_distillation@bb500b7ae48a3f6751d6434126de9845b58d2d65 onmt/ModelConstructor.py (read as is; the repository bundles an old OpenNMT-py; re-typed, identifiers renamed, cut to make_base_model: embeddings, encoder and decoder builders and checkpoint loading shortened)
import torch.nn as nn

from onmt.Models import NMTModel
from onmt.modules import CopyGenerator


def make_base_model(model_opt, fields, gpu, checkpoint=None):
    src_embeddings = make_embeddings(model_opt, fields["src"].vocab, [])
    encoder = make_encoder(model_opt, src_embeddings)
    tgt_embeddings = make_embeddings(model_opt, fields["tgt"].vocab, [], for_encoder=False)
    decoder = make_decoder(model_opt, tgt_embeddings)
    model = NMTModel(encoder, decoder)

    if not model_opt.copy_attn:
        generator = nn.Sequential(
            nn.Linear(model_opt.rnn_size, len(fields["tgt"].vocab)),
            nn.LogSoftmax())  # expect: LG011
        if model_opt.share_decoder_embeddings:
            generator[0].weight = decoder.embeddings.word_lut.weight
    else:
        generator = CopyGenerator(model_opt, fields["src"].vocab, fields["tgt"].vocab)

    if checkpoint is not None:
        model.load_state_dict(checkpoint['model'])
        generator.load_state_dict(checkpoint['generator'])
    model.generator = generator
    if gpu:
        model.cuda()
    else:
        model.cpu()
    return model
