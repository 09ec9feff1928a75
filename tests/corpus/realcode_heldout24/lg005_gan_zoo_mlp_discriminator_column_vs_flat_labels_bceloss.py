"""positive [LG005]: a beginner GAN zoo's MLP discriminator ends in nn.Linear(256, 1) + nn.Sigmoid(), so it returns (N, 1); the real and fake labels are built with torch.ones(num_img) / torch.zeros(num_img), shape (N,), and nn.BCELoss gets the two shapes in the discriminator step (the generator step squeezes the output first)."""
# Source: YixinChen-AI/CVAE-GAN-zoos-PyTorch-Beginner at 4b63ed0c (read as is; issue #9 reports the "target size
# (torch.Size([128])) that is different to the input size (torch.Size([128, 1]))" error), GAN/GAN.py; re-typed,
# identifiers renamed, the Chinese comments dropped, image saving shortened.
import os

import torch.autograd
import torch.nn as nn
from torchvision import datasets, transforms
from torchvision.utils import save_image

if not os.path.exists('./img_gan'):
    os.mkdir('./img_gan')


def to_img(x):
    out = 0.5 * (x + 1)
    out = out.clamp(0, 1)
    out = out.view(-1, 1, 28, 28)
    return out


device = 'cuda' if torch.cuda.is_available() else 'cpu'
batch_size = 128
num_epoch = 100
z_dimension = 100
img_transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean=[0.5], std=[0.5])])
mnist = datasets.MNIST(root='./data/', train=True, transform=img_transform, download=True)
dataloader = torch.utils.data.DataLoader(dataset=mnist, batch_size=batch_size, shuffle=True)


class Discriminator(nn.Module):
    def __init__(self):
        super(Discriminator, self).__init__()
        self.dis = nn.Sequential(
            nn.Linear(784, 256),
            nn.LeakyReLU(0.2),
            nn.Linear(256, 256),
            nn.LeakyReLU(0.2),
            nn.Linear(256, 1),
            nn.Sigmoid()
        )

    def forward(self, x):
        x = self.dis(x)
        return x


class Generator(nn.Module):
    def __init__(self):
        super(Generator, self).__init__()
        self.gen = nn.Sequential(
            nn.Linear(100, 256),
            nn.ReLU(True),
            nn.Linear(256, 256),
            nn.ReLU(True),
            nn.Linear(256, 784),
            nn.Tanh()
        )

    def forward(self, x):
        x = self.gen(x)
        return x


D = Discriminator()
G = Generator()
D = D.to(device)
G = G.to(device)

criterion = nn.BCELoss()
d_optimizer = torch.optim.Adam(D.parameters(), lr=0.0003)
g_optimizer = torch.optim.Adam(G.parameters(), lr=0.0003)

for epoch in range(num_epoch):
    for i, (img, _) in enumerate(dataloader):
        for a in range(10):
            num_img = img.size(0)
            img = img.view(num_img, -1)
            real_img = img.to(device)
            real_label = torch.ones(num_img).to(device)
            fake_label = torch.zeros(num_img).to(device)

            real_out = D(real_img)
            d_loss_real = criterion(real_out, real_label)  # expect: LG005
            real_scores = real_out

            z = torch.randn(num_img, z_dimension).to(device)
            fake_img = G(z)
            fake_out = D(fake_img)
            d_loss_fake = criterion(fake_out, fake_label)  # expect: LG005
            fake_scores = fake_out

            d_loss = d_loss_real + d_loss_fake
            d_optimizer.zero_grad()
            d_loss.backward()
            d_optimizer.step()

        z = torch.randn(num_img, z_dimension).to(device)
        fake_img = G(z)
        output = D(fake_img).squeeze(1)
        g_loss = criterion(output, real_label)

        g_optimizer.zero_grad()
        g_loss.backward()
        g_optimizer.step()

        if (i + 1) % 100 == 0:
            print('Epoch[{}/{}],d_loss:{:.6f},g_loss:{:.6f} D real: {:.6f},D fake: {:.6f}'.format(
                epoch, num_epoch, d_loss.item(), g_loss.item(),
                torch.mean(real_scores).item(), torch.mean(fake_scores).item()))
        if epoch == 0:
            real_images = to_img(real_img.cpu().data)
            save_image(real_images, './img_gan/real_images.png')
        fake_images = to_img(fake_img.cpu().data)
        save_image(fake_images, './img_gan/fake_images-{}.png'.format(epoch + 1))

torch.save(G.state_dict(), './generator.pth')
torch.save(D.state_dict(), './discriminator.pth')
