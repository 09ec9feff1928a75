"""part of look-alike project [LG006]: each generator step back-propagates the sum of the G_losses dict."""
# Source: NVlabs/SPADE@fecacc920c1367a038995c45a39c15f6521ca64f trainers/pix2pix_trainer.py, with the epoch loop of train.py as train(); re-typed,
# reduced (DataParallel, the discriminator step and the visualizer left out).
from models.pix2pix_model import Pix2PixModel


class Pix2PixTrainer:
    def __init__(self, opt):
        self.opt = opt
        self.pix2pix_model = Pix2PixModel(opt)
        self.optimizer_G, self.optimizer_D = self.pix2pix_model.create_optimizers(opt)

    def run_generator_one_step(self, data):
        self.optimizer_G.zero_grad()
        g_losses, generated = self.pix2pix_model(data, mode="generator")
        g_loss = sum(g_losses.values()).mean()
        g_loss.backward()
        self.optimizer_G.step()
        self.g_losses = g_losses
        self.generated = generated


def train(opt, dataloader):
    trainer = Pix2PixTrainer(opt)
    for epoch in range(opt.niter):
        for i, data_i in enumerate(dataloader):
            trainer.run_generator_one_step(data_i)
