"""part of look-alike project [LG014, LG017, LG018]: the exercise's entry script: trains the CNN, picks one training image, asks which digit to turn it into and runs adversarial_attack for 10000 iterations."""
# Source: DavideZFC/Pytorch-Exercises at 925118c6, Ex6/main.py; re-typed, identifiers renamed; the plotting helpers' calls kept, their module not reproduced.
from data_loader import get_data
from functions.train_on_data import train_on_data
from functions.plot_figure import simple_plot
from functions.get_probas import get_probas
import numpy as np

X_train, y_train = get_data()
idx = 7
net = train_on_data(X_train, y_train)
sample = X_train[np.newaxis, idx:idx + 1, :, :]
print(get_probas(net.numpy_predict(sample)))
target_label = int(input())
attacked = net.adversarial_attack(np.copy(sample), target_label, iter=10000)
simple_plot(attacked)
print(get_probas(net.numpy_predict(attacked)))
