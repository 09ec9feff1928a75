"""part of positive project [LG001, LG011]: the entry point builds extractor, head and both criteria from the Hydra config (head 'fancy_arcface', criterion_classification 'CrossEntropyLoss' in the shipped In-shop config)."""
# Source: OML-Team/open-metric-learning at ab1c4847 (parent of ce28a36), oml/lightning/entrypoints/train.py and
# examples/inshop/configs/train_inshop.yaml (the YAML's head and criterion names quoted in the comment below); re-typed,
# identifiers renamed; augmentations, sampler details, Neptune logging and callbacks cut.
from pathlib import Path

import pytorch_lightning as pl
from torch.utils.data import DataLoader

from oml.datasets.retrieval import get_retrieval_datasets
from oml.lightning.modules.retrieval import EmbeddingModule
from oml.registry.losses import get_criterion_by_cfg
from oml.registry.models import get_extractor_by_cfg, get_head_by_cfg
from oml.registry.optimizers import get_optimizer_by_cfg
from oml.registry.samplers import get_sampler_by_cfg
from oml.utils.misc import dictconfig_to_dict, set_global_seed


def pl_train(cfg) -> None:
    # train_inshop.yaml: head: {name: fancy_arcface}, criterion_classification: {name: CrossEntropyLoss}
    cfg = dictconfig_to_dict(cfg)
    set_global_seed(cfg["seed"], cfg["num_workers"])

    train_ds, valid_ds = get_retrieval_datasets(
        dataset_root=Path(cfg["dataset_root"]),
        im_size_train=cfg["im_size_train"],
        im_size_val=cfg["im_size_val"],
        dataframe_name=cfg["dataframe_name"],
    )
    df = train_ds.df
    sampler = get_sampler_by_cfg(
        cfg["sampler"], labels=train_ds.get_labels(), label2category=dict(zip(df["label"], df["category"]))
    )

    extractor = get_extractor_by_cfg(cfg["model"])
    head = (
        None
        if "head" not in cfg
        else get_head_by_cfg(cfg["head"], in_features=extractor.feat_dim, num_classes=train_ds.num_labels)
    )
    emb_criterion = get_criterion_by_cfg(cfg["criterion"])
    clf_criterion = (
        None if "criterion_classification" not in cfg else get_criterion_by_cfg(cfg["criterion_classification"])
    )

    params = [*extractor.parameters()]
    if head is not None:
        params.extend(head.parameters())
    optimizer = get_optimizer_by_cfg(cfg["optimizer"], params=params)

    loader_train = DataLoader(dataset=train_ds, sampler=sampler, num_workers=cfg["num_workers"], batch_size=sampler.batch_size)
    loader_val = DataLoader(dataset=valid_ds, batch_size=cfg["bs_val"], num_workers=cfg["num_workers"])

    module = EmbeddingModule(
        model=extractor,
        head=head,
        emb_criterion=emb_criterion,
        clf_criterion=clf_criterion,
        optimizer=optimizer,
    )
    trainer = pl.Trainer(max_epochs=cfg["max_epochs"], num_sanity_val_steps=0)
    trainer.fit(model=module, train_dataloaders=loader_train, val_dataloaders=loader_val)
