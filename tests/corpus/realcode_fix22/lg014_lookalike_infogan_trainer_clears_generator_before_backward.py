"""look-alike [LG014]: the same InfoGAN trainer at the fix commit: the generator optimizer is cleared after the discriminator's step, before the generator's loss is back-propagated."""

# Source: navneet-nmk/pytorch-rl@a6a3252785 models/infogan.py (the fix commit; cut, renamed)
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable
from torch.optim import Adam
from torch.utils.data import DataLoader


class InfoGANTrainer(object):
    def __init__(self, generator, critic, dataset, epochs, batch_size, gen_lr, critic_lr):
        self.generator = generator
        self.critic = critic
        self.dataset = dataset
        self.epochs = epochs
        self.batch_size = batch_size
        self.gen_optim = Adam(self.generator.parameters(), lr=gen_lr)
        self.critic_optim = Adam(self.critic.parameters(), lr=critic_lr)

    def loader(self):
        return DataLoader(self.dataset, batch_size=self.batch_size, shuffle=True)

    def losses(self):
        return nn.BCELoss(), nn.CrossEntropyLoss(), nn.MSELoss()

    def sample_codes(self, cat_code, cont_code, noise, bs):
        idx = np.random.randint(10, size=bs)
        one_hot = np.zeros((bs, 10))
        one_hot[range(bs), idx] = 1.0
        cat_code.data.copy_(torch.Tensor(one_hot))
        cont_code.data.uniform_(-1.0, 1.0)
        noise.data.uniform_(-1.0, 1.0)
        return torch.cat([noise, cat_code, cont_code], 1).view(-1, 128), idx

    def train(self):
        labels = Variable(torch.FloatTensor(self.batch_size))
        cat_code = Variable(torch.FloatTensor(self.batch_size, 10))
        cont_code = Variable(torch.FloatTensor(self.batch_size, 2))
        noise = Variable(torch.FloatTensor(self.batch_size, 116))
        adversarial, categorical, continuous = self.losses()
        for epoch in range(self.epochs):
            for step, batch in enumerate(self.loader()):
                self.critic_optim.zero_grad()
                images = Variable(batch["image"])
                bs = images.size(0)
                labels.data.resize_(bs)
                cat_code.data.resize_(bs, 10)
                cont_code.data.resize_(bs, 2)
                noise.data.resize_(bs, 116)

                real_score, _, _ = self.critic(images)
                labels.data.fill_(1)
                loss_real = adversarial(real_score, labels)
                loss_real.backward()

                z, idx = self.sample_codes(cat_code, cont_code, noise, bs)
                fake = self.generator(z)
                fake_score, _, _ = self.critic(fake.detach())
                labels.data.fill_(0)
                loss_fake = adversarial(fake_score, labels)
                loss_fake.backward()
                critic_loss = loss_real + loss_fake
                self.critic_optim.step()

                fake_score, cat_logits, cont_pred = self.critic(fake)
                labels.data.fill_(1.0)
                fool_loss = adversarial(fake_score, labels)
                target = Variable(torch.LongTensor(idx))
                code_loss = continuous(cont_pred, cont_code) * 0.1 + categorical(cat_logits, target)
                gen_loss = fool_loss + code_loss
                self.gen_optim.zero_grad()
                gen_loss.backward()
                self.gen_optim.step()

                if step % 100 == 0:
                    print(epoch, step, critic_loss.data.cpu().numpy(), gen_loss.data.cpu().numpy())
