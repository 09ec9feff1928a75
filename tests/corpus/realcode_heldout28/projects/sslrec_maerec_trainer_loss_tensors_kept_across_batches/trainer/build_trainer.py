"""part of positive project [LG006]: the trainer class is looked up by name in the trainer module with importlib and dir(), from the config's trainer setting."""
# Source: hkuds/SSLRec at 7597c31c, trainer/build_trainer.py (read as is); re-typed, identifiers renamed.
import importlib

from config.configurator import configs


def build_trainer(data_handler, logger):
    name = 'Trainer' if 'trainer' not in configs['train'] else configs['train']['trainer']
    name = name.replace('_', '')
    module = importlib.import_module('trainer.trainer')
    for attr in dir(module):
        if attr.lower() == name.lower():
            return getattr(module, attr)(data_handler, logger)
    else:
        raise NotImplementedError('Trainer Class {} is not defined in {}'.format(name, 'trainer.trainer'))
