"""part of positive project [LG014]: the models package re-exports the GAN."""
# Source: Adversarial-Deep-Learning/code-soup at c56901ea (issue #69 "Zero Grad and Generator error missing in GAN";
# fixed by 25a7502d), code_soup/ch5/models/__init__.py.
from code_soup.ch5.models.gan import GAN
