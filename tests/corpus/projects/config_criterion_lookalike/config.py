"""part of look-alike project [LG001, LG002]: configuration picking the task."""
TASK = "multiclass"
NUM_CLASSES = 5
LR = 3e-4
