"""part of positive project [LG010]: the entry point builds student and teacher, then the distiller named by cfg.DISTILLER.TYPE, and the trainer named by cfg.SOLVER.TRAINER."""
# Source: megvii-research/mdistiller@a08d46f10d6102bd6e3f258ca5ac880b020ea259 tools/train.py (read as is; re-typed, the config parsing, wandb and the detection branch left out)
import torch
import torch.nn as nn
import torch.backends.cudnn as cudnn

from mdistiller.models import cifar_model_dict
from mdistiller.distillers import distiller_dict
from mdistiller.engine import trainer_dict
from mdistiller.dataset import get_dataset
from mdistiller.engine.cfg import CFG as cfg


def main(cfg, resume, opts):
    train_loader, val_loader, num_data, num_classes = get_dataset(cfg)
    if cfg.DISTILLER.TYPE == "NONE":
        model_student = cifar_model_dict[cfg.DISTILLER.STUDENT][0](num_classes=num_classes)
        distiller = distiller_dict[cfg.DISTILLER.TYPE](model_student)
    else:
        net, pretrain_model_path = cifar_model_dict[cfg.DISTILLER.TEACHER]
        model_teacher = net(num_classes=num_classes)
        model_teacher.load_state_dict(torch.load(pretrain_model_path)["model"])
        model_student = cifar_model_dict[cfg.DISTILLER.STUDENT][0](num_classes=num_classes)
        distiller = distiller_dict[cfg.DISTILLER.TYPE](model_student, model_teacher, cfg)
    distiller = torch.nn.DataParallel(distiller.cuda())
    trainer = trainer_dict[cfg.SOLVER.TRAINER](cfg.EXPERIMENT.NAME, distiller, train_loader, val_loader, cfg)
    trainer.train()


if __name__ == "__main__":
    cudnn.benchmark = True
    main(cfg, False, [])
