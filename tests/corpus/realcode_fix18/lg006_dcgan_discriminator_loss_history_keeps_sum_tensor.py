"""positive [LG006]: the DCGAN loop back-propagates the discriminator's real and fake losses one at a time, then appends their sum, a tensor that still holds both graphs, to the discriminator's loss history (the fix appends loss_real.item() + loss_fake.item())."""

# Source: NickG-NZ/DCGAN_Traversability@b03be5f947 train_DCGAN.py, fixed in 8d4f0b6510 (cut, renamed)
import torch

DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def train_gan(gen, dis, opt_g, opt_d, loss_fn, loader, batch_size, nz, epochs=1):
    gen_history = []
    dis_history = []
    gen = gen.to(device=DEVICE)
    dis = dis.to(device=DEVICE)
    gen.train()
    dis.train()
    for e in range(epochs):
        for t, (x, y) in enumerate(loader):
            x = x.to(device=DEVICE, dtype=torch.float32)
            dis.zero_grad()
            labels = torch.full((batch_size, 1), 0.9, device=DEVICE, dtype=torch.float32)
            loss_real = loss_fn(dis(x), labels)
            loss_real.backward()
            z = torch.randn(batch_size, nz, 1, 1, device=DEVICE)
            fake = gen(z)
            labels.fill_(0.0)
            loss_fake = loss_fn(dis(fake.detach()), labels)
            loss_fake.backward()
            dis_history.append(loss_real + loss_fake)  # expect: LG006
            opt_d.step()

            gen.zero_grad()
            labels.fill_(1.0)
            loss_gen = loss_fn(dis(fake), labels)
            loss_gen.backward()
            opt_g.step()
            gen_history.append(loss_gen.item())
    return gen_history, dis_history
