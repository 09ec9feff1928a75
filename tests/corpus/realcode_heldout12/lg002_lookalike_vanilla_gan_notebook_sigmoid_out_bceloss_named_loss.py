"""look-alike [LG002, LG005, LG006, LG014]: a Vanilla-GAN notebook: the discriminator's last nn.Sequential ends in torch.nn.Sigmoid(), the global criterion is nn.BCELoss() stored under the name `loss`, targets are (N, 1) ones/zeros, each player's function clears its optimizer first, and the returned errors go to a logger."""
# Source: diegoalejogm/gans@4924f07155dadc1e422520fc4a1cb925db6d1a9f "1. Vanilla GAN PyTorch.ipynb" (read as is; the .py text of the code cells, magics and the display calls left out; re-typed, identifiers renamed, the generator's hidden layers shortened)
import torch
from torch import nn, optim
from torch.autograd.variable import Variable
from torchvision import transforms, datasets

from utils import Logger

DATA_FOLDER = './torch_data/VGAN/MNIST'


def mnist_data():
    compose = transforms.Compose([transforms.ToTensor(), transforms.Normalize([0.5], [0.5])])
    return datasets.MNIST(root='{}/dataset'.format(DATA_FOLDER), train=True, transform=compose, download=True)


data = mnist_data()
data_loader = torch.utils.data.DataLoader(data, batch_size=100, shuffle=True)
num_batches = len(data_loader)


class Critic(torch.nn.Module):
    def __init__(self):
        super(Critic, self).__init__()
        self.h0 = nn.Sequential(nn.Linear(784, 1024), nn.LeakyReLU(0.2), nn.Dropout(0.3))
        self.h1 = nn.Sequential(nn.Linear(1024, 512), nn.LeakyReLU(0.2), nn.Dropout(0.3))
        self.h2 = nn.Sequential(nn.Linear(512, 256), nn.LeakyReLU(0.2), nn.Dropout(0.3))
        self.out = nn.Sequential(
            torch.nn.Linear(256, 1),
            torch.nn.Sigmoid()
        )

    def forward(self, x):
        x = self.h0(x)
        x = self.h1(x)
        x = self.h2(x)
        x = self.out(x)
        return x


def flatten_images(images):
    return images.view(images.size(0), 784)


def unflatten_vectors(vectors):
    return vectors.view(vectors.size(0), 1, 28, 28)


class Maker(torch.nn.Module):
    def __init__(self):
        super(Maker, self).__init__()
        self.body = nn.Sequential(nn.Linear(100, 256), nn.LeakyReLU(0.2), nn.Linear(256, 1024), nn.LeakyReLU(0.2))
        self.out = nn.Sequential(nn.Linear(1024, 784), nn.Tanh())

    def forward(self, x):
        return self.out(self.body(x))


def noise(size):
    n = Variable(torch.randn(size, 100))
    if torch.cuda.is_available():
        return n.cuda()
    return n


critic = Critic()
maker = Maker()
if torch.cuda.is_available():
    critic.cuda()
    maker.cuda()

c_optimizer = optim.Adam(critic.parameters(), lr=0.0002)
m_optimizer = optim.Adam(maker.parameters(), lr=0.0002)

loss = nn.BCELoss()

num_epochs = 200


def ones_target(size):
    t = Variable(torch.ones(size, 1))
    if torch.cuda.is_available():
        return t.cuda()
    return t


def zeros_target(size):
    t = Variable(torch.zeros(size, 1))
    if torch.cuda.is_available():
        return t.cuda()
    return t


def train_critic(optimizer, real, fake):
    optimizer.zero_grad()
    pred_real = critic(real)
    err_real = loss(pred_real, ones_target(real.size(0)))
    err_real.backward()
    pred_fake = critic(fake)
    err_fake = loss(pred_fake, zeros_target(real.size(0)))
    err_fake.backward()
    optimizer.step()
    return err_real + err_fake, pred_real, pred_fake


def train_maker(optimizer, fake):
    optimizer.zero_grad()
    pred = critic(fake)
    err = loss(pred, ones_target(pred.size(0)))
    err.backward()
    optimizer.step()
    return err


num_test_samples = 16
test_noise = noise(num_test_samples)

logger = Logger(model_name='VGAN', data_name='MNIST')

for epoch in range(num_epochs):
    for n_batch, (real_batch, _) in enumerate(data_loader):
        real = Variable(flatten_images(real_batch))
        if torch.cuda.is_available():
            real = real.cuda()
        fake = maker(noise(real.size(0))).detach()
        c_error, c_pred_real, c_pred_fake = train_critic(c_optimizer, real, fake)

        fake = maker(noise(real_batch.size(0)))
        m_error = train_maker(m_optimizer, fake)
        logger.log(c_error, m_error, epoch, n_batch, num_batches)

        if n_batch % 100 == 0:
            test_images = unflatten_vectors(maker(test_noise)).data.cpu()
            logger.log_images(test_images, num_test_samples, epoch, n_batch, num_batches)
            logger.display_status(epoch, num_epochs, n_batch, num_batches, c_error, m_error, c_pred_real, c_pred_fake)
        logger.save_models(maker, critic, epoch)
