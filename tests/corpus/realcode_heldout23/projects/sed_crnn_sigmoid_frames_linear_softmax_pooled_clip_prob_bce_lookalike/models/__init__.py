"""part of look-alike project [LG002, LG006, LG016]: the models package re-exports the CRNN the config names."""
# Source: Furudo-E-rika/sjtu_Course_Projects at 0e2831ef (read as is), APracticalCourceToIntelligentPerceptionAndCognition/sound_event_detection/models/__init__.py.
from .baseline import Crnn
