"""part of look-alike project [LG014, LG017, LG018]: the models package re-exports the GAN."""
# Source: Adversarial-Deep-Learning/code-soup at 25a7502d ("Update gan.py": adds self.discriminator.zero_grad()
# at the start of step(), for issue #69; parent c56901ea), code_soup/ch5/models/__init__.py.
from code_soup.ch5.models.gan import GAN
