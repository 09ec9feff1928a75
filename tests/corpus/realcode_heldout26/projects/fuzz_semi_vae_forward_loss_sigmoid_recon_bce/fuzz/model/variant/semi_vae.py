"""part of positive project [LG016]: the semi-supervised VAE computes its own loss in forward and stores it on self.loss: the reconstruction term applies torch.sigmoid to the decoder output (and to the input, as a soft target) right before F.binary_cross_entropy; the class head is trained with cross entropy on its raw logits."""
# Source: zhuofupan/Pytorch-Deep-Neural-Networks at 99cedf9b (read as is), fuzz/model/variant/semi_vae.py;
# re-typed, identifiers renamed; the Chinese comments dropped, the defaults dictionary kept.
import torch
import torch.nn as nn

from fuzz import VAE, Module


class Semi_VAE(VAE):
    def __init__(self, **kwargs):
        default = {'decoder_struct': None, 'decoder_func': None, 'n_category': None, 'dropout': 0.0,
                   'exec_dropout': ['h', None], 'alf_r': 1e-2, 'alf_sup': 0.1, 'lr': 1e-3}
        for key in default.keys():
            if key not in kwargs:
                kwargs[key] = default[key]
        self._name = 'Semi_VAE'
        Module.__init__(self, **kwargs)
        self.qx_in = self.Sequential(struct=self.struct[:2], hidden_func=self.hidden_func)
        self.qy_in = self.Sequential(struct=[self.n_category, self.struct[1]], hidden_func=self.hidden_func)
        self.Q = self.Sequential(struct=self.struct[1:-1], hidden_func=self.hidden_func[1:], dropout=self.exec_dropout[0])
        self.z_mu = self.Sequential(struct=self.struct[-2:], hidden_func='a')
        self.z_logvar = self.Sequential(struct=self.struct[-2:], hidden_func='a')
        self.qy_out = self.Sequential(struct=[self.struct[-2], self.n_category], hidden_func='a')
        self.check_decoder()
        self.pz_in = self.Sequential(struct=self.decoder_struct[:2], hidden_func=self.decoder_func)
        self.py_in = self.Sequential(struct=[self.n_category, self.decoder_struct[1]], hidden_func=self.decoder_func)
        self.P = self.Sequential(struct=self.decoder_struct[1:], hidden_func=self.decoder_func[1:], dropout=self.exec_dropout[1])
        self.opt()

    def forward(self, x):
        u_h = self.qx_in(x)
        if self._target is not None:
            l_h = u_h + self.qy_in(self._target)
            l_h = self.Q(l_h)
        u_h = self.Q(u_h)
        h = l_h if self._target is not None else u_h
        z_mu, z_logvar = self.z_mu(h), self.z_logvar(h)
        z = self.sample_z(z_mu, z_logvar)
        y_logits = self.qy_out(u_h)
        y_pre = torch.softmax(y_logits, dim=1)
        y = self._target if self._target is not None else y_pre
        ph = self.pz_in(z) + self.py_in(y)
        recon = self.P(ph)
        recon_loss = nn.functional.binary_cross_entropy(torch.sigmoid(recon), torch.sigmoid(x), reduction='sum') / x.size(0)  # expect: LG016
        kl_loss = torch.mean(torch.sum(torch.exp(z_logvar) + z_mu ** 2 - 1. - z_logvar, 1) / 2)
        self.loss = self.alf_r * recon_loss + kl_loss
        if self._target is not None:
            sup_loss = nn.functional.cross_entropy(y_logits, torch.argmax(self._target, 1).long())
            self.loss += self.alf_sup * sup_loss
        return y_pre
