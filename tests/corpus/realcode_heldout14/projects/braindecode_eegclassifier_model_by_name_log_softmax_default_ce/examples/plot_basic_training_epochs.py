"""part of positive project [LG001]: the tutorial names the model as a string and leaves the classifier's default criterion (CrossEntropyLoss) in place."""
# Source: braindecode/braindecode at the parent of ffff87c5 ("Log Softmax as False", pull request #624, which turns every
# model's add_log_softmax default to False), examples/model_building/plot_basic_training_epochs.py; re-typed; the prose comments cut.
import mne
import numpy as np
from skorch.dataset import ValidSplit

from braindecode import EEGClassifier
from braindecode.models import ShallowFBCSPNet

model = ShallowFBCSPNet(
    n_chans=32,
    n_times=1000,
    n_outputs=2,
    final_conv_length="auto",
)
print(model)

info = mne.create_info(ch_names=["C3", "C4", "Cz"], sfreq=256.0, ch_types="eeg")
X = np.random.randn(100, 3, 1024)
epochs = mne.EpochsArray(X, info=info)
y = np.random.randint(0, 4, size=100)
print(epochs)

net = EEGClassifier(
    "ShallowFBCSPNet",  # expect: LG001
    module__final_conv_length="auto",
    train_split=ValidSplit(0.2),
)

net.fit(epochs, y)
print(net.module_)
