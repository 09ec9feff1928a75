"""part of look-alike project [LG002, LG003]: the models package re-exports HookedModel and the tampering transformer."""
# Source: ejnnr/cupbearer at 3389efb6 ("Use BCE with logits (same as multiclass)", PR #35), src/cupbearer/models/__init__.py; re-typed; load() and the CNN/MLP models cut.
from .hooked_model import HookedModel
from .transformers_hf import TamperingPredictionTransformer
