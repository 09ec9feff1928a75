"""look-alike [LG007, LG013, LG001]: the federated-learning library's sample model wraps a two-layer network whose forward returns F.log_softmax(y, 1); fl_forward scores it with F.nll_loss against labels built with dtype=torch.long, and scales the loss in place before returning it in the batch metrics."""
# Source: facebookresearch/FLSim at 7311f2db (read as is), flsim/utils/sample_model.py; re-typed, identifiers renamed;
# the linear and mock models cut.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor

from flsim.interfaces.model import IFLModel
from flsim.utils.simple_batch_metrics import FLBatchMetrics


class TestDataSetting:
    NUM_SHARDS = 10
    SHARDING_COL_INDEX = 2
    TEXT_COL_NAME = "text"
    LABEL_COL_NAME = "label"
    USER_ID_COL_NAME = "user_id"


class TinyNet(nn.Module):
    def __init__(self, d_in, hidden, d_out):
        super(TinyNet, self).__init__()
        self.l1 = nn.Linear(d_in, hidden)
        self.l2 = nn.Linear(hidden, d_out)

    def forward(self, x) -> Tensor:
        h = F.relu(self.l1(x))
        y = self.l2(h)
        return F.log_softmax(y, 1)


class AlphabetModel(IFLModel):
    def __init__(self, emb_size: int = 10, hidden: int = 8, use_cuda_if_available: bool = False) -> None:
        self.model = TinyNet(emb_size, hidden, 2)
        self.table = torch.rand(26, emb_size)
        self.use_cuda_if_available = use_cuda_if_available

    def fl_forward(self, batch) -> FLBatchMetrics:
        text = batch[TestDataSetting.TEXT_COL_NAME]
        raw_label = batch[TestDataSetting.LABEL_COL_NAME]
        label = torch.tensor(raw_label.view(-1), dtype=torch.long)
        emb = self.table[text, :]
        if self.use_cuda_if_available:
            emb = emb.cuda()
        out = self.model(emb)
        if self.use_cuda_if_available:
            out, raw_label, label = out.cuda(), batch[TestDataSetting.LABEL_COL_NAME].cuda(), label.cuda()
        loss = F.nll_loss(out, label)
        # a large loss keeps the gradients large for the unit tests
        loss.mul_(100.0)
        return FLBatchMetrics(loss=loss, num_examples=len(batch[TestDataSetting.LABEL_COL_NAME]), predictions=out,
                            targets=raw_label, model_inputs=emb)

    def fl_create_training_batch(self, **kwargs):
        return kwargs.get("batch", None)

    def fl_get_module(self) -> nn.Module:
        return self.model

    def fl_cuda(self) -> None:
        self.model = self.model.cuda()

    def get_eval_metrics(self, batch) -> FLBatchMetrics:
        with torch.no_grad():
            return self.fl_forward(batch)

    def get_num_examples(self, batch) -> int:
        return len(batch[TestDataSetting.LABEL_COL_NAME])

