"""part of look-alike project [LG012, LG014, LG006]: the train runner builds the criterion from config, clears the gradients every batch and logs loss.item()."""
# Source: Media-Smart/vedastr at f3844604, vedastr/runners/train_runner.py; re-typed, identifiers renamed; validation,
# checkpointing and the epoch/iteration driver cut.
import torch

from ..criteria import build_criterion
from .inference_runner import InferenceRunner


class TrainRunner(InferenceRunner):
    def __init__(self, train_cfg, deploy_cfg, common_cfg=None):
        super(TrainRunner, self).__init__(deploy_cfg, common_cfg)
        self.criterion = build_criterion(train_cfg['criterion'])
        self.optimizer = self._build_optimizer(train_cfg['optimizer'])
        self.grad_clip = train_cfg['grad_clip']
        self.log_interval = train_cfg.get('log_interval', 10)

    def _train_batch(self, img, label):
        self.model.train()
        self.optimizer.zero_grad()
        label_input, label_len, label_target = self.converter.train_encode(label)
        if self.use_gpu:
            img = img.cuda()
            label_input = label_input.cuda()
        if self.need_text:
            pred = self.model((img, label_input))
        else:
            pred = self.model((img,))
        loss = self.criterion(pred, label_target, label_len, img.shape[0])
        loss.backward()
        if self.grad_clip != 0:
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), self.grad_clip)
        self.optimizer.step()

        with torch.no_grad():
            pred, prob = self.postprocess(pred)
            self.metric.measure(pred, prob, label)

        if self.iter != 0 and self.iter % self.log_interval == 0:
            self.logger.info('Train, Epoch %d, Iter %d, Loss %.4f' % (self.epoch, self.iter, loss.item()))
