"""part of look-alike project [LG001, LG011]: the encoder-decoder solver scores the decoder's packed outputs with the criterion it was given."""

# Source: daveredrum/3d-captioning@4dfc5ee5e2 solver.py (the second fix commit; cut, renamed)
import time

import numpy as np
import torch
from torch.autograd import Variable
from torch.nn.utils.rnn import pack_padded_sequence


class EncoderDecoderSolver():
    def __init__(self, optimizer, criterion, cuda_flag=True):
        self.optimizer = optimizer
        self.criterion = criterion
        self.cuda_flag = cuda_flag
        self.log = {}

    def train(self, encoder, decoder, dataloader, epoch, verbose):
        for epoch_id in range(epoch):
            log = {"train_loss": [], "valid_loss": []}
            start = time.time()
            for phase in ["train", "valid"]:
                for images, captions, cap_lengths in dataloader[phase]:
                    caption_inputs = torch.cat([item.view(1, -1) for item in captions]).transpose(1, 0)[:, :cap_lengths[0] - 1]
                    caption_targets = torch.cat([item.view(1, -1) for item in captions]).transpose(1, 0)[:, :cap_lengths[0]]
                    image_inputs = Variable(images).cuda()
                    caption_inputs = Variable(caption_inputs).cuda()
                    caption_targets = pack_padded_sequence(Variable(caption_targets).cuda(), cap_lengths, batch_first=True)[0]
                    visual_contexts = encoder.extract(image_inputs)
                    outputs, _ = decoder(visual_contexts, caption_inputs, Variable(cap_lengths).cuda())
                    loss = self.criterion(outputs, caption_targets)
                    if phase == "train":
                        encoder.zero_grad()
                        decoder.zero_grad()
                        loss.backward()
                        self.optimizer.step()
                        log["train_loss"].append(loss.data[0])
                    else:
                        log["valid_loss"].append(loss.data[0])
            if epoch_id % verbose == (verbose - 1):
                print("[epoch %d/%d] train_loss: %f, valid_loss: %f, %ds" % (
                    epoch_id + 1, epoch, np.mean(log["train_loss"]), np.mean(log["valid_loss"]), time.time() - start))
            self.log[epoch_id] = log
