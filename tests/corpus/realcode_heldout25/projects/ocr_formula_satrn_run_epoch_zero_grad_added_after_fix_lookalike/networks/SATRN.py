"""part of look-alike project [LG006, LG014]: the SATRN formula recogniser: a 2D transformer encoder and a transformer decoder whose generator is nn.Linear(hidden_dim, num_classes) (raw scores per step); the model keeps nn.CrossEntropyLoss(ignore_index=PAD) as its criterion attribute."""
# Source: pstage-ocr-team6/ocr-teamcode at 29a73a47 ("Fix zero grad omission.", PR #26, issue #24), networks/SATRN.py; re-typed, identifiers renamed; the shallow CNN, the adaptive 2D
# positional encoding, attention layers and the greedy decoding loop shortened to stand-in modules.
import torch
import torch.nn as nn

from dataset import PAD, START


class FormulaDecoder(nn.Module):
    def __init__(self, num_classes, src_dim, hidden_dim, filter_dim, head_num, dropout_rate, pad_id, st_id,
                 layer_num=1):
        super(FormulaDecoder, self).__init__()
        self.embedding = nn.Embedding(num_classes + 1, hidden_dim)
        self.hidden_dim = hidden_dim
        self.pad_id = pad_id
        self.st_id = st_id
        self.layers = nn.ModuleList(
            [nn.TransformerDecoderLayer(hidden_dim, head_num, filter_dim, dropout_rate) for _ in range(layer_num)])
        self.generator = nn.Linear(hidden_dim, num_classes)

    def forward(self, src, text, is_train=True, batch_max_length=50, teacher_forcing_ratio=1.0):
        if is_train and torch.rand(1).item() < teacher_forcing_ratio:
            tgt = self.embedding(text)
            for layer in self.layers:
                tgt = layer(tgt.transpose(0, 1), src.transpose(0, 1)).transpose(0, 1)
            out = self.generator(tgt)
        else:
            out = []
            target = torch.LongTensor(src.size(0)).fill_(self.st_id).to(src.device)
            for t in range(batch_max_length - 1):
                tgt = self.embedding(target.unsqueeze(1))
                for layer in self.layers:
                    tgt = layer(tgt.transpose(0, 1), src.transpose(0, 1)).transpose(0, 1)
                step = self.generator(tgt)
                target = torch.argmax(step[:, -1:, :], dim=-1).squeeze(-1)
                out.append(step)
            out = torch.stack(out, dim=1).squeeze(2)
        return out


class FormulaSATRN(nn.Module):
    def __init__(self, FLAGS, train_dataset, checkpoint=None):
        super(FormulaSATRN, self).__init__()
        self.encoder = build_2d_encoder(FLAGS)
        self.decoder = FormulaDecoder(
            num_classes=len(train_dataset.id_to_token),
            src_dim=FLAGS.SATRN.decoder.src_dim,
            hidden_dim=FLAGS.SATRN.decoder.hidden_dim,
            filter_dim=FLAGS.SATRN.decoder.filter_dim,
            head_num=FLAGS.SATRN.decoder.head_num,
            dropout_rate=FLAGS.dropout_rate,
            pad_id=train_dataset.token_to_id[PAD],
            st_id=train_dataset.token_to_id[START],
            layer_num=FLAGS.SATRN.decoder.layer_num,
        )
        self.criterion = (
            nn.CrossEntropyLoss(ignore_index=train_dataset.token_to_id[PAD])
        )
        if checkpoint:
            self.load_state_dict(checkpoint)

    def forward(self, input, expected, is_train, teacher_forcing_ratio):
        enc = self.encoder(input)
        return self.decoder(enc, expected[:, :-1], is_train, expected.size(1), teacher_forcing_ratio)
