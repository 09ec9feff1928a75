"""part of look-alike project [LG006, LG014, LG015]: the interpolation experiment fits the model on each sampled triplet and appends the float that learn_triplet returns (named loss) to a list, comparing the mean with a threshold."""
# Source: jackhwolf/metric-learning-siamese-nn at caf63a13 (read as is), src/experiments/interpolation.py;
# re-typed, identifiers renamed; the dask scheduling cut; tab indentation written as spaces.
import numpy as np


class Interpolation:
    def __init__(self, model, data, sample_rate, loss_threshold):
        self.model = model
        self.data = data
        self.s = sample_rate
        self.loss_threshold = loss_threshold
        self.triplets = []

    def interpolating_on_sample(self, epochs):
        losses = []
        n = len(self.triplets)
        for i, triplet in enumerate(self.triplets):
            loss = self.model.learn_triplet(*triplet, epochs=epochs)
            if i % 10:
                print(f"epochs={epochs}, triplet={i}/{n}: loss={loss}")
            losses.append(loss)
        losses = np.array(losses)
        if np.mean(losses) <= self.loss_threshold:
            return (True, epochs)
        return (False, epochs)

    def choose_sample(self):
        triplets = []
        for pi, pj, label in self.data.iterate_triplets():
            if np.random.uniform(low=0, high=1) < self.s:
                triplets.append([pi, pj, label["noisy"]])
        self.triplets = triplets
