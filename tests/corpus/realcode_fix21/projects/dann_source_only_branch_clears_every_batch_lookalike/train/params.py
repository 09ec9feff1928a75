"""part of look-alike project [LG014]: the trainer's settings module, holding one network of each kind per pair of domains."""

# Source: CuthbertCai/pytorch_DANN@540e0c1699 train/params.py (the fix commit; cut, renamed)
from models import models

use_gpu = True
epochs = 1000
gamma = 10
theta = 1

extractor_dict = {"MNIST_MNIST_M": models.Extractor()}
class_dict = {"MNIST_MNIST_M": models.ClassClassifier()}
domain_dict = {"MNIST_MNIST_M": models.DomainClassifier()}
