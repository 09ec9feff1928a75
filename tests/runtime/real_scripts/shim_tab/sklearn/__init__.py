"""A stand-in for the part of scikit-learn a tabular regression script uses (not installed here): California housing
generated (``datasets``), ``train_test_split`` of arrays (``model_selection``), ``StandardScaler`` (``preprocessing``)."""
