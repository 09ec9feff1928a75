"""part of positive project [LG010]: _train_batch resets the loss wrapper, hands it every decoder step's output and the next target token, back-propagates the sum and returns get_loss() (a float)."""
# Source: https://github.com/IBM/pytorch-seq2seq seq2seq/trainer/supervised_trainer.py at f146087a9a271e9b50f46561e090324764b081fb; re-typed, names changed, reduced (torchtext
# iteration, checkpoints and evaluation left out).
import random

import torch

from seq2seq.loss import NLLLoss


class SupervisedTrainer(object):
    def __init__(self, expt_dir="experiment", loss=NLLLoss(), batch_size=64, random_seed=None, checkpoint_every=100, print_every=100):
        if random_seed is not None:
            random.seed(random_seed)
            torch.manual_seed(random_seed)
        self.loss = loss
        self.optimizer = None
        self.checkpoint_every = checkpoint_every
        self.print_every = print_every
        self.batch_size = batch_size

    def _train_batch(self, input_variable, input_lengths, target_variable, model, teacher_forcing_ratio):
        loss = self.loss
        decoder_outputs, decoder_hidden, other = model(input_variable, input_lengths, target_variable,
                                                       teacher_forcing_ratio=teacher_forcing_ratio)
        loss.reset()
        for step, step_output in enumerate(decoder_outputs):
            batch_size = target_variable.size(0)
            loss.eval_batch(step_output.contiguous().view(batch_size, -1), target_variable[:, step + 1])
        model.zero_grad()
        loss.backward()
        self.optimizer.step()
        return loss.get_loss()

    def train(self, model, data, num_epochs=5, dev_data=None, optimizer=None, teacher_forcing_ratio=0):
        if optimizer is None:
            optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
        self.optimizer = optimizer
        step = 0
        for epoch in range(num_epochs):
            epoch_loss_total = 0
            model.train(True)
            for batch in data:
                step += 1
                input_variables, input_lengths = batch.src
                target_variables = batch.tgt
                loss = self._train_batch(input_variables, input_lengths.tolist(), target_variables, model, teacher_forcing_ratio)
                epoch_loss_total += loss
        return model
