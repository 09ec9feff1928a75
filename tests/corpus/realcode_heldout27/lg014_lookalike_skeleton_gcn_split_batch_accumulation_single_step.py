"""look-alike [LG006, LG013, LG014, LG015]: a skeleton action-recognition processor clears the optimizer once per batch, splits the batch into forward_batch_size chunks, back-propagates each chunk's cross-entropy divided by the number of splits (through apex amp with --half), keeps loss.item() values, and steps once per batch; labels are cast with .long() under no_grad."""
# Source: kenziyuliu/MS-G3D at 2f927f47, main.py (Processor.load_model, load_optimizer and train); re-typed,
# identifiers renamed; the argument parser, the weight loading, evaluation, checkpointing and timing shortened.
# import_class and count_params are defined in the repository's utils (not included).
from collections import defaultdict

import apex
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from tqdm import tqdm

from utils import count_params, import_class


class Processor():
    def __init__(self, arg):
        self.arg = arg
        self.global_step = 0
        self.load_model()
        self.load_param_groups()
        self.load_optimizer()
        if self.arg.half:
            self.model, self.optimizer = apex.amp.initialize(self.model, self.optimizer,
                                                             opt_level=f'O{self.arg.amp_opt_level}')

    def load_model(self):
        output_device = self.arg.device[0] if type(self.arg.device) is list else self.arg.device
        self.output_device = output_device
        Model = import_class(self.arg.model)
        self.model = Model(**self.arg.model_args).cuda(output_device)
        self.loss = nn.CrossEntropyLoss().cuda(output_device)
        print(f'Model total number of params: {count_params(self.model)}')

    def load_param_groups(self):
        self.param_groups = defaultdict(list)
        for name, params in self.model.named_parameters():
            self.param_groups['other'].append(params)
        self.optim_param_groups = {'other': {'params': self.param_groups['other']}}

    def load_optimizer(self):
        params = list(self.optim_param_groups.values())
        if self.arg.optimizer == 'SGD':
            self.optimizer = optim.SGD(params, lr=self.arg.base_lr, momentum=0.9, nesterov=self.arg.nesterov,
                                       weight_decay=self.arg.weight_decay)
        elif self.arg.optimizer == 'Adam':
            self.optimizer = optim.Adam(params, lr=self.arg.base_lr, weight_decay=self.arg.weight_decay)
        else:
            raise ValueError('Unsupported optimizer: {}'.format(self.arg.optimizer))

    def train(self, epoch, loader):
        self.model.train()
        loss_values = []
        process = tqdm(loader, dynamic_ncols=True)
        for batch_idx, (data, label, index) in enumerate(process):
            self.global_step += 1
            with torch.no_grad():
                data = data.float().cuda(self.output_device)
                label = label.long().cuda(self.output_device)
            self.optimizer.zero_grad()
            real_batch_size = self.arg.forward_batch_size
            splits = len(data) // real_batch_size
            assert len(data) % real_batch_size == 0, 'Real batch size should be a factor of arg.batch_size!'
            for i in range(splits):
                left = i * real_batch_size
                right = left + real_batch_size
                batch_data, batch_label = data[left:right], label[left:right]
                output = self.model(batch_data)
                if isinstance(output, tuple):
                    output, l1 = output
                    l1 = l1.mean()
                else:
                    l1 = 0
                loss = self.loss(output, batch_label) / splits
                if self.arg.half:
                    with apex.amp.scale_loss(loss, self.optimizer) as scaled_loss:
                        scaled_loss.backward()
                else:
                    loss.backward()
                loss_values.append(loss.item())
                process.set_description(f'(BS {real_batch_size}) loss: {loss.item():.4f}')
                value, predict_label = torch.max(output, 1)
                acc = torch.mean((predict_label == batch_label).float())
            self.optimizer.step()
            self.lr = self.optimizer.param_groups[0]['lr']
            del output
            del loss
        mean_loss = np.mean(loss_values)
        print(f'\tMean training loss: {mean_loss:.4f}.')
        return mean_loss
