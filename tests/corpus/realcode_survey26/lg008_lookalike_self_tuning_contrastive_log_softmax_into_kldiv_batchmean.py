"""look-alike [LG008]: Self-Tuning's contrastive head returns the LogSoftmax of its similarity scores with a uniform target over the positives, into KLDivLoss(reduction='batchmean')."""

# Source: thuml/Self-Tuning@1010a19 models/method.py, src/main.py (re-typed, renamed, cut to the head and the loss)
import torch
import torch.nn as nn


class PseudoGroupContrast(nn.Module):
    def __init__(self, encoder, queue_size, class_num, temp=0.07):
        super().__init__()
        self.encoder = encoder
        self.queue_size = queue_size
        self.class_num = class_num
        self.temp = temp

    def forward(self, im_q, queue):
        q = nn.functional.normalize(self.encoder(im_q), dim=1)
        scores = torch.einsum("nc,ck->nk", [q, queue])
        logits = nn.LogSoftmax(dim=1)(scores / self.temp)
        labels = torch.zeros([q.size(0), queue.size(1)])
        labels[:, 0 : self.queue_size + 1].fill_(1.0 / (self.queue_size + 1))
        return logits, labels, q


def train(model, classifier, loader, queue, optimizer):
    criterions = {"CrossEntropy": nn.CrossEntropyLoss(), "KLDiv": nn.KLDivLoss(reduction="batchmean")}
    for images, label in loader:
        logits, targets, feat = model(images, queue)
        loss = criterions["CrossEntropy"](classifier(feat), label) + criterions["KLDiv"](logits, targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
