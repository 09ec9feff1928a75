"""positive [LG014]: a Keras 3 model on the torch backend overrides train_step: loss.backward() fills the weights' .grad, the optimizer applies them, and nothing clears them before the next batch."""
# Source: https://github.com/fchollet/deep-learning-with-python-notebooks/issues/293 ("chapter 7 torch implementation of CustomModel forgets to zero_grad"); fchollet/deep-learning-with-python-notebooks@dea84a4 chapter07_deep-dive-keras.ipynb (the CustomModel cell; cut, renamed)
import keras
import torch

loss_fn = keras.losses.SparseCategoricalCrossentropy()
loss_tracker = keras.metrics.Mean(name="loss")


class CustomModel(keras.Model):
    def train_step(self, data):
        inputs, targets = data
        predictions = self(inputs, training=True)
        loss = loss_fn(targets, predictions)

        loss.backward()
        weights = [v for v in self.trainable_weights]
        grads = [v.value.grad for v in weights]

        with torch.no_grad():
            self.optimizer.apply(grads, weights)  # expect: LG014

        loss_tracker.update_state(loss)
        return {"loss": loss_tracker.result()}

    @property
    def metrics(self):
        return [loss_tracker]
