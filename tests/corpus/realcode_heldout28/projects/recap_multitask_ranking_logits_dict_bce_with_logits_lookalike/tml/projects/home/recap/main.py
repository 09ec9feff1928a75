"""part of look-alike project [LG003, LG004, LG005]: the Recap entry point builds the multi-task BCE-with-logits loss from the configured tasks and their positive weights, wraps the ranking model in it and hands it to the custom training loop."""
# Source: twitter/the-algorithm-ml at b8521086, projects/home/recap/main.py (read as is); re-typed, identifiers renamed;
# flags, config loading, the dataset service, sharding and the debug loop shortened (setup_and_get_device, ds,
# optimizer_mod, maybe_shard_model, ctl as in the source's modules).
import tml.core.custom_training_loop as ctl
import tml.projects.home.recap.data.dataset as ds
import tml.projects.home.recap.optimizer as optimizer_mod
from tml.common.device import setup_and_get_device
from tml.core import losses
from tml.core.loss_type import LossType
from tml.model import maybe_shard_model
from tml.projects.home.recap.model.entrypoint import create_ranking_model


def run(config, data_service_dispatcher=None):
    device = setup_and_get_device()
    loss_fn = losses.build_multi_task_loss(
        kind=LossType.BCE_WITH_LOGITS,
        tasks=list(config.model.tasks.keys()),
        pos_weights=[task.pos_weight for task in config.model.tasks.values()],
    )
    train_dataset = ds.RecapDataset(data_config=config.train_data, dataset_service=data_service_dispatcher)
    train_iterator = iter(train_dataset.to_dataloader())
    spec = train_dataset.torch_element_spec
    model = create_ranking_model(data_spec=spec[0], config=config, loss_fn=loss_fn, device=device)
    optimizer, scheduler = optimizer_mod.build_optimizer(model, config.optimizer, None)
    model = maybe_shard_model(model, device)
    ctl.train(
        model=model,
        optimizer=optimizer,
        device=device,
        save_dir=config.training.save_dir,
        logging_interval=config.training.train_log_every_n,
        train_steps=config.training.num_train_steps,
        checkpoint_frequency=config.training.checkpoint_every_n,
        dataset=train_iterator,
        worker_batch_size=config.train_data.global_batch_size,
        enable_amp=False,
        gradient_accumulation=config.training.gradient_accumulation,
        scheduler=scheduler,
    )
