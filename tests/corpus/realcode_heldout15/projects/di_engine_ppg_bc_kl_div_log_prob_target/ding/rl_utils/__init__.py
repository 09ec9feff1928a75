"""part of positive project [LG008]: the rl_utils package re-exports the PPG loss."""
# Source: opendilab/DI-engine at d0b21d06, ding/rl_utils/__init__.py; re-typed, cut to the PPG names.
from .ppg import ppg_data, ppg_joint_loss, ppg_joint_error
