"""part of positive project [LG007]: the experiment builds the network and the LightningModule named in the YAML config (configs/vision/training/resnet-cifar10.yaml: ClassificationTrainer, ClassificationModel, ClassificationHead with return_logits False) and fits it."""
# Source: sieu-n/awesome-modular-pytorch-lightning@be5f346011ee19354f604eb008bcfa02f9cc3ebf main.py (the parent of 5d36cad "b: fix nn.NLLLoss -> nn.CrossEntropyLoss", whose message says NLLLoss needs LogSoftmax, not Softmax; read as is; re-typed, identifiers renamed, dataset, dataloader and callback set-up shortened)
import lightning.trainers as trainers
import pytorch_lightning as pl
from utils.experiment import build_network


class Experiment():
    def __init__(self, cfg):
        self.cfg = cfg

    def setup_model(self, model_cfg, training_cfg):
        net = build_network(model_cfg)
        module = getattr(trainers, training_cfg["ID"])(training_cfg, net)
        self.network, self.model = net, module

    def train(self, trn_loader, val_loader, epochs=None):
        trainer = pl.Trainer(max_epochs=epochs, default_root_dir="results/checkpoints")
        trainer.fit(self.model, trn_loader, val_loader)
