"""part of look-alike project [LG001, LG006, LG007]: init_ftn turns the config's list of loss names into functions imported by name."""
# Source: cbim-medical-group/pytorch-template@7f76ee095420e23efe22df560d8e0a314fbc16dd parse_config.py (read as is; re-typed, cut to init_obj and init_ftn, the logging and the argument merging left out)
import importlib
from functools import partial


class ConfigParser:
    def __init__(self, config):
        self._config = config

    def __getitem__(self, name):
        return self._config[name]

    def init_obj(self, name, module, *args, **kwargs):
        module_name = self[name]['type']
        module_args = dict(self[name]['args'])
        module_args.update(kwargs)
        return getattr(module, module_name)(*args, **module_args)

    def init_ftn(self, name, module=None, *args, **kwargs):
        names = self[name]
        ftns = []
        for module_name in names:
            if not module:
                found = importlib.import_module(f"{name}.{module_name}")
            ftns.append(partial(getattr(found, module_name), *args, **kwargs))
        return ftns
