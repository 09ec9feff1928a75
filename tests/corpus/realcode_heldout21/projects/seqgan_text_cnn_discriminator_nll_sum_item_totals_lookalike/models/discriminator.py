"""part of look-alike project [LG006, LG007, LG011]: a two-tower text CNN discriminator with a highway layer ends in F.log_softmax(self.lin(...), dim=1); the module builds one module-level instance."""
# Source: TaSivan/STC-Conditional-SeqGAN-Pytorch at 032dbef6 (read as is), models/discriminator.py; re-typed,
# identifiers renamed; the long shape docstring cut, the two convolution towers kept. models/decoder.py (whose
# embedding the discriminator copies) and opts/ are not included.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Discriminator(nn.Module):
    """Embedding >> Convolution >> Max-pooling >> Softmax"""

    def __init__(self, embedding, dropout=0.75, fixed_embeddings=False):
        super(Discriminator, self).__init__()
        self.embedding = nn.Embedding(embedding.num_embeddings, embedding.embedding_dim)
        self.embedding.weight.data.copy_(embedding.weight)
        if fixed_embeddings:
            self.embedding.weight.requires_grad = False

        self.widths = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20]
        self.counts = [100, 200, 200, 200, 200, 100, 100, 100, 100, 100, 160, 160]
        self.num_classes = 2

        self.convs_q = nn.ModuleList([nn.Conv2d(1, n, (w, embedding.embedding_dim)) for (n, w) in zip(self.counts, self.widths)])
        self.convs_r = nn.ModuleList([nn.Conv2d(1, n, (w, embedding.embedding_dim)) for (n, w) in zip(self.counts, self.widths)])

        self.highway = nn.Linear(2 * sum(self.counts), 2 * sum(self.counts))
        self.dropout = nn.Dropout(p=dropout)
        self.lin = nn.Linear(2 * sum(self.counts), self.num_classes)
        self.init_parameters()

    def _tower(self, seqs, convs):
        x = self.embedding(seqs).unsqueeze(1)
        feats = [F.relu(conv(x)).squeeze(3) for conv in convs]
        pools = [F.max_pool1d(f, f.size(2)).squeeze(2) for f in feats]
        return torch.cat(pools, 1)

    def forward(self, query_seqs, response_seqs):
        pred_q = self._tower(query_seqs, self.convs_q)
        pred_r = self._tower(response_seqs, self.convs_r)
        pred = torch.cat([pred_q, pred_r], 1)

        # highway
        hw = self.highway(pred)
        pred = torch.sigmoid(hw) * F.relu(hw) + (1.0 - torch.sigmoid(hw)) * pred

        # (batch, 2)
        pred = F.log_softmax(self.lin(self.dropout(pred)), dim=1)
        return pred

    def init_parameters(self):
        for name, p in self.named_parameters():
            if name.startswith("embedding"):
                continue
            if p.requires_grad:
                if p.ndimension() >= 2:
                    nn.init.xavier_normal_(p)
                else:
                    nn.init.constant_(p, 0)


from models.decoder import decoder
from opts.dis_opts import dis_opts
from opts.cuda_opts import USE_CUDA

discriminator = Discriminator(embedding=decoder.embedding, dropout=dis_opts.dropout, fixed_embeddings=dis_opts.fixed_embeddings)

if USE_CUDA:
    discriminator.cuda()
