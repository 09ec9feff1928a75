"""part of positive project [LG005]: the solver compares the (B, T, 80) input mels with the generator's (B, 1, T, 80) reconstructions in F.mse_loss, which broadcasts them to (B, B, T, 80); the code loss compares like shapes."""
# Source: auspicious3000/autovc@c1827a60e83e6d26030b8953843b2f7cf2bd36db solver_encoder.py (read as is; its issue #66; re-typed, identifiers renamed, the logging block shortened)
import datetime
import time

import torch
import torch.nn.functional as F

from model_vc import VoiceGenerator


class Solver(object):

    def __init__(self, vcc_loader, config):
        self.vcc_loader = vcc_loader
        self.lambda_cd = config.lambda_cd
        self.dim_neck = config.dim_neck
        self.dim_emb = config.dim_emb
        self.dim_pre = config.dim_pre
        self.freq = config.freq
        self.batch_size = config.batch_size
        self.num_iters = config.num_iters
        self.use_cuda = torch.cuda.is_available()
        self.device = torch.device('cuda:0' if self.use_cuda else 'cpu')
        self.log_step = config.log_step
        self.build_model()

    def build_model(self):
        self.G = VoiceGenerator(self.dim_neck, self.dim_emb, self.dim_pre, self.freq)
        self.g_optimizer = torch.optim.Adam(self.G.parameters(), 0.0001)
        self.G.to(self.device)

    def reset_grad(self):
        self.g_optimizer.zero_grad()

    def train(self):
        loader = self.vcc_loader
        keys = ['G/loss_id', 'G/loss_id_psnt', 'G/loss_cd']
        start = time.time()
        for i in range(self.num_iters):
            try:
                x_real, emb_org = next(data_iter)
            except:
                data_iter = iter(loader)
                x_real, emb_org = next(data_iter)
            x_real = x_real.to(self.device)
            emb_org = emb_org.to(self.device)

            self.G = self.G.train()
            x_identic, x_identic_psnt, code_real = self.G(x_real, emb_org, emb_org)
            g_loss_id = F.mse_loss(x_real, x_identic)  # expect: LG005
            g_loss_id_psnt = F.mse_loss(x_real, x_identic_psnt)  # expect: LG005
            code_reconst = self.G(x_identic_psnt, emb_org, None)
            g_loss_cd = F.l1_loss(code_real, code_reconst)

            g_loss = g_loss_id + g_loss_id_psnt + self.lambda_cd * g_loss_cd
            self.reset_grad()
            g_loss.backward()
            self.g_optimizer.step()

            loss = {}
            loss['G/loss_id'] = g_loss_id.item()
            loss['G/loss_id_psnt'] = g_loss_id_psnt.item()
            loss['G/loss_cd'] = g_loss_cd.item()
            if (i + 1) % self.log_step == 0:
                et = str(datetime.timedelta(seconds=time.time() - start))[:-7]
                log = "Elapsed [{}], Iteration [{}/{}]".format(et, i + 1, self.num_iters)
                for tag in keys:
                    log += ", {}: {:.4f}".format(tag, loss[tag])
                print(log)
