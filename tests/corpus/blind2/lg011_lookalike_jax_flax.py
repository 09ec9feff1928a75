"""look-alike [LG011, LG001]: a JAX/Flax training step: jax.nn.softmax without axis (defaults to the last axis) and optax's softmax cross-entropy; no torch at all."""
import flax.linen as nn
import jax
import jax.numpy as jnp
import optax


class CNN(nn.Module):
    num_classes: int = 10

    @nn.compact
    def __call__(self, x):
        x = nn.Conv(features=32, kernel_size=(3, 3))(x)
        x = nn.relu(x)
        x = nn.avg_pool(x, window_shape=(2, 2), strides=(2, 2))
        x = x.reshape((x.shape[0], -1))
        x = nn.Dense(features=256)(x)
        x = nn.relu(x)
        return nn.Dense(features=self.num_classes)(x)


@jax.jit
def train_step(state, batch):
    def loss_fn(params):
        logits = state.apply_fn({"params": params}, batch["image"])
        one_hot = jax.nn.one_hot(batch["label"], 10)
        loss = optax.softmax_cross_entropy(logits=logits, labels=one_hot).mean()
        return loss, logits

    (loss, logits), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    state = state.apply_gradients(grads=grads)
    probs = jax.nn.softmax(logits)
    acc = jnp.mean(jnp.argmax(probs, -1) == batch["label"])
    return state, {"loss": loss, "accuracy": acc}
