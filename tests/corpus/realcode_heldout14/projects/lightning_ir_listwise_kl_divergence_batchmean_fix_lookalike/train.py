"""part of look-alike project [LG008, LG009]: the training script builds a cross-encoder module with the KL divergence and RankNet losses and fits it."""
# Source: webis-de/lightning-ir at the fix 2832d0a, a re-typed reduction of its test fixtures and README
# example (tests/conftest.py builds modules with loss_functions=[...]); the data module and model loading cut.
from lightning import Trainer

from lightning_ir.cross_encoder.module import CrossEncoderModule
from lightning_ir.loss import KLDivergence, RankNet

if __name__ == "__main__":
    module = CrossEncoderModule(model=load_cross_encoder("bert-base-uncased"), loss_functions=[KLDivergence(), RankNet()])
    trainer = Trainer(max_steps=1000)
    trainer.fit(module, datamodule=make_datamodule())
