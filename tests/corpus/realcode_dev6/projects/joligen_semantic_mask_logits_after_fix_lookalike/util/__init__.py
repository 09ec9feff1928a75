"""part of look-alike project [LG001]: the package of helpers the models import."""
