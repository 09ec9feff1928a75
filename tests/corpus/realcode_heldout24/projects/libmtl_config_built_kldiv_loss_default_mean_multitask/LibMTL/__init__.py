"""part of positive project [LG009]: package marker (the real one re-exports the trainer and the method registries)."""
# Source: median-research-group/LibMTL at 9c68e548 (v1.1.6, the version issue #30 "更换损失函数时的两个问题" traces through when a user swaps CELoss for KLDivLoss), LibMTL/__init__.py; cut to nothing.
