"""look-alike [LG005, LG013, LG001]: the book's PixelCNN predicts 256 intensity classes per pixel, (B, 256, 28, 28) logits from a final Conv2d, and trains with F.cross_entropy against (B, 28, 28) targets made with (x * 255).long(); softmax is applied only to sample pixels under no_grad."""
# Source: hhsecond/HandsOnDeepLearningWithPytorch at 84f7fd54 (read as is),
# 6.GenerativeNetworks/AutoRegressive/pixelcnn.py; re-typed, identifiers renamed; the test loader and the image saving cut.
import numpy as np
import torch
import torch.nn.functional as F
from torch import backends, nn, optim
from torch.utils import data
from torchvision import datasets, transforms

backends.cudnn.benchmark = True
CUDA = torch.cuda.is_available()


class MaskedConv(nn.Conv2d):
    def __init__(self, kind, *args, **kwargs):
        super(MaskedConv, self).__init__(*args, **kwargs)
        assert kind in ('A', 'B')
        self.register_buffer('mask', self.weight.data.clone())
        _, _, kh, kw = self.weight.size()
        self.mask.fill_(1)
        self.mask[:, :, kh // 2, kw // 2 + (kind == 'B'):] = 0
        self.mask[:, :, kh // 2 + 1:] = 0

    def forward(self, x):
        self.weight.data *= self.mask
        return super(MaskedConv, self).forward(x)


fm = 64
net = nn.Sequential(
    MaskedConv('A', 1, fm, 7, 1, 3, bias=False),
    nn.BatchNorm2d(fm),
    nn.ReLU(True),
    MaskedConv('B', fm, fm, 7, 1, 3, bias=False),
    nn.BatchNorm2d(fm),
    nn.ReLU(True),
    MaskedConv('B', fm, fm, 7, 1, 3, bias=False),
    nn.BatchNorm2d(fm),
    nn.ReLU(True),
    MaskedConv('B', fm, fm, 7, 1, 3, bias=False),
    nn.BatchNorm2d(fm),
    nn.ReLU(True),
    MaskedConv('B', fm, fm, 7, 1, 3, bias=False),
    nn.BatchNorm2d(fm),
    nn.ReLU(True),
    MaskedConv('B', fm, fm, 7, 1, 3, bias=False),
    nn.BatchNorm2d(fm),
    nn.ReLU(True),
    MaskedConv('B', fm, fm, 7, 1, 3, bias=False),
    nn.BatchNorm2d(fm),
    nn.ReLU(True),
    MaskedConv('B', fm, fm, 7, 1, 3, bias=False),
    nn.BatchNorm2d(fm),
    nn.ReLU(True),
    nn.Conv2d(fm, 256, 1))

device = 'cpu'
if CUDA:
    net.cuda()
    device = 'cuda'

train_dl = data.DataLoader(datasets.MNIST('data', train=True, download=True, transform=transforms.ToTensor()),
                           batch_size=128, shuffle=True, num_workers=1)
canvas = torch.Tensor(144, 1, 28, 28).to(device=device)
opt = optim.Adam(net.parameters())
for epoch in range(25):
    errs = []
    net.train()
    for i, (x, _) in enumerate(train_dl):
        x = x.to(device=device)
        target = (x.data[:, 0] * 255).long()
        loss = F.cross_entropy(net(x), target)
        print(loss.item())
        errs.append(loss.item())
        opt.zero_grad()
        loss.backward()
        opt.step()
        if i % 5:
            print('epoch={} - loss={:.7f}'.format(epoch, np.mean(errs)))
            canvas.fill_(0)
            net.eval()
            with torch.no_grad():
                for r in range(28):
                    for c in range(28):
                        out = net(canvas)
                        probs = F.softmax(out[:, :, r, c], dim=1)
                        canvas[:, :, r, c] = torch.multinomial(probs, 1).float() / 255.
