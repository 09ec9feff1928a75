"""part of positive project [LG007]: the multiclass test trains the module with a head that ends in Softmax(dim=1) and NLLLoss (the fix ends the head in LogSoftmax(dim=1))."""

# Source: dllllb/pytorch-lifestream@a006ebe98f ptls_tests/test_seq_to_target.py, fixed in 3b0a5e751b (cut, renamed)
from functools import partial

import pytorch_lightning as pl
import torch
import torchmetrics

from seqlib.seq_encoder.rnn_encoder import RnnSeqEncoder
from seqlib.seq_to_target import SequenceToTarget
from seqlib.trx_encoder import TrxEncoder

from .test_data_load import RandomEventData


def get_rnn_params():
    return dict(
        seq_encoder=RnnSeqEncoder(
            trx_encoder=TrxEncoder(norm_embeddings=False, embeddings_noise=0.1),
            hidden_size=16,
            type='gru',
        ),
        optimizer_partial=partial(torch.optim.Adam, lr=0.004),
        scheduler_partial=partial(torch.optim.lr_scheduler.StepLR, step_size=10, gamma=0.8),
    )


def test_train_loop_rnn_multi_classification():
    model = SequenceToTarget(
        head=torch.nn.Sequential(
            torch.nn.Linear(16, 4),
            torch.nn.Softmax(dim=1),
        ),
        loss=torch.nn.NLLLoss(),
        metric_list=[
            torchmetrics.AUROC(num_classes=4, compute_on_step=False),
            torchmetrics.Accuracy(compute_on_step=False),
        ],
        **get_rnn_params(),
    )
    dl = RandomEventData(None, target_type='multi_cls')
    trainer = pl.Trainer(max_epochs=1, logger=None, checkpoint_callback=False)
    trainer.fit(model, dl)


def test_train_loop_rnn_regression():
    model = SequenceToTarget(
        head=torch.nn.Sequential(
            torch.nn.Linear(16, 1),
            torch.nn.Flatten(start_dim=0),
        ),
        loss=torch.nn.MSELoss(),
        metric_list=torchmetrics.MeanSquaredError(compute_on_step=False, squared=False),
        **get_rnn_params(),
    )
    dl = RandomEventData(None, target_type='regression')
    trainer = pl.Trainer(max_epochs=1, logger=None, checkpoint_callback=False)
    trainer.fit(model, dl)
