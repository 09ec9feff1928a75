"""part of look-alike project [LG005, LG006, LG014]: Exp_Basic builds self.model through the subclass's _build_model and moves it to the device."""
# Source: thuml/Autoformer@51c7d416ae120b805fd5beef2f4ccf7de496a6ff exp/exp_basic.py (re-typed; the empty placeholder methods left out)
import os
import torch


class Exp_Basic(object):
    def __init__(self, args):
        self.args = args
        self.device = self._acquire_device()
        self.model = self._build_model().to(self.device)

    def _build_model(self):
        raise NotImplementedError

    def _acquire_device(self):
        if self.args.use_gpu:
            os.environ["CUDA_VISIBLE_DEVICES"] = str(self.args.gpu) if not self.args.use_multi_gpu else self.args.devices
            return torch.device('cuda:{}'.format(self.args.gpu))
        return torch.device('cpu')
