"""part of positive project [LG002]: train.py passes AudioTagger's Linear output to the BCELoss returned by losses.multilabel_loss()."""
import torch

from losses import multilabel_loss
from models import AudioTagger


def main(loader, epochs=10):
    tagger = AudioTagger(n_tags=527).cuda()
    loss_func = multilabel_loss()
    optimizer = torch.optim.Adam(tagger.parameters(), lr=1e-3, betas=(0.9, 0.999), amsgrad=True)
    step = 0
    for epoch in range(epochs):
        for mel, tags in loader:
            mel, tags = mel.cuda(), tags.cuda().float()
            clipwise = tagger(mel)
            loss = loss_func(clipwise, tags)  # expect: LG002
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            step += 1
            if step % 100 == 0:
                print(step, loss.item())
