"""part of positive project [LG016]: the trainer calls the model_fn it is given for every batch: zero_grad, the (loss, tb_dict, disp_dict) tuple, backward, gradient clipping, step; loss.item() is returned."""
# Source: sshaoshuai/PointRCNN at 1d0dee91 (read as is), tools/train_utils/train_utils.py;
# re-typed, identifiers renamed; checkpointing, lr/bnm schedulers, the epoch loop and evaluation shortened.
import tqdm
from torch.nn.utils import clip_grad_norm_


class Trainer(object):
    def __init__(self, model, model_fn, optimizer, model_fn_eval=None, grad_norm_clip=1.0):
        self.model, self.model_fn, self.optimizer, self.model_fn_eval = model, model_fn, optimizer, model_fn_eval
        self.grad_norm_clip = grad_norm_clip

    def _train_it(self, batch):
        self.model.train()
        self.optimizer.zero_grad()
        loss, tb_dict, disp_dict = self.model_fn(self.model, batch)
        loss.backward()
        clip_grad_norm_(self.model.parameters(), self.grad_norm_clip)
        self.optimizer.step()
        return loss.item(), tb_dict, disp_dict

    def train(self, start_epoch, n_epochs, train_loader):
        for epoch in range(start_epoch, n_epochs):
            for cur_it, batch in enumerate(tqdm.tqdm(train_loader, leave=False, desc='train')):
                loss, tb_dict, disp_dict = self._train_it(batch)
