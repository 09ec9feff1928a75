"""positive [LG014]: a contrastive (SimCLR-style) loop calls opt.zero_grad() once per epoch, outside the batch loop that does backward and step."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def nt_xent(z1, z2, tau=0.5):
    z = F.normalize(torch.cat([z1, z2], dim=0), dim=1)
    sim = z @ z.t() / tau
    n = z1.size(0)
    sim.fill_diagonal_(float("-inf"))
    targets = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)]).to(z.device)
    return F.cross_entropy(sim, targets)


def pretrain(encoder, projector, loader, augment, epochs=100, device="cuda"):
    params = list(encoder.parameters()) + list(projector.parameters())
    opt = torch.optim.SGD(params, lr=0.3, momentum=0.9, weight_decay=1e-6)
    for epoch in range(epochs):
        opt.zero_grad()
        for imgs, _ in loader:
            imgs = imgs.to(device)
            z1 = projector(encoder(augment(imgs)))
            z2 = projector(encoder(augment(imgs)))
            loss = nt_xent(z1, z2)
            loss.backward()
            opt.step()  # expect: LG014
        print(epoch, loss.item())
