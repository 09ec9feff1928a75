"""part of look-alike project [LG001]: the networks are built from options by name, so what they compute is not visible here."""
# Source: jolibrain/joliGEN@2622650abd models/networks.py (re-typed: the two factories only)
import importlib


def define_G(G_netG, **kwargs):
    return getattr(importlib.import_module("models.modules.generators"), G_netG)(**kwargs)


def define_f(f_s_net, **kwargs):
    return getattr(importlib.import_module("models.modules.segmenters"), f_s_net)(**kwargs)
