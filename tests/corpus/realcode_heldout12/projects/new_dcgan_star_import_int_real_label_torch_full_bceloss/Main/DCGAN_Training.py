"""part of positive project [LG004]: the training script star-imports the DCGAN module and fills its labels with torch.full((b_size,), real_label, device=DEVICE): with the int real_label the tensor is torch.long (since PyTorch 1.7), then fill_ keeps the dtype, and all three nn.BCELoss calls get an integer target."""
# Source: GeonwooVincentKim/New_DCGAN@cd1db5cc1b34ebe68d4cd9d6bed18a862f07bd2a Main/DCGAN_Training.py (read as is; re-typed, identifiers renamed, the closing loss plot left out)
from Main.DCGAN import *

img_list = []
G_losses = []
D_losses = []
iters = 0

for epoch in range(num_epochs):
    for i, data in enumerate(train_loader, 0):
        netD.zero_grad()
        real_cpu = data[0].to(DEVICE)
        b_size = real_cpu.size(0)
        label = torch.full(
            (b_size,), real_label,
            device=DEVICE
        )

        output = netD(real_cpu).view(-1)
        errD_real = criterion(output, label)  # expect: LG004
        errD_real.backward()
        D_x = output.mean().item()

        noise = torch.randn(b_size, nz, 1, 1, device=DEVICE)
        fake = netG(noise)
        label.fill_(fake_label)
        output = netD(fake.detach()).view(-1)
        errD_fake = criterion(output, label)  # expect: LG004
        errD_fake.backward()
        D_G_z1 = output.mean().item()
        errD = errD_real + errD_fake
        optimizerD.step()

        netG.zero_grad()
        label.fill_(real_label)
        output = netD(fake).view(-1)
        errG = criterion(output, label)  # expect: LG004
        errG.backward()
        D_G_z2 = output.mean().item()
        optimizerG.step()

        if i % 50 == 0:
            print("[%d %d] [%d %d]\t Loss_D : %.4f\t Loss_G : %.4f" % (epoch, num_epochs, i, len(train_loader),
                                                                     errD.item(), errG.item()))
            G_losses.append(errG.item())
            D_losses.append(errD.item())
            if (iters % 500 == 0) or ((epoch == num_epochs - 1) and (i == len(train_loader) - 1)):
                with torch.no_grad():
                    fake = netG(fixed_noise).detach().cpu()
                img_list.append(vutils.make_grid(fake, padding=2, normalize=True))
            iters += 1
