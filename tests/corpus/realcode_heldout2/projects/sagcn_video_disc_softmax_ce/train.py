"""part of positive project [LG001, LG011]: the discriminator step adds BCELoss on the sigmoid score and CrossEntropyLoss on the softmax class output of a star-imported model."""
# Source: https://github.com/PingYu-iris/SA-GCN train.py at ee2e7ec51cda32f1942e74f7222d007255a84929
# (pull request #4); re-typed, names changed, reduced. `opt`, `device`, `seq_len` and the data
# loader are defined elsewhere in the real script.
import torch
import torch.optim as optim

from model import *

criterion = nn.BCELoss()
criterion_c = nn.CrossEntropyLoss()

disc_v = VideoDiscriminator().to(device)
gen = Generator().to(device)
optim_dv = optim.Adam(disc_v.parameters(), lr=0.0002, betas=(0.5, 0.999))
optim_g = optim.Adam(gen.parameters(), lr=0.0002, betas=(0.5, 0.999))


def step_video(inputs, cond, cls_index, y, retain=False):
    y_label = y * torch.ones(batch_size, 1).to(device).type(torch.float32)
    cond_v = cond.unsqueeze(1).repeat(1, seq_len, 1)
    score, cls_prob = disc_v(inputs, cond_v)
    err = criterion(score, y_label) + criterion_c(cls_prob, cls_index)  # expect: LG001
    err.backward(retain_graph=retain)
    return err.item()


for it in range(1, n_iter + 1):
    clips, cls_index, cond = next(loader)
    clips = torch.tensor(clips, device=device).type(torch.float32)
    cls_index = torch.tensor(cls_index, device=device).type(torch.long)
    cond = torch.tensor(cond, device=device).type(torch.float32)
    fake = gen(cond)
    disc_v.zero_grad()
    err_real = step_video(clips, cond.detach(), cls_index.detach(), 0.9)
    err_fake = step_video(fake.detach(), cond.detach(), cls_index.detach(), 0)
    optim_dv.step()
    gen.zero_grad()
    err_g = step_video(fake, cond.detach(), cls_index.detach(), 0.9, True)
    optim_g.step()
