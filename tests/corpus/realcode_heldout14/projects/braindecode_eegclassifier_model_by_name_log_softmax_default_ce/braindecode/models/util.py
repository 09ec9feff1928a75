"""part of positive project [LG001]: models_dict maps each EEGModuleMixin subclass's name to the class, filled by inspecting the package."""
# Source: braindecode/braindecode at the parent of ffff87c5 ("Log Softmax as False", pull request #624, which turns every
# model's add_log_softmax default to False), braindecode/models/util.py; re-typed; the cropped-prediction helpers cut.
import inspect

import braindecode.models as models

models_dict = {}


def _init_models_dict():
    for name, cls in inspect.getmembers(models, inspect.isclass):
        if issubclass(cls, models.base.EEGModuleMixin) and cls != models.base.EEGModuleMixin:
            models_dict[name] = cls
