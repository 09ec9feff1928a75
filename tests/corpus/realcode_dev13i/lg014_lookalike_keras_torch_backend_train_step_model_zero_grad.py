"""look-alike [LG014]: the same chapter's hand-written torch-backend train_step clears the gradients with model.zero_grad() after applying them."""
# Source: https://github.com/fchollet/deep-learning-with-python-notebooks/issues/293 (the cell the thread contrasts with); fchollet/deep-learning-with-python-notebooks@dea84a4 chapter07_deep-dive-keras.ipynb (cut, renamed)
import keras
import torch


def make_step(model):
    loss_fn = keras.losses.SparseCategoricalCrossentropy()
    optimizer = keras.optimizers.Adam()

    def train_step(inputs, targets):
        predictions = model(inputs, training=True)
        loss = loss_fn(targets, predictions)
        loss.backward()
        grads = [w.value.grad for w in model.trainable_weights]
        with torch.no_grad():
            optimizer.apply(grads, model.trainable_weights)
        model.zero_grad()
        return loss

    return train_step
