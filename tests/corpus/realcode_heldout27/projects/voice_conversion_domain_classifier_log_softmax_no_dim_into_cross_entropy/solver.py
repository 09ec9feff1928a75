"""part of positive project [LG001, LG011]: the solver's classifier update feeds the classifier's log-probabilities to nn.CrossEntropyLoss, which applies log_softmax again (the same loss and gradients, wasted work), clears the optimizers through reset_grad (the generator and discriminator optimizers it also clears are cut) and steps the classifier's."""
# Source: hujinsen/pytorch-StarGAN-VC at d6fbdba7, solver.py (Solver.__init__, build_model, reset_grad, train); re-typed, identifiers renamed; the
# discriminator and generator updates of the same iteration (which feed the classifier's output of fake and real
# frames to the same CrossEntropyLoss), the learning-rate decay, logging, sampling and conversion cut.
import torch
import torch.nn as nn

from model import DomainClassifier


class Solver(object):
    def __init__(self, data_loader, config):
        self.data_loader = data_loader
        self.num_iters = config.num_iters
        self.c_lr = config.c_lr
        self.beta1 = config.beta1
        self.beta2 = config.beta2
        self.log_step = config.log_step
        self.device = torch.device('cuda:0' if torch.cuda.is_available() else 'cpu')
        self.build_model()

    def build_model(self):
        self.C = DomainClassifier()
        self.c_optimizer = torch.optim.Adam(self.C.parameters(), self.c_lr, [self.beta1, self.beta2])
        self.C.to(self.device)

    def reset_grad(self):
        self.c_optimizer.zero_grad()

    def train(self):
        data_iter = iter(self.data_loader)
        for i in range(0, self.num_iters):
            try:
                x_real, speaker_idx_org, label_org = next(data_iter)
            except:
                data_iter = iter(self.data_loader)
                x_real, speaker_idx_org, label_org = next(data_iter)
            x_real = x_real.to(self.device)
            speaker_idx_org = speaker_idx_org.to(self.device)

            CELoss = nn.CrossEntropyLoss()
            cls_real = self.C(x_real)
            cls_loss_real = CELoss(input=cls_real, target=speaker_idx_org)  # expect: LG001
            self.reset_grad()
            cls_loss_real.backward()
            self.c_optimizer.step()
            loss = {}
            loss['C/C_loss'] = cls_loss_real.item()
            if (i + 1) % self.log_step == 0:
                print('Iteration [{}/{}], {}'.format(i + 1, self.num_iters, loss))
