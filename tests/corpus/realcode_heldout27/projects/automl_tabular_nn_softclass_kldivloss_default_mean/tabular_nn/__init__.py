"""part of positive project [LG009]: the package marker of the tabular network models."""
# Source: autogluon/autogluon at f34ebb4f, tabular/src/autogluon/tabular/models/tabular_nn/__init__.py; re-typed.
