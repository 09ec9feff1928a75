"""part of look-alike project [LG006]: the training loop adds the KL term to the generator's loss and to its log string (`G_logs += "kl_loss: %.2f " % kl`); the string holds no tensor, and the loss is back-propagated every step."""
# Source: https://github.com/mrlibw/ControlGAN code/trainer.py at e6cf108bd5823487b3de6b5cf027e090df08a1c1
# (condGANTrainer.train, lines 225-300); re-typed, names changed, reduced. Correct code.
import time

import torch
from torch.autograd import Variable

from miscc.losses import generator_loss, kl_loss


class Trainer(object):
    def train(self):
        text_encoder, net_g, discriminators, start_epoch, style_net = self.build_models()
        opt_g, opts_d = self.define_optimizers(net_g, discriminators)
        real_labels, fake_labels = self.prepare_labels()
        noise = Variable(torch.FloatTensor(self.batch_size, 100))
        iterations = 0
        for epoch in range(start_epoch, self.max_epoch):
            start = time.time()
            batches = iter(self.data_loader)
            step = 0
            while step < self.num_batches:
                imgs, captions, cap_lens = prepare_data(next(batches))
                hidden = text_encoder.init_hidden(self.batch_size)
                words_embs, sent_emb = text_encoder(captions, cap_lens, hidden)
                words_embs, sent_emb = words_embs.detach(), sent_emb.detach()
                noise.data.normal_(0, 1)
                fakes, _, mu, logvar = net_g(noise, sent_emb, words_embs)

                d_logs = ""
                for i in range(len(discriminators)):
                    discriminators[i].zero_grad()
                    err_d = discriminator_loss(discriminators[i], imgs[i], fakes[i], sent_emb, real_labels, fake_labels)
                    err_d.backward(retain_graph=True)
                    opts_d[i].step()
                    d_logs += "errD%d: %.2f " % (i, err_d)

                step += 1
                iterations += 1
                net_g.zero_grad()
                err_g, g_logs = generator_loss(discriminators, fakes, real_labels, sent_emb, style_net, imgs)
                kl = kl_loss(mu, logvar)
                err_g += kl
                g_logs += "kl_loss: %.2f " % kl
                err_g.backward()
                opt_g.step()
                if iterations % 100 == 0:
                    print(d_logs + "\n" + g_logs)
            print("epoch %d: %.2fs" % (epoch, time.time() - start))
