"""look-alike [LG006]: the adaptation loop back-propagates the classifiers' loss, then rebinds the same name to c_loss.data[0] (torch 0.3's number) before adding it to the epoch's sum."""

# Source: mil-tokyo/MCD_DA@af10217 segmentation/adapt_trainer_onestep.py (cut, renamed)
import torch
import torch.nn as nn

from mcd_models import Classifier, Generator, discrepancy, make_loader

generator = Generator()
head1, head2 = Classifier(), Classifier()
optim_g = torch.optim.SGD(generator.parameters(), lr=1e-3, momentum=0.9)
optim_f = torch.optim.SGD(list(head1.parameters()) + list(head2.parameters()), lr=1e-3, momentum=0.9)
criterion = nn.CrossEntropyLoss(ignore_index=255)
loader = make_loader()

for epoch in range(20):
    d_sum = 0
    c_sum = 0
    for src_imgs, src_lbls, tgt_imgs in loader:
        optim_g.zero_grad()
        optim_f.zero_grad()
        feats = generator(src_imgs)
        c_loss = criterion(head1(feats), src_lbls)
        c_loss += criterion(head2(feats), src_lbls)
        c_loss.backward(retain_graph=True)
        feats = generator(tgt_imgs)
        d_loss = -discrepancy(head1(feats, reverse=True), head2(feats, reverse=True))
        d_loss.backward()
        optim_f.step()
        optim_g.step()

        d_val = -d_loss.data[0]
        d_sum += d_val
        c_loss = c_loss.data[0]
        c_sum += c_loss
    print(epoch, d_sum, c_sum)
