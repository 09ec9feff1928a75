"""How far one optimizer step moves the last layer (|dW|/|W|): the sizes the watcher's detectors decide on and
the catalog's pages state. Pure numbers, here so that both sides read them: the detectors import them
(runtime/detectors/advice.py), the catalog writes its texts from them, and the checker, which reads the
catalog, never imports the watcher."""

from __future__ import annotations

# the band healthy training moves the last layer in per step (|dW|/|W|: about 0.001-0.05): its top, and its bottom
HEALTHY_UPDATE = 0.05
SLOWEST_UPDATE = 0.001
# the band as the reports and the pages write it ("healthy training: about 0.001-0.05"; the numbers as
# runtime/detectors/base.fmt writes them)
HEALTHY_BAND = f"{SLOWEST_UPDATE:.4g}-{HEALTHY_UPDATE:.4g}"

# the largest update of a run in which no update broke the network (LG105): a fifth of the healthy band's top
# (the annotated transformer's copy task with shuffled targets: at most 0.004 by its collapse at step 392; at
# lr x100 the same run's updates reach 0.054 by step 80 and its collapse at 304 is the rate's)
CALM_UPDATE = 0.2 * HEALTHY_UPDATE
