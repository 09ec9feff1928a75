"""part of positive project [LG004]: real_label = 1 and fake_label = 0 are Python ints, so torch.full((batch_size,), real_label) builds an int64 label tensor (torch >= 1.7) and label.fill_(...) keeps it int64; nn.BCELoss gets that integer target for the real, the fake and the generator's terms."""
# Source: iArunava/DCGAN at 159c4122, train.py; re-typed, identifiers renamed; the dataset download branches, the checkpoint saving and
# the sample saving shortened.
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

from models.Discriminator import Discriminator
from models.Generator import Generator
from utils import init_weight


def train(FLAGS):
    p_every = FLAGS.p_every
    epochs = FLAGS.epochs
    z_size = FLAGS.zsize
    batch_size = FLAGS.batch_size
    transform = transforms.Compose([transforms.Resize((FLAGS.resize_height, FLAGS.resize_width)),
                                    transforms.ToTensor(),
                                    transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))])
    train_data = datasets.ImageFolder(FLAGS.dataset_path, transform=transform)
    trainloader = DataLoader(train_data, batch_size=batch_size, shuffle=True)

    dis = Discriminator(64)
    gen = Generator()
    dis.apply(init_weight)
    gen.apply(init_weight)
    criterion = nn.BCELoss()
    d_opt = optim.Adam(dis.parameters(), lr=FLAGS.dlr, betas=(FLAGS.beta1, FLAGS.beta2))
    g_opt = optim.Adam(gen.parameters(), lr=FLAGS.glr, betas=(FLAGS.beta1, FLAGS.beta2))
    device = torch.device('cuda') if torch.cuda.is_available() else torch.device('cpu')
    train_losses = []
    dis.to(device)
    gen.to(device)

    real_label = 1
    fake_label = 0

    for e in range(epochs):
        td_loss = 0
        tg_loss = 0
        for batch_i, (real_images, _) in enumerate(trainloader):
            real_images = real_images.to(device)
            batch_size = real_images.size(0)

            d_opt.zero_grad()
            d_real = dis(real_images)
            label = torch.full((batch_size,), real_label, device=device)
            r_loss = criterion(d_real, label)  # expect: LG004
            r_loss.backward()
            z = torch.randn(batch_size, z_size, 1, 1, device=device)
            fake_images = gen(z)
            label.fill_(fake_label)
            d_fake = dis(fake_images.detach())
            f_loss = criterion(d_fake, label)  # expect: LG004
            f_loss.backward()
            d_loss = r_loss + f_loss
            d_opt.step()

            g_opt.zero_grad()
            label.fill_(real_label)
            d_fake2 = dis(fake_images)
            g_loss = criterion(d_fake2, label)  # expect: LG004
            g_loss.backward()
            g_opt.step()

            if batch_i % p_every == 0:
                print('Epoch [{:5d} / {:5d}] | d_loss: {:6.4f} | g_loss: {:6.4f}'.format(e + 1, epochs, d_loss, g_loss))
        train_losses.append([td_loss, tg_loss])
    print('[INFO] Training Completed successfully!')
