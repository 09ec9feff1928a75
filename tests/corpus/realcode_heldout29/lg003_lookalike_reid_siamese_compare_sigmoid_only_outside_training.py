"""look-alike [LG003, LG004, LG005]: a re-identification ResNet trained as a siamese comparator: compare() maps |e0 - e1| through a Linear to one logit and applies torch.sigmoid only when train is False; the cross-entropy branch of sum_losses calls compare(..., train=True) and feeds the raw logits to F.binary_cross_entropy_with_logits against float ones/zeros targets shaped (n, 1) like the logits."""
# Source: phil-bergmann/tracking_wo_bnw at 446abc7f, src/tracktor/reid/resnet.py; re-typed, identifiers renamed; the
# batch-hard and weighted-triplet branches, the crop building and the pretrained-weight loading shortened; the
# triplet mask helpers are the repository's (triplet_loss.py, not included).
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable
from torchvision.models import ResNet
from torchvision.models.resnet import Bottleneck

from .triplet_loss import _get_triplet_mask


class ReIDNetwork(ResNet):
    def __init__(self, block, layers, output_dim, loss, margin, prec_at_k):
        super(ReIDNetwork, self).__init__(block, layers)
        self.name = "ResNet"
        self.loss = loss
        self.margin = margin
        self.prec_at_k = prec_at_k
        self.avgpool = nn.AvgPool2d((8, 4), stride=1)
        self.fc = nn.Linear(512 * block.expansion, 1024)
        self.bn_fc = nn.BatchNorm1d(1024)
        self.relu_fc = nn.ReLU(inplace=True)
        self.fc_out = nn.Linear(1024, output_dim)
        self.fc_compare = nn.Linear(output_dim, 1)

    def forward(self, x):
        x = self.conv1(x)
        x = self.bn1(x)
        x = self.relu(x)
        x = self.maxpool(x)
        x = self.layer1(x)
        x = self.layer2(x)
        x = self.layer3(x)
        x = self.layer4(x)
        x = self.avgpool(x)
        x = x.view(x.size(0), -1)
        x = self.fc(x)
        x = self.bn_fc(x)
        x = self.relu_fc(x)
        x = self.fc_out(x)
        return x

    def compare(self, e0, e1, train=False):
        out = torch.abs(e0 - e1)
        out = self.fc_compare(out)
        if not train:
            out = torch.sigmoid(out)
        return out

    def sum_losses(self, batch):
        inp = Variable(batch['images'][0]).cuda()
        labels = batch['labels'][0].cuda()
        embeddings = self.forward(inp)

        if self.loss == "cross_entropy":
            m = _get_triplet_mask(labels).nonzero()
            e0, e1, e2 = [], [], []
            for p in m:
                e0.append(embeddings[p[0]])
                e1.append(embeddings[p[1]])
                e2.append(embeddings[p[2]])
            e0 = torch.stack(e0, 0)
            e1 = torch.stack(e1, 0)
            e2 = torch.stack(e2, 0)

            out_pos = self.compare(e0, e1, train=True)
            out_neg = self.compare(e0, e2, train=True)

            tar_pos = Variable(torch.ones(out_pos.size(0)).view(-1, 1).cuda())
            tar_neg = Variable(torch.zeros(out_pos.size(0)).view(-1, 1).cuda())

            loss_pos = F.binary_cross_entropy_with_logits(out_pos, tar_pos)
            loss_neg = F.binary_cross_entropy_with_logits(out_neg, tar_neg)
            total_loss = (loss_pos + loss_neg) / 2
        elif self.loss == 'batch_all':
            m = _get_triplet_mask(labels).nonzero()
            e0, e1, e2 = [], [], []
            for p in m:
                e0.append(embeddings[p[0]])
                e1.append(embeddings[p[1]])
                e2.append(embeddings[p[2]])
            total_loss = F.triplet_margin_loss(torch.stack(e0, 0), torch.stack(e1, 0), torch.stack(e2, 0),
                                               margin=self.margin, p=2)
        else:
            raise NotImplementedError("Loss: {}".format(self.loss))

        losses = {}
        losses['total_loss'] = total_loss
        return losses


def resnet50(pretrained=False, **kwargs):
    model = ReIDNetwork(Bottleneck, [3, 4, 6, 3], **kwargs)
    return model
