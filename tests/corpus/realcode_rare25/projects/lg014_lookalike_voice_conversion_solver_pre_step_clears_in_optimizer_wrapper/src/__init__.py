"""part of look-alike project [LG014]: the package of the model, data and optimizer helpers."""
