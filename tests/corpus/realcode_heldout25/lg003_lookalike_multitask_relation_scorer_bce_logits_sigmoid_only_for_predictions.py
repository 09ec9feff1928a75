"""look-alike [LG002, LG003, LG016]: a multi-task NLP model's relation head keeps nn.BCEWithLogitsLoss() on self; forward computes raw bilinear relation_scores, takes torch.sigmoid of them only for the rounded predictions in the output dict, and passes the raw scores (masked and flattened) to the loss inside its own helper."""
# Source: huggingface/hmtl at d4f48b88 (read as is; the HMTL multi-task model), hmtl/models/relation_extraction.py;
# re-typed, identifiers renamed; the gold-relation construction loop shortened, decode() and get_metrics() cut. The
# allennlp base class, embedder and encoder are not included.
from typing import Dict

import torch
import torch.nn as nn
import torch.nn.functional as F
from allennlp.data import Vocabulary
from allennlp.models.model import Model
from allennlp.modules import Seq2SeqEncoder, TextFieldEmbedder
from allennlp.nn import util

from hmtl.training.metrics import RelationF1Measure

REL_TO_IDX = {"ORG-AFF": 0, "PHYS": 1, "ART": 2, "PER-SOC": 3, "PART-WHOLE": 4, "GEN-AFF": 5}


class PairRelationScorer(Model):
    def __init__(self, vocab: Vocabulary, embedder: TextFieldEmbedder, encoder: Seq2SeqEncoder, d: int, l: int,
                 n_classes: int, activation: str = "relu", label_namespace: str = "relation_ace_labels") -> None:
        super(PairRelationScorer, self).__init__(vocab)
        self.U = nn.Parameter(torch.Tensor(2 * d, l))
        self.W = nn.Parameter(torch.Tensor(2 * d, l))
        self.V = nn.Parameter(torch.Tensor(l, n_classes))
        self.b = nn.Parameter(torch.Tensor(l))
        nn.init.kaiming_normal_(self.U)
        nn.init.kaiming_normal_(self.W)
        nn.init.kaiming_normal_(self.V)
        nn.init.normal_(self.b)
        self.n_classes = n_classes
        self.activation = activation
        self.embedder = embedder
        self.encoder = encoder
        self.label_namespace = label_namespace
        self.metric = RelationF1Measure()
        self.criterion = nn.BCEWithLogitsLoss()

    def masked_bce(self, scores, labels, mask):
        length = mask.size(1)
        mask = mask.float()
        pair_mask = torch.stack([m.view(length, 1) * m for m in mask], dim=0)
        pair_mask = pair_mask.unsqueeze(-1).repeat(1, 1, 1, self.n_classes)
        size = scores.size()
        scores = scores * pair_mask
        flat_scores = scores.view(size[0], size[1], size[2] * self.n_classes)
        labels = labels * pair_mask
        flat_labels = labels.view(size[0], size[1], size[2] * self.n_classes)
        loss = self.criterion(flat_scores, flat_labels)
        return 100 * loss

    def forward(self, text: Dict[str, torch.LongTensor], relations: torch.IntTensor = None) -> Dict[str, torch.Tensor]:
        emb = self.embedder(text)
        mask = util.get_text_field_mask(text)
        enc = self.encoder(emb, mask)

        left = torch.matmul(enc, self.U).permute(1, 0, 2).unsqueeze(3)
        right = torch.matmul(enc, self.W).permute(0, 2, 1).unsqueeze(0)
        pair = (left + right).permute(1, 0, 3, 2)
        pair = pair + self.b
        if self.activation == "relu":
            hidden = F.relu(pair)
        elif self.activation == "tanh":
            hidden = F.tanh(pair)
        relation_scores = torch.matmul(hidden, self.V)

        batch_size, length = mask.size()
        relation_probs = torch.sigmoid(relation_scores)
        predicted = torch.round(relation_probs)
        out = {"relation_sigmoid_scores": relation_probs, "predicted_relations": predicted, "mask": mask}

        if relations is not None:
            gold = torch.zeros(batch_size, length, length, self.n_classes)
            for i, sent_rels in enumerate(relations):
                for rel in sent_rels:
                    if rel.sum().item() == 0:
                        continue
                    for idx in rel.nonzero():
                        arg, rel_type = self.vocab.get_token_from_index(rel[idx].item(), self.label_namespace).split("_")
                        if arg == "ARG1":
                            x = idx.data[0]
                        else:
                            y = idx.data[0]
                    gold[i, x, y, REL_TO_IDX[rel_type]] = 1
            if emb.is_cuda:
                gold = gold.cuda()
            out["loss"] = self.masked_bce(scores=relation_scores, labels=gold, mask=mask)
            self.metric(predictions=predicted, gold_labels=gold, mask=mask)
        return out
