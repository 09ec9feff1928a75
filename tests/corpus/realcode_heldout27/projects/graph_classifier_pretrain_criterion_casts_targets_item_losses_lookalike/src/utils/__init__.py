"""part of look-alike project [LG003, LG004, LG006, LG013, LG016]: the utils package re-exports the model factory, the task criterion and the prediction helper."""
# Source: Graph-COM/GSAT at 6812f5ca, src/utils/__init__.py; re-typed; the data-loader and logging helpers' imports cut.
from .get_model import Criterion, get_model, get_preds
