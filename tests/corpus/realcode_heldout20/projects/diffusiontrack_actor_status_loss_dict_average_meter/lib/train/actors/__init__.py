"""part of positive project [LG006]: the actors package re-exports the base actor and the DiffusionTrack actor."""
# Source: VISION-SJTU/DiffusionTrack at 1910ff52 (read as is), lib/train/actors/__init__.py.
from .base_actor import BaseActor
from .diffusiontrack import DiffusionTrackActor
