"""part of look-alike project [LG006, LG012, LG014]: the hydra entry point instantiates the model, the loss function and the optimizer from the config and hands them to the trainer."""
# Source: Torfinhell/ASR_Conformer@ce38698b54797a1dd8fd45c5fc691529296e1b32 train.py (read as is; re-typed, identifiers renamed, the BPE text collection, metrics and logger set-up shortened)
import hydra
import torch
from hydra.utils import instantiate
from omegaconf import OmegaConf

from src.datasets.data_utils import get_dataloaders
from src.trainer import ASRTrainer
from src.utils.init_utils import set_random_seed, setup_saving_and_logging


@hydra.main(version_base=None, config_path="src/configs", config_name="local")
def main(config):
    set_random_seed(config.trainer.seed)
    project_config = OmegaConf.to_container(config)
    logger = setup_saving_and_logging(config)
    writer = instantiate(config.writer, logger, project_config)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    text_encoder = instantiate(config.text_encoder)
    dataloaders, batch_transforms = get_dataloaders(config, text_encoder, device)
    model = instantiate(config.model, n_tokens=len(text_encoder)).to(device)
    loss_function = instantiate(config.loss_function).to(device)
    params = filter(lambda p: p.requires_grad, model.parameters())
    optimizer = instantiate(config.optimizer, params=params)
    epoch_len = config.trainer.get("epoch_len") or len(dataloaders["train"])
    grad_acum = config.trainer.get("grad_acum")
    lr_scheduler = instantiate(config.lr_scheduler, optimizer=optimizer, steps_per_epoch=max(epoch_len // grad_acum, 1))
    trainer = ASRTrainer(model=model, criterion=loss_function, metrics={"train": [], "inference": []},
                         optimizer=optimizer, lr_scheduler=lr_scheduler, text_encoder=text_encoder, config=config,
                         device=device, dataloaders=dataloaders, epoch_len=epoch_len, logger=logger, writer=writer,
                         batch_transforms=batch_transforms)
    trainer.train()


if __name__ == "__main__":
    main()
