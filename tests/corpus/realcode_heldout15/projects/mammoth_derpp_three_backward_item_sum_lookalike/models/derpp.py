"""part of look-alike project [LG006, LG014, LG005]: DER++ clears the gradients once, back-propagates the stream loss and two replay losses one by one, steps once, and returns the sum of their .item() values."""
# Source: aimagelab/mammoth at 6b4ce105 ("optimize memory occupation for der and derpp", which splits the summed loss into
# three backward calls), models/derpp.py; re-typed, identifiers renamed; the argument parser cut.
from torch.nn import functional as F

from models.utils.continual_model import ContinualModel
from utils.buffer import Buffer


class DarkReplayPP(ContinualModel):
    NAME = 'derpp'
    COMPATIBILITY = ['class-il', 'domain-il', 'task-il', 'general-continual']

    def __init__(self, backbone, loss, args, transform):
        super(DarkReplayPP, self).__init__(backbone, loss, args, transform)
        self.buffer = Buffer(self.args.buffer_size)

    def observe(self, inputs, labels, not_aug_inputs, epoch=None):
        self.opt.zero_grad()
        total = 0

        outputs = self.net(inputs)
        loss = self.loss(outputs, labels)
        total += loss.item()
        loss.backward()

        if not self.buffer.is_empty():
            buf_x, _, buf_logits = self.buffer.get_data(self.args.minibatch_size, transform=self.transform, device=self.device)
            buf_out = self.net(buf_x)
            loss = self.args.alpha * F.mse_loss(buf_out, buf_logits)
            total += loss.item()
            loss.backward()

            buf_x, buf_y, _ = self.buffer.get_data(self.args.minibatch_size, transform=self.transform, device=self.device)
            buf_out = self.net(buf_x)
            loss = self.args.beta * self.loss(buf_out, buf_y)
            total += loss.item()
            loss.backward()

        self.opt.step()
        self.buffer.add_data(examples=not_aug_inputs, labels=labels, logits=outputs.data)
        return total
