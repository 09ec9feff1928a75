"""part of positive project [LG001, LG011]: the (empty) package of the two sentiment models."""
