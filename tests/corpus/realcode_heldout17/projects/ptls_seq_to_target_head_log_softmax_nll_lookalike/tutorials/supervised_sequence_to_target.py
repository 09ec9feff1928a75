"""part of look-alike project [LG007, LG001, LG011]: the tutorial builds the head with objective="classification" and num_classes=4 (LogSoftmax(dim=1)), trains it with torch.nn.NLLLoss() against torch.long targets, and for inference appends torch.nn.Softmax(dim=1) to the trained module (the softmax of log-probabilities gives the probabilities back)."""
# Source: pytorch-lifestream/pytorch-lifestream at 73a7a549 (read as is), tutorials/notebooks/supervised-sequence-to-target.ipynb;
# the code cells concerned (19 to 33), re-typed, identifiers renamed; the data download and preprocessing cells cut
# (their results, the dataset objects, stay undefined as in a cut notebook).
from functools import partial

import pandas as pd
import pytorch_lightning as pl
import torch
import torchmetrics

from ptls.data_load.datasets import MemoryMapDataset
from ptls.data_load.utils import collate_feature_dict
from ptls.frames import PtlsDataModule
from ptls.frames.inference_module import InferenceModule
from ptls.frames.supervised import SequenceToTarget
from ptls.frames.supervised.seq_to_target_dataset import SeqToTargetDataset
from ptls.nn import Head, RnnSeqEncoder, TrxEncoder

# ---- cell 19
encoder = RnnSeqEncoder(
    trx_encoder=TrxEncoder(embeddings={"small_group": {"in": 150, "out": 32}},
                           numeric_values={"amount_rur": "log"}, embeddings_noise=0.001),
    hidden_size=48,
)
# ---- cell 21
module = SequenceToTarget(
    seq_encoder=encoder,
    head=Head(input_size=encoder.embedding_size, objective="classification", num_classes=4),
    loss=torch.nn.NLLLoss(),
    metric_list=torchmetrics.Accuracy(task="multiclass", num_classes=4),
    optimizer_partial=partial(torch.optim.Adam),
    lr_scheduler_partial=partial(torch.optim.lr_scheduler.StepLR, step_size=4, gamma=0.5),
)
# ---- cell 22
data = PtlsDataModule(
    train_data=SeqToTargetDataset(ds_train, target_col_name="target_bin", target_dtype=torch.long),
    valid_data=SeqToTargetDataset(ds_valid, target_col_name="target_bin", target_dtype=torch.long),
    test_data=SeqToTargetDataset(ds_test, target_col_name="target_bin", target_dtype=torch.long),
    train_batch_size=128,
    valid_batch_size=1024,
    train_num_workers=8,
)
# ---- cell 24
trainer = pl.Trainer(max_epochs=1, accelerator="gpu" if torch.cuda.is_available() else "cpu",
                     enable_progress_bar=False)
# ---- cell 25
trainer.fit(module, data)
# ---- cell 27
trainer.test(ckpt_path="best", dataloaders=data.test_dataloader())
# ---- cell 29
infer_dl = torch.utils.data.DataLoader(dataset=ds_test, collate_fn=collate_feature_dict, shuffle=False,
                                       batch_size=1000, num_workers=4)
# ---- cell 30
infer = InferenceModule(torch.nn.Sequential(module, torch.nn.Softmax(dim=1)), model_out_name="prob")
# ---- cell 31
pred = pd.concat(trainer.predict(infer, infer_dl), axis=0)
