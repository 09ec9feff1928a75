"""part of positive project [LG003, LG004]: the package of the cartoon GANs' models."""
