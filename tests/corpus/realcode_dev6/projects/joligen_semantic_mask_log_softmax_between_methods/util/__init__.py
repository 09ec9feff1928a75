"""part of positive project [LG001]: the package of helpers the models import."""
