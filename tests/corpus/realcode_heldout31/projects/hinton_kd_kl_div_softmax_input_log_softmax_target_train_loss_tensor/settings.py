"""part of positive project [LG006, LG008]: module-level settings read by the losses' default arguments and the training script."""
# Source: zhuangzi926/KnowledgeDistillation-pytorch at 4785bd9afa5d79a744c127851e316caf8469a10e settings.py (dataset statistics for the other datasets shortened)
DEVICE = "0"
DATASET_NAME = "raw_cifar10"
TEACHER_NAME = "resnet50"
STUDENT_NAME = "resnet18"
KD_STYLE = "hinton"
MODEL_NAME = "_".join([DATASET_NAME, TEACHER_NAME, STUDENT_NAME, KD_STYLE])
LOAD_FILENAME = "cifar10_resnet50.ckpt"
SAVE_FILENAME = "cifar10_resnet18_kd.ckpt"
NUM_CLASSES = 10
DATASET_MEAN = (0.4914, 0.4822, 0.4465)
DATASET_STD = (0.2023, 0.1994, 0.2010)
NUM_EPOCHS = 60
BATCH_SIZE = 64
INITIAL_LR = 1e-1
EPOCH_BOUNDARIES = [15, 30, 45]
TEMPERATURE = 4.0
ALPHA = 0.9
BETA = 1e-1
