"""part of positive project [LG009]: DER++ with CSCCT adds the CSCCT term to the replay losses once a second task starts and back-propagates the sum; observe returns loss.item()."""
# Source: aimagelab/mammoth at e75a491c (read as is), models/derpp_cscct.py; re-typed, identifiers renamed; the argument
# parser cut.
import torch
from torch.nn import functional as F

from models.cscct_utils.cscct_model import CscCtModel


class DarkReplayCscCt(CscCtModel):
    NAME = 'derpp_cscct'
    COMPATIBILITY = ['class-il', 'domain-il', 'task-il', 'general-continual']

    def __init__(self, backbone, loss, args, transform, dataset=None):
        super().__init__(backbone, loss, args, transform, dataset)

    def observe(self, inputs: torch.Tensor, labels: torch.Tensor, not_aug_inputs: torch.Tensor, epoch=None):
        self.opt.zero_grad()
        outputs = self.net(inputs)
        loss = self.loss(outputs, labels)
        if not self.buffer.is_empty():
            buf_x, _, buf_logits = self.buffer.get_data(self.args.minibatch_size, transform=self.transform)
            buf_out = self.net(buf_x)
            replay = self.args.alpha * F.mse_loss(buf_out, buf_logits)
            buf_x, buf_y, _ = self.buffer.get_data(self.args.minibatch_size, transform=self.transform)
            buf_out = self.net(buf_x)
            replay += self.args.beta * self.loss(buf_out, buf_y)
            loss += replay
            if self.current_task > 0 and self.args.csc_weight > 0 and self.args.ct_weight > 0:
                full_x = torch.cat([inputs, buf_x], dim=0)
                full_y = torch.cat([labels, buf_y], dim=0)
                loss += self.get_cscct_loss(full_x, full_y)
        loss.backward()
        self.opt.step()
        if self.args.buffer_size > 0:
            self.buffer.add_data(examples=not_aug_inputs, labels=labels, logits=outputs.data)
        return loss.item()
