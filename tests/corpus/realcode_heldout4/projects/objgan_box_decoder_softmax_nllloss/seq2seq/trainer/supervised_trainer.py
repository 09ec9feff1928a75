"""part of positive project [LG007, LG010, LG011]: _train_batch resets the label loss, hands every decoder step's output to lloss.eval_batch, back-propagates the sum and returns .item() values."""
# Source: https://github.com/jamesli1618/Obj-GAN box_generation/seq2seq/trainer/supervised_trainer.py at 44b442ff1a1588bcf7c4855aaca2e6a4c26b10ed; re-typed, names changed,
# reduced (checkpoints, evaluation, printing and the accuracy statistics left out).
import random

import torch
from torch import optim

from seq2seq.loss import BBLoss, Perplexity


class SupervisedTrainer(object):
    def __init__(self, lloss=None, bloss=None, batch_size=64, random_seed=None, print_every=1, label_lang=None):
        if random_seed is not None:
            random.seed(random_seed)
            torch.manual_seed(random_seed)
        self.lloss = lloss
        self.bloss = bloss
        self.optimizer = None
        self.print_every = print_every
        self.batch_size = batch_size
        self.label_lang = label_lang

    def _train_batch(self, input_variable, input_lengths, target_l_variables, target_x_variables, target_y_variables,
                     encoder, decoder, is_training, batch_step):
        lloss = self.lloss
        bloss = self.bloss
        encoder_outputs, encoder_hidden = encoder(input_variable, input_lengths)
        encoder_outputs = encoder_outputs.detach()
        encoder_hidden = tuple([h.detach() for h in encoder_hidden])
        decoder_outputs, xy_gmm_params, decoder_hidden, other = decoder(
            encoder_hidden, encoder_outputs, target_l_variables, is_training=is_training)

        lloss.reset()
        bloss.reset()
        for step, step_output in enumerate(decoder_outputs):
            batch_size = target_l_variables.size(0)
            target_l = target_l_variables[:, step + 1]
            lloss.eval_batch(step_output.contiguous().view(batch_size, -1), target_l)
            bloss.eval_batch(xy_gmm_params[step], None, target_x_variables[:, step + 1],
                             target_y_variables[:, step + 1], None, None, target_l)

        cur_lloss = lloss.get_loss()
        cur_bloss = bloss.get_loss()
        loss = cur_lloss + cur_bloss
        decoder.zero_grad()
        loss.backward()
        self.optimizer.step()
        return cur_lloss.item(), cur_bloss.item()

    def train(self, encoder, decoder, data, num_epochs=5, is_training=0):
        self.optimizer = optim.Adam(decoder.parameters(), lr=0.001)
        step = 0
        for epoch in range(num_epochs):
            decoder.train(True)
            epoch_loss_total = 0
            for batch in data:
                step += 1
                inputs, lengths, target_l, target_x, target_y = batch
                l_loss, b_loss = self._train_batch(inputs, lengths, target_l, target_x, target_y,
                                                   encoder, decoder, is_training, step)
                epoch_loss_total += l_loss + b_loss
        return decoder
