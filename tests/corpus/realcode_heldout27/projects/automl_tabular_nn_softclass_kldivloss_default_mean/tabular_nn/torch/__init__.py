"""part of positive project [LG009]: the package marker of the torch tabular network."""
# Source: autogluon/autogluon at f34ebb4f, tabular/src/autogluon/tabular/models/tabular_nn/torch/__init__.py; re-typed.
